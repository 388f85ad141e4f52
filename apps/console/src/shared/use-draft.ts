import { useCallback, useEffect, useState } from 'react';
import { DRAFT_PREFIX } from '../auth/session.js';

/**
 * A form's draft kept in sessionStorage (this tab only), so a reload or an expired session loses nothing; `clear`
 * after a save. Sign-out removes every draft.
 */
export function useDraft<T extends object>(
  name: string,
  initial: () => T,
): [T, (update: Partial<T> | ((draft: T) => T)) => void, () => void] {
  const key = DRAFT_PREFIX + name;
  const [draft, setDraft] = useState<T>(() => {
    const stored = sessionStorage.getItem(key);
    if (!stored) return initial();
    try {
      return { ...initial(), ...(JSON.parse(stored) as Partial<T>) };
    } catch {
      return initial();
    }
  });
  useEffect(() => {
    sessionStorage.setItem(key, JSON.stringify(draft));
  }, [key, draft]);
  const update = useCallback((change: Partial<T> | ((current: T) => T)) => {
    setDraft((current) => (typeof change === 'function' ? change(current) : { ...current, ...change }));
  }, []);
  const clear = useCallback(() => {
    sessionStorage.removeItem(key);
    setDraft(initial());
  }, [key]);
  return [draft, update, clear];
}
