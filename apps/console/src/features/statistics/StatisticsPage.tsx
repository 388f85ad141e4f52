import { Title } from '@mantine/core';

/** Placeholder until this screen is built. */
export default function StatisticsPage() {
  return <Title order={2}>StatisticsPage</Title>;
}
