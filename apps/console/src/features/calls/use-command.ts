import { useCallback, useRef, useState } from 'react';
import { ApiError, NetworkError } from '../../api/errors.js';
import { limaNow } from '../../shared/format.js';
import { newId } from '../../shared/ids.js';
import { rememberPosition } from '../../shared/read-your-writes.js';

/** One intended action: its idempotency key (or new record id) and its time, both fixed until it succeeds. */
interface Intent {
  key: string;
  at: string;
}

/**
 * A next action (classify, refer, close) that is safe to retry: the key and the time are made once per intended
 * action and reused when the answer was lost, so the API returns the original result rather than doing it twice or
 * refusing a "different" retry. A 4xx (nothing appended) ends the intent: the corrected attempt is a new one.
 */
export function useCommand<T>(run: (key: string, at: string) => Promise<T>, onDone: (answer: T) => void) {
  const intent = useRef<Intent | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  const submit = useCallback(async () => {
    if (pending) return;
    const current = (intent.current ??= { key: newId(), at: limaNow() });
    setPending(true);
    setError(null);
    setDone(false);
    try {
      const answer = await run(current.key, current.at);
      intent.current = null;
      rememberPosition(answer);
      setDone(true);
      onDone(answer);
    } catch (failure) {
      const transient = failure instanceof NetworkError || (failure instanceof ApiError && failure.status >= 500);
      if (!transient) intent.current = null;
      setError(failure);
    } finally {
      setPending(false);
    }
  }, [pending, run, onDone]);

  const reset = useCallback(() => {
    intent.current = null;
    setError(null);
    setDone(false);
  }, []);

  return { submit, error, pending, done, reset };
}
