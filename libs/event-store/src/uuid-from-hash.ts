/**
 * A UUID-shaped string from a hash's hex digest (at least 32 hex digits): version nibble 8 (RFC 9562's custom
 * version, so it never passes for a random v4) and the RFC variant bits. The one recipe for every id the registry
 * derives: event ids from an Idempotency-Key, ids the server derives for a request, the ids of records' own keys.
 */
export function uuidFromHash(hex: string): string {
  if (!/^[0-9a-f]{32,}$/.test(hex)) throw new Error('uuidFromHash needs at least 32 lower-case hex digits');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
