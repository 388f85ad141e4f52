import { Title } from '@mantine/core';

/** Placeholder until this screen is built. */
export default function CasesPage() {
  return <Title order={2}>CasesPage</Title>;
}
