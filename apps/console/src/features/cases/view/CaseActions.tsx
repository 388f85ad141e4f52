import { Button, Group, Kbd, Stack, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { can, type Me } from '../../../auth/use-me.js';
import { useTexts } from '../../../i18n/i18n.js';
import { correctionTexts } from './correction-texts.js';
import { texts } from './texts.js';
import type { SafeCase } from './use-case.js';

const OperationForm = lazy(() => import('./OperationForm.js'));
const PersonForm = lazy(() => import('./PersonForm.js'));
const ProsecutorReferralForm = lazy(() => import('./ProsecutorReferralForm.js'));
const VictimReferralForm = lazy(() => import('./VictimReferralForm.js'));
const CloseCaseForm = lazy(() => import('./CloseCaseForm.js'));
const CorrectFactsForm = lazy(() => import('./CorrectFactsForm.js'));
const ReasonCommandForm = lazy(() => import('./ReasonCommandForm.js'));
const SameFactsForm = lazy(() => import('./SameFactsForm.js'));
const ReferencesForm = lazy(() => import('./ReferencesForm.js'));

type Action =
  'victim' | 'suspect' | 'operation' | 'prosecutor' | 'referVictim' | 'close' | 'correct' | 'references' | 'sameFacts' | 'reopen';

interface ActionDef {
  action: Action;
  endpoint: string;
  /** Alt + this physical key opens the form (letters Chromium and Firefox leave to pages). */
  key: string;
  label: keyof typeof texts.es | { corrections: keyof typeof correctionTexts.es };
}

const ACTIONS: readonly ActionDef[] = [
  { action: 'operation', endpoint: 'POST /api/v1/cases/{caseId}/operations', key: 'O', label: 'recordOperation' },
  { action: 'victim', endpoint: 'POST /api/v1/cases/{caseId}/victims', key: 'V', label: 'addVictim' },
  { action: 'suspect', endpoint: 'POST /api/v1/cases/{caseId}/suspects', key: 'S', label: 'addSuspect' },
  { action: 'referVictim', endpoint: 'POST /api/v1/cases/{caseId}/referrals', key: 'D', label: 'referVictim' },
  { action: 'prosecutor', endpoint: 'POST /api/v1/cases/{caseId}/prosecutor-referral', key: 'R', label: 'referToProsecutor' },
  { action: 'close', endpoint: 'POST /api/v1/cases/{caseId}/closure', key: 'C', label: 'closeCase' },
  { action: 'correct', endpoint: 'POST /api/v1/cases/{caseId}/corrections', key: 'K', label: { corrections: 'correctFacts' } },
  { action: 'references', endpoint: 'POST /api/v1/cases/{caseId}/references', key: 'N', label: { corrections: 'recordReferences' } },
  { action: 'sameFacts', endpoint: 'POST /api/v1/cases/{caseId}/same-facts', key: 'M', label: { corrections: 'sameFacts' } },
  { action: 'reopen', endpoint: 'POST /api/v1/cases/{caseId}/reopening', key: 'A', label: { corrections: 'reopen' } },
];

/** Corrections fix the record: allowed on open, referred and closed cases alike. */
const CORRECTIONS: readonly Action[] = ['correct', 'references', 'sameFacts'];
/** Shown apart from the case's steps: the corrections of the record, and reopening it. */
const isCorrection = (action: Action) => CORRECTIONS.includes(action) || action === 'reopen';

/**
 * Why an action is not available now, from the case's state as the API folds it (police-case.state.ts): a closed
 * case takes no command; only an open one is sent to the prosecutor; a victim is referred once there is one.
 * The API still decides: its 422 is shown in the form if the state moved meanwhile.
 */
function blocked(action: Action, view: SafeCase, t: typeof texts.es, r: typeof correctionTexts.es): string | null {
  if (action === 'reopen') return view.status === 'closed' ? null : r.notClosed;
  if (action === 'sameFacts' && view.sameAsCaseId) return r.alreadySameFacts;
  if (CORRECTIONS.includes(action)) return null;
  if (view.status === 'closed') return t.caseClosed;
  if (action === 'prosecutor' && view.status !== 'open') return t.alreadyReferred;
  if (action === 'referVictim' && view.victims.length === 0) return t.noVictims;
  return null;
}

/** The commands this role may send on this case, each a keyboard-operable form with its Alt shortcut shown. */
export function CaseActions({ view, me }: { view: SafeCase; me: Me | undefined }) {
  const t = useTexts(texts);
  const r = useTexts(correctionTexts);
  const [open, setOpen] = useState<Action | null>(null);
  // Reopening is offered only where it applies: on a closed case.
  const allowed = ACTIONS.filter((def) => can(me, def.endpoint) && (def.action !== 'reopen' || view.status === 'closed'));
  useHotkeys(
    allowed.map((def) => [
      `alt+${def.key}`,
      () => {
        if (!blocked(def.action, view, t, r)) setOpen(def.action);
      },
      { usePhysicalKeys: true },
    ]),
  );
  if (allowed.length === 0) return null;
  const close = () => setOpen(null);
  const renderButton = (def: ActionDef) => {
    const reason = blocked(def.action, view, t, r);
    const correction = isCorrection(def.action);
    const button = (
      <Button
        key={def.action}
        size={correction ? 'xs' : 'sm'}
        px={correction ? 6 : 'sm'}
        variant={def.action === 'close' ? 'default' : correction ? 'subtle' : 'light'}
        disabled={!!reason}
        onClick={() => setOpen(def.action)}
        aria-keyshortcuts={`Alt+${def.key}`}
        aria-describedby={reason ? `why-${def.action}` : undefined}
        rightSection={<Kbd size="xs">Alt {def.key}</Kbd>}
      >
        {typeof def.label === 'string' ? t[def.label] : r[def.label.corrections]}
      </Button>
    );
    return reason ? (
      <Tooltip key={def.action} label={reason} id={`why-${def.action}`}>
        <span>{button}</span>
      </Tooltip>
    ) : (
      button
    );
  };
  return (
    <>
      <Stack gap={6}>
        <Group gap="xs" role="group" aria-label={t.actions}>
          {allowed.filter((def) => !isCorrection(def.action)).map(renderButton)}
        </Group>
        {allowed.some((def) => isCorrection(def.action)) && (
          <div>
            <Text size="xs" fw={600} c="dimmed" aria-hidden="true">
              {r.corrections}
            </Text>
            <Group gap={4} role="group" aria-label={r.corrections}>
              {allowed.filter((def) => isCorrection(def.action)).map(renderButton)}
            </Group>
          </div>
        )}
      </Stack>
      <Suspense fallback={null}>
        {open === 'operation' && <OperationForm view={view} onClose={close} />}
        {open === 'victim' && <PersonForm kind="victim" view={view} onClose={close} />}
        {open === 'suspect' && <PersonForm kind="suspect" view={view} onClose={close} />}
        {open === 'referVictim' && <VictimReferralForm view={view} onClose={close} />}
        {open === 'prosecutor' && <ProsecutorReferralForm view={view} onClose={close} />}
        {open === 'close' && <CloseCaseForm view={view} onClose={close} />}
        {open === 'correct' && <CorrectFactsForm view={view} onClose={close} />}
        {open === 'references' && <ReferencesForm view={view} onClose={close} />}
        {open === 'sameFacts' && <SameFactsForm view={view} onClose={close} />}
        {open === 'reopen' && <ReasonCommandForm view={view} command={{ kind: 'reopen' }} onClose={close} />}
      </Suspense>
    </>
  );
}
