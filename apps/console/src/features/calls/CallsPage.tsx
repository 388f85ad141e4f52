import { Title } from '@mantine/core';

/** Placeholder until this screen is built. */
export default function CallsPage() {
  return <Title order={2}>CallsPage</Title>;
}
