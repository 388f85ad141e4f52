/**
 * The signed-in session lives in sessionStorage only (never localStorage): it ends with the tab, and nothing of it
 * outlives sign-out. Drafts (keys under `rt.draft.`) survive an expired session so that signing in again loses
 * nothing; sign-out clears everything.
 */
export interface Session {
  token: string;
  expiresAt: string;
  role: string;
  departments: string[];
  subject: string;
}

const SESSION_KEY = 'rt.session';
export const DRAFT_PREFIX = 'rt.draft.';

type Listener = (session: Session | null, reason: 'signed-in' | 'signed-out' | 'expired') => void;
const listeners = new Set<Listener>();

export function readSession(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  emit(session, 'signed-in');
}

/** The token no longer works (expired, or the API said 401): back to sign-in, drafts kept. */
export function expireSession(): void {
  if (!sessionStorage.getItem(SESSION_KEY)) return;
  sessionStorage.removeItem(SESSION_KEY);
  emit(null, 'expired');
}

/** Sign-out: every key of the tab, drafts included, and whatever the console cached in memory (via listeners). */
export function clearSession(): void {
  const language = sessionStorage.getItem('rt.language');
  sessionStorage.clear();
  if (language) sessionStorage.setItem('rt.language', language);
  emit(null, 'signed-out');
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let lastReason: Parameters<Listener>[1] | null = null;

/** Why the last session ended, so sign-in can say "your session expired" rather than nothing. */
export function lastEndReason(): 'signed-out' | 'expired' | null {
  return lastReason === 'signed-in' ? null : lastReason;
}

function emit(session: Session | null, reason: Parameters<Listener>[1]): void {
  lastReason = reason;
  for (const listener of listeners) listener(session, reason);
}
