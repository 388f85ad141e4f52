import { Title } from '@mantine/core';

/** Placeholder until this screen is built. */
export default function AuditPage() {
  return <Title order={2}>AuditPage</Title>;
}
