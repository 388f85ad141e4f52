import { createHash, randomUUID } from 'node:crypto';

/**
 * Benchmark events shaped like the registry's own: a hotline call received, with a sealed summary, so every
 * contender stores JSON of the same size.
 */
export function hotlineCallData(i: number): Record<string, unknown> {
  const callId = randomUUID();
  return {
    callId,
    receivedAt: new Date(Date.UTC(2025, i % 12, 1 + (i % 28), 14, i % 60)).toISOString(),
    channel: ['phone', 'whatsapp', 'web'][i % 3],
    language: 'es',
    callerUbigeo: i % 5 === 0 ? null : ['150101', '080101', '170101', '040101'][i % 4],
    anonymous: i % 3 === 0,
    topic: i % 11 === 0 ? 'trafficking' : 'information',
    summary: `sealed:v1:${createHash('sha256').update(callId).digest('base64url').repeat(3)}`,
  };
}

export const METADATA = { actor: 'bench', correlationId: '00000000-0000-4000-8000-000000000000' };

export const fakeHash = (seed: string): string => createHash('sha256').update(seed).digest('hex');
