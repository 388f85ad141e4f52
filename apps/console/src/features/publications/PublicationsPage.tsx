import { Title } from '@mantine/core';

/** Placeholder until this screen is built. */
export default function PublicationsPage() {
  return <Title order={2}>PublicationsPage</Title>;
}
