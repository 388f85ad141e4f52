import { InvalidCommand } from '#domain';

/** Where a newest-first page ended: the last row's time and id (ties on time are broken by id). */
export interface ListCursor {
  at: string;
  id: string;
}

/** Opaque to clients: base64url of the last row's (time, id). */
export const encodeCursor = (cursor: ListCursor): string => Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeCursor(raw: string | undefined): ListCursor | null {
  if (raw === undefined || raw === '') return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && UUID.test(id)) return { at, id };
  } catch {
    // falls through to the 400 below
  }
  throw new InvalidCommand([{ field: 'cursor', reason: 'no es un cursor de esta lista', reasonEn: 'is not a cursor of this list' }]);
}

/**
 * A day (YYYY-MM-DD) in Lima as an instant range [start, end). Peru keeps UTC−5 all year (no daylight saving
 * since 1994); a change would show up in limaMonth's IANA zone first.
 */
export function limaDayStart(day: string, field: string): string {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00-05:00`) : null;
  if (!start || Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== day) {
    throw new InvalidCommand([{ field, reason: 'debe ser una fecha AAAA-MM-DD', reasonEn: 'must be a date YYYY-MM-DD' }]);
  }
  return start.toISOString();
}

/** [from, to] as days in Lima → [start, end) instants; `to` is included. */
export function limaDayRange(from: string | undefined, to: string | undefined): { start: string | null; end: string | null } {
  const start = from === undefined ? null : limaDayStart(from, 'from');
  const end = to === undefined ? null : new Date(Date.parse(limaDayStart(to, 'to')) + 86_400_000).toISOString();
  if (start && end && start >= end) {
    throw new InvalidCommand([{ field: 'to', reason: 'debe ser igual o posterior a from', reasonEn: 'must not be before from' }]);
  }
  return { start, end };
}
