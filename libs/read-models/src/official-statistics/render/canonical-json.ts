import { createHash } from 'node:crypto';

/** The log's canonical JSON (keys sorted at every depth, no whitespace): published reports hash this form. */
export { canonicalJson } from '#event-store';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
