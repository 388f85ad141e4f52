/**
 * Read-your-writes: every command answer carries the log position it reached; lists, queues and statistics are
 * then asked with `minPosition`, and the API waits until its projection has read that far. So a screen never shows a
 * list without the record the user just saved. Kept for the tab (a reload still waits for the last write).
 */
const KEY = 'rt.position';

export function rememberPosition(answer: unknown): void {
  const position = (answer as { position?: unknown } | null)?.position;
  if (typeof position !== 'number') return;
  if (position > lastPosition()) sessionStorage.setItem(KEY, String(position));
}

/** The highest position this tab has written, or undefined before its first write. */
export function minPosition(): number | undefined {
  const position = lastPosition();
  return position > 0 ? position : undefined;
}

function lastPosition(): number {
  return Number(sessionStorage.getItem(KEY) ?? 0) || 0;
}
