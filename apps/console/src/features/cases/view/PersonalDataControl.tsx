import { Alert, Button, Group, Kbd, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useTexts } from '../../../i18n/i18n.js';
import { PurposeDialog } from './PurposeDialog.js';
import { texts } from './texts.js';
import { readPersonalData } from './use-case.js';
import type { PersonalFields } from './types.js';

interface Props {
  caseId: string;
  /** Whether to offer the read: the role may receive the case's personal fields (GET /me `personalData.case`). */
  available: boolean;
  personal: Record<string, PersonalFields> | null;
  onChange(personal: Record<string, PersonalFields> | null): void;
}

/**
 * "Show personal data": asks why, then reads the case again with that purpose in X-Purpose (the API audits the
 * read). What comes back lives in the page's memory only, never in the query cache or storage; hiding drops it.
 */
export function PersonalDataControl({ caseId, available, personal, onChange }: Props) {
  const t = useTexts(texts);
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useHotkeys(available ? [['alt+P', () => (personal ? onChange(null) : setAsking(true)), { usePhysicalKeys: true }]] : []);
  if (!available) return null;
  const confirm = async (purpose: string) => {
    setPending(true);
    setError(null);
    try {
      onChange(await readPersonalData(caseId, purpose));
      setAsking(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  const shortcut = (
    <Text span size="xs">
      <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">P</Kbd>
    </Text>
  );
  return (
    <>
      {personal ? (
        <Group justify="flex-end">
          <Button variant="default" size="xs" onClick={() => onChange(null)} aria-keyshortcuts="Alt+P" rightSection={shortcut}>
            {t.hidePersonal}
          </Button>
        </Group>
      ) : (
        <Alert color="gray" variant="light" p="xs">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t.personalHidden}</Text>
            <Button
              size="xs"
              variant="outline"
              onClick={() => setAsking(true)}
              aria-keyshortcuts="Alt+P"
              rightSection={shortcut}
              style={{ flexShrink: 0 }}
            >
              {t.showPersonal}
            </Button>
          </Group>
        </Alert>
      )}
      <PurposeDialog
        opened={asking}
        pending={pending}
        error={error}
        onClose={() => {
          setAsking(false);
          setError(null);
        }}
        onConfirm={(purpose) => void confirm(purpose)}
      />
    </>
  );
}
