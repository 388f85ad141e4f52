import { Title } from '@mantine/core';

/** Placeholder until this screen is built. */
export default function ProsecutionPage() {
  return <Title order={2}>ProsecutionPage</Title>;
}
