import { Title } from '@mantine/core';

/** Placeholder until this screen is built. */
export default function JusticePage() {
  return <Title order={2}>JusticePage</Title>;
}
