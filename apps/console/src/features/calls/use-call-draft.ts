import { useCallback } from 'react';
import { limaNow } from '../../shared/format.js';
import { newId } from '../../shared/ids.js';
import { useDraft } from '../../shared/use-draft.js';
import type { NewCall } from './api.js';

export interface CallDraft extends NewCall {
  /** Whether the operator has started this call; until then `receivedAt` follows the clock. */
  started: boolean;
  /** Once the operator sets the time by hand, it is never moved again. */
  receivedAtEdited: boolean;
}

/** A fresh call: its id made once, here, so that every retry of its save is the same command. */
function freshCall(): CallDraft {
  return {
    callId: newId(),
    receivedAt: limaNow(),
    channel: 'phone',
    language: 'es',
    callerUbigeo: null,
    anonymous: true,
    topic: null,
    summary: '',
    started: false,
    receivedAtEdited: false,
  };
}

/**
 * The call being recorded, kept in the tab's draft (a reload keeps every field and the id). A form left open
 * between calls would otherwise stamp the next call with the time the form was opened, so the first edit of a
 * call sets `receivedAt` to that moment unless the operator typed a time.
 */
export function useCallDraft() {
  const [draft, update, clear] = useDraft<CallDraft>('hotline-call', freshCall);
  const change = useCallback(
    (patch: Partial<NewCall>) => {
      update((current) => {
        const byHand = 'receivedAt' in patch;
        const restamp = !current.started && !current.receivedAtEdited && !byHand;
        return {
          ...current,
          ...patch,
          started: true,
          receivedAtEdited: current.receivedAtEdited || byHand,
          receivedAt: restamp ? limaNow() : (patch.receivedAt ?? current.receivedAt),
        };
      });
    },
    [update],
  );
  return { draft, change, clear };
}

export function callOf(draft: CallDraft): NewCall {
  const { started: _started, receivedAtEdited: _edited, ...call } = draft;
  return call;
}
