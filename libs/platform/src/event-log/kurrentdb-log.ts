import {
  CASE_STREAM_PREFIX,
  CRIMINAL_NETWORK_STREAM_PREFIX,
  HOTLINE_CALL_STREAM_PREFIX,
  PROSECUTION_STREAM_PREFIX,
  REFERRAL_STREAM_PREFIX,
  REGISTRY_NUMBER_STREAM_PREFIX,
  TRIAL_STREAM_PREFIX,
  VICTIM_ASSISTANCE_STREAM_PREFIX,
  WITNESS_PROTECTION_STREAM_PREFIX,
} from '#domain';
import type { EventStore } from '#event-store';

/** Every stream kind of the registry: what the KurrentDB adapter's `$all` read is filtered to (no system streams). */
export const REGISTRY_STREAM_PREFIXES: readonly string[] = [
  HOTLINE_CALL_STREAM_PREFIX,
  REFERRAL_STREAM_PREFIX,
  CASE_STREAM_PREFIX,
  PROSECUTION_STREAM_PREFIX,
  TRIAL_STREAM_PREFIX,
  CRIMINAL_NETWORK_STREAM_PREFIX,
  VICTIM_ASSISTANCE_STREAM_PREFIX,
  WITNESS_PROTECTION_STREAM_PREFIX,
  REGISTRY_NUMBER_STREAM_PREFIX,
];

/** The log in KurrentDB (EVENT_STORE=kurrentdb): the raw adapter, and how to let go of its connection. */
export interface KurrentDbLog {
  store: EventStore;
  close(): Promise<void>;
}

/**
 * Connects to KurrentDB. The client (and its native bridge) is loaded only here, so a PostgreSQL deployment never
 * loads it. The connection is lazy: a server that is down fails the first append or read, not the start.
 */
export async function openKurrentDbLog(url: string): Promise<KurrentDbLog> {
  const [{ KurrentDBClient }, { KurrentDbEventStore }] = await Promise.all([
    import('@kurrent/kurrentdb-client'),
    import('#event-store/kurrentdb'),
  ]);
  const client = KurrentDBClient.connectionString(url);
  return { store: new KurrentDbEventStore(client, REGISTRY_STREAM_PREFIXES), close: () => client.dispose() };
}
