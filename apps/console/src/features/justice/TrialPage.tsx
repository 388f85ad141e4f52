import { Title } from '@mantine/core';

/** Placeholder until this screen is built. */
export default function TrialPage() {
  return <Title order={2}>TrialPage</Title>;
}
