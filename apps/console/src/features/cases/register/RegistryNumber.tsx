import { Text } from '@mantine/core';
import { useTexts } from '../../../i18n/i18n.js';
import { searchTexts } from '../search/texts.js';

/** The registry number, large: the operator reads it out on the phone, so it must be legible at a glance. */
export function RegistryNumber({ value }: { value: string | null | undefined }) {
  const t = useTexts(searchTexts);
  if (!value) return null;
  return (
    <Text size="sm" c="dark.7">
      {t.registryNumberIs}{' '}
      <Text span fz={28} fw={800} ff="monospace" c="dark.9" data-testid="registry-number" style={{ letterSpacing: '0.05em' }}>
        {value}
      </Text>
    </Text>
  );
}
