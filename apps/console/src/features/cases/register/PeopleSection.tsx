import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTexts } from '../../../i18n/i18n.js';
import { newSuspect, newVictim, type CaseDraft, type SuspectDraft, type VictimDraft } from './draft.js';
import { SuspectFields } from './SuspectFields.js';
import { registerTexts } from './texts.js';
import { VictimFields } from './VictimFields.js';

interface Props {
  draft: CaseDraft;
  update(change: (draft: CaseDraft) => CaseDraft): void;
  errors: Record<string, string>;
}

const replace = <T,>(list: T[], index: number, change: Partial<T>) => list.map((item, i) => (i === index ? { ...item, ...change } : item));

/** The victims and suspects of a denunciation; each one gets its id when added, so retries never double it. */
export function PeopleSection({ draft, update, errors }: Props) {
  const t = useTexts(registerTexts);
  const setVictim = (index: number, change: Partial<VictimDraft>) => update((d) => ({ ...d, victims: replace(d.victims, index, change) }));
  const setSuspect = (index: number, change: Partial<SuspectDraft>) =>
    update((d) => ({ ...d, suspects: replace(d.suspects, index, change) }));
  return (
    <>
      <Stack gap="sm">
        <Title order={4}>{t.victims}</Title>
        {draft.victims.length === 0 && (
          <Text size="sm" c="dimmed">
            {t.noVictims}
          </Text>
        )}
        {draft.victims.map((victim, index) => (
          <VictimFields
            key={victim.victimId}
            index={index}
            victim={victim}
            errors={errors}
            onChange={(change) => setVictim(index, change)}
            onRemove={() => update((d) => ({ ...d, victims: d.victims.filter((_, i) => i !== index) }))}
          />
        ))}
        <Group>
          <Button variant="light" onClick={() => update((d) => ({ ...d, victims: [...d.victims, newVictim()] }))}>
            {t.addVictim}
          </Button>
        </Group>
      </Stack>
      <Stack gap="sm">
        <Title order={4}>{t.suspects}</Title>
        {draft.suspects.length === 0 && (
          <Text size="sm" c="dimmed">
            {t.noSuspects}
          </Text>
        )}
        {draft.suspects.map((suspect, index) => (
          <SuspectFields
            key={suspect.suspectId}
            index={index}
            suspect={suspect}
            errors={errors}
            onChange={(change) => setSuspect(index, change)}
            onRemove={() => update((d) => ({ ...d, suspects: d.suspects.filter((_, i) => i !== index) }))}
          />
        ))}
        <Group>
          <Button variant="light" onClick={() => update((d) => ({ ...d, suspects: [...d.suspects, newSuspect()] }))}>
            {t.addSuspect}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
