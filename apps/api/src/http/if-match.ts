import { InvalidCommand } from '#domain';

/** `If-Match: "3"` (or W/"3", or 3) → 3; absent → undefined; anything else is a 400 naming the header. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw new InvalidCommand([{ field: 'If-Match', reason: 'debe ser la versión, p. ej. "3"', reasonEn: 'must be the version, e.g. "3"' }]);
  }
  return Number(match[1]);
}

export const etag = (version: number): string => `"${version}"`;
