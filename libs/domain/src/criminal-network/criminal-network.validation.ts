import { checkPastInstant, isUuid, type Problems } from '../shared/validation.js';
import { networkNotFound } from './criminal-network.errors.js';
import type { CriminalNetworkState, IdentifiedNetwork } from './criminal-network.state.js';

/** Every command after the identification needs the network; an id that does not name the stream's network is "not found". */
export function requireNetwork(state: CriminalNetworkState, networkId: unknown): IdentifiedNetwork {
  if (state.status === 'unidentified' || !isUuid(networkId) || networkId.toLowerCase() !== state.networkId) throw networkNotFound();
  return state;
}

/** Commands are built from wire input: a missing `data` becomes field problems, not a crash. */
export function networkDataOf(command: { data?: unknown }): Record<string, unknown> {
  const data = command.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

/** What happens to a network lies between its identification (or a later act it follows) and now. */
export function checkNotBefore(
  problems: Problems,
  field: string,
  value: unknown,
  now: string,
  notBefore: string,
  what: { es: string; en: string },
): string | undefined {
  return checkPastInstant(problems, field, value, now, {
    instant: notBefore,
    reason: `No puede ser anterior a ${what.es}`,
    reasonEn: `Cannot be before ${what.en}`,
  });
}
