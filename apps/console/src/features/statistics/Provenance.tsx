import { Group, Text } from '@mantine/core';
import { common } from '../../i18n/common.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { texts } from './texts.js';
import type { Provenance as Source } from './types.js';

/** Period, log position and disclosure control of the figures above it: what makes a number checkable. */
export function Provenance({ source }: { source: Source }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const positions = [...new Set(source.positions)].sort((a, b) => a - b);
  const position =
    positions.length === 0
      ? '—'
      : positions.length === 1
        ? formatNumber(positions[0], language)
        : `${formatNumber(positions[0], language)}–${formatNumber(positions[positions.length - 1], language)}`;
  return (
    <Group gap="md" data-testid="provenance" wrap="wrap">
      <Text size="sm">
        <b>{t.period}:</b> {source.period}
      </Text>
      <Text size="sm">
        <b>{positions.length > 1 ? t.positions : t.position}:</b> {position}
      </Text>
      <Text size="sm" data-testid="disclosure">
        {source.k === null ? t.exact : t.disclosure(source.k)}
      </Text>
    </Group>
  );
}

export function useReservedLabel(): string {
  return useTexts(common).reserved;
}
