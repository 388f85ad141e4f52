import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, NetworkError } from '../../api/errors.js';
import { recordCall, type NewCall } from './api.js';
import type { CallCommandAnswer } from './types.js';

/** Attempts in all (the first and four retries) and the wait before each retry: about 15 s before giving up. */
export const MAX_ATTEMPTS = 5;
const BACKOFF_MS = [1000, 2000, 4000, 8000];

export type SavePhase = 'idle' | 'saving' | 'retrying' | 'failed' | 'invalid';

export interface SaveState {
  phase: SavePhase;
  /** The attempt under way or scheduled (1-based). */
  attempt: number;
  error: unknown;
}

/** Lost answers, server failures and rate limits may succeed later; a 4xx will not, it needs the user. */
function isTransient(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiError && (error.status >= 500 || error.status === 429));
}

/**
 * Saving a call while the caller waits: a failure on the way (no answer, 5xx) is retried by itself with backoff,
 * always with the same body and so the same `callId`, which the API turns into "already recorded" instead of a
 * second call. The user sees the retries and can skip the wait.
 */
export function useRecordCall(onSaved: (answer: CallCommandAnswer, call: NewCall) => void) {
  const [state, setState] = useState<SaveState>({ phase: 'idle', attempt: 0, error: null });
  const pending = useRef<NewCall | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const busy = useRef(false);
  const saved = useRef(onSaved);
  saved.current = onSaved;

  const attempt = useCallback(async (number: number) => {
    const call = pending.current;
    if (!call || busy.current) return;
    busy.current = true;
    setState({ phase: 'saving', attempt: number, error: null });
    try {
      const answer = await recordCall(call);
      pending.current = null;
      setState({ phase: 'idle', attempt: 0, error: null });
      saved.current(answer, call);
    } catch (error) {
      if (!isTransient(error)) {
        pending.current = null;
        setState({ phase: 'invalid', attempt: number, error });
      } else if (number < MAX_ATTEMPTS) {
        setState({ phase: 'retrying', attempt: number + 1, error });
        timer.current = setTimeout(() => void attempt(number + 1), BACKOFF_MS[number - 1]);
      } else {
        setState({ phase: 'failed', attempt: number, error });
      }
    } finally {
      busy.current = false;
    }
  }, []);

  /**
   * Saves `call`. While an earlier save of this call is still pending (waiting for its next retry, or given up),
   * the same command is sent again at once instead: same body, same id, never a second call.
   */
  const save = useCallback(
    (call: NewCall) => {
      if (busy.current) return;
      clearTimeout(timer.current);
      pending.current = pending.current ?? call;
      void attempt(1);
    },
    [attempt],
  );

  useEffect(() => () => clearTimeout(timer.current), []);
  return { state, save, retryNow: save };
}
