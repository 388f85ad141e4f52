import { Title } from '@mantine/core';

/** Placeholder until this screen is built. */
export default function ReferralsPage() {
  return <Title order={2}>ReferralsPage</Title>;
}
