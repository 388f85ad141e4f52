import { createHmac } from 'node:crypto';
import type pg from 'pg';
import {
  caseStreamName,
  createHotlineCallDecider,
  createPoliceCaseDecider,
  DomainError,
  hotlineCallStreamName,
  type CommandMetadata,
  type PoliceCaseEvent,
  type PoliceCaseState,
} from '#domain';
import { eventIdFor, PostgresEventStore, uuidFromHash, type EventMetadata, type EventStore, type NewEvent } from '#event-store';
import { STREAM_SEALINGS, type ReferenceCatalogs, type SubjectKeyStore } from '#platform';
import { locateField, type CaseRecord } from './case-rows.js';
import type { CallRecord } from './call-rows.js';
import type { RowProblem } from './import-layout.js';
import { RegistryNumberReserver } from './registry-numbers.js';

/** Who appends imported events (metadata.actor): the CLI's importer, not a person. */
export const IMPORT_ACTOR = 'cli:import';

/** Where an imported event comes from: the system that kept the record, the file (SHA-256) and its line. */
export interface Provenance {
  sourceSystem: string;
  fileSha256: string;
  row: number;
}

/** The server's keys for derived ids (the API's IdKeys: the keyring's stable key under their own labels). */
export interface ImportKeys {
  derivedIds: Buffer;
  eventIds: Buffer;
}

/** A UUID from stable parts under the server's secret, exactly as the API's IdKeys.derive. */
export const deriveId = (keys: ImportKeys, ...parts: string[]): string =>
  uuidFromHash(createHmac('sha256', keys.derivedIds).update(parts.join('\n')).digest('hex'));

/** A case ready to append: its ids, and the events of RegisterCase as its decider gave them. */
export interface DecidedCase {
  record: CaseRecord;
  caseId: string;
  events: PoliceCaseEvent[];
  state: PoliceCaseState;
  /** The line of each victim by its derived id: a VictimIdentified's provenance. */
  victimLines: ReadonlyMap<string, number>;
}

export interface ImportContext {
  /** The log itself: the importer seals what it appends (appendChunk), as SealingEventStore does. */
  log: EventStore;
  keys: SubjectKeyStore;
  pool: pg.Pool;
  ids: ImportKeys;
  catalogs: ReferenceCatalogs;
  sourceSystem: string;
  fileSha256: string;
  /** The moment of the import: the deciders' `now` (registrations cannot lie after it). */
  now: string;
}

export const metadataOf = (context: Pick<ImportContext, 'sourceSystem' | 'fileSha256'>, row: number): EventMetadata => ({
  actor: IMPORT_ACTOR,
  provenance: { sourceSystem: context.sourceSystem, fileSha256: context.fileSha256, row } satisfies Provenance,
});

/**
 * Ids of an imported case and its victims, derived from the source system and the source records' own ids under
 * the server's secret: the same file (or another file with the same records) always names the same streams and
 * people, so an import run twice is recognised; without the key nobody can compute them.
 */
export const importedCaseId = (keys: ImportKeys, sourceSystem: string, sourceCaseId: string): string =>
  deriveId(keys, 'import', sourceSystem, 'case', sourceCaseId);
export const importedVictimId = (keys: ImportKeys, caseId: string, sourceVictimId: string): string =>
  deriveId(keys, caseId, 'import-victim', sourceVictimId);
export const importedCallId = (keys: ImportKeys, sourceSystem: string, sourceCallId: string): string =>
  deriveId(keys, 'import', sourceSystem, 'call', sourceCallId);

/** A decider's refusal as row problems: each field at its line and column in the file. */
function refusalOf(record: CaseRecord, error: DomainError): RowProblem[] {
  const fields = error.fields.length > 0 ? error.fields : [{ field: 'caseId', reason: error.messageEs, reasonEn: error.messageEn }];
  return fields
    .map((f) => ({ ...locateField(record, f.field), reason: f.reason, reasonEn: f.reasonEn }))
    .map(({ line, column, reason, reasonEn }) => ({
      line,
      field: column,
      reason,
      reasonEn,
    }));
}

/**
 * Runs the police-case decider on each case (the law in force, the places, the people: the rules of the API), so
 * the dry run refuses exactly what the import would. Refused cases come back as problems, with every other line of
 * the case reported too (a case is imported whole or not at all).
 */
export function decideCases(records: readonly CaseRecord[], context: Pick<ImportContext, 'ids' | 'catalogs' | 'sourceSystem' | 'now'>) {
  const decider = createPoliceCaseDecider({ ubigeo: context.catalogs.ubigeo, countries: context.catalogs.countries });
  const metadata: CommandMetadata = { now: context.now, actor: IMPORT_ACTOR };
  const decided: DecidedCase[] = [];
  const problems: RowProblem[] = [];
  for (const record of records) {
    const caseId = importedCaseId(context.ids, context.sourceSystem, record.sourceCaseId);
    const victims = record.data.victims.map((victim, i) => ({
      ...victim,
      victimId: importedVictimId(context.ids, caseId, record.victims[i].sourceVictimId),
    }));
    try {
      const events = decider.decide({ type: 'RegisterCase', data: { ...record.data, caseId, victims }, metadata }, decider.initialState());
      const state = events.reduce(decider.evolve, decider.initialState());
      const victimLines = new Map(victims.map((victim, i) => [victim.victimId, record.victims[i].line]));
      decided.push({ record, caseId, events, state, victimLines });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const found = refusalOf(record, error);
      const faulty = new Set(found.map((p) => p.line));
      for (const line of record.lines)
        if (!faulty.has(line))
          found.push({
            line,
            field: 'source_case_id',
            reason: `el caso no se importa: su línea ${[...faulty].join(', ')} no es válida`,
            reasonEn: `the case is not imported: its line ${[...faulty].join(', ')} is invalid`,
          });
      problems.push(...found);
    }
  }
  return { decided, problems };
}

/** The streams of the given ids that already exist (chunked: one query per few thousand streams). */
export async function existingStreams(pool: pg.Pool, streamIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let at = 0; at < streamIds.length; at += 5000) {
    const { rows } = await pool.query<{ stream_id: string }>(
      'SELECT stream_id FROM events WHERE stream_id = ANY($1::text[]) AND stream_position = 1',
      [streamIds.slice(at, at + 5000)],
    );
    for (const row of rows) found.add(row.stream_id);
  }
  return found;
}

/** Runs `work` on each item with at most `limit` at a time. */
export async function eachBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface AppendOutcome {
  /** Cases (or calls) appended by this run, and their rows. */
  appended: number;
  appendedRows: number;
  /** Found already in the log (by this run's derived ids): a concurrent run of the same file got there first. */
  alreadyRows: number;
}

/** The events of one stream, ready to seal and append. */
interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  rows: number;
}

/**
 * Seals and appends a chunk of new streams as SealingEventStore would one by one, with the keys of the whole chunk
 * created (and the documents linked) in one exchange instead of one per stream. The streams are new (the import
 * checked), so they go in together: one transaction, one INSERT (PostgresEventStore.appendNewStreams). Should any of them exist by
 * now (a concurrent run of the same file), the chunk falls back to the store's own append, stream by stream,
 * which recognises a stream appended with the same events. Returns the rows appended and those already there.
 */
async function appendChunk(
  appends: readonly StreamAppend[],
  context: ImportContext,
  options: { concurrency: number; onRows(rows: number): void },
): Promise<AppendOutcome> {
  const sealingOf = (streamId: string) => STREAM_SEALINGS.find((sealing) => streamId.startsWith(sealing.streamPrefix));
  const subjects = appends.flatMap((a) => a.events.flatMap((event) => sealingOf(a.streamId)?.subjectsOf(event) ?? []));
  const keyring = await context.keys.keyring({ create: subjects });
  const sealed = appends.map(({ streamId, events, rows }) => {
    const sealing = sealingOf(streamId);
    const data = (event: NewEvent) => (sealing ? (sealing.seal(keyring, event).data as Record<string, unknown>) : event.data);
    return { streamId, rows, events: events.map((event) => ({ ...event, data: data(event) })) };
  });
  const rows = sealed.reduce((n, a) => n + a.rows, 0);
  if (await new PostgresEventStore(context.pool).appendNewStreams(sealed)) {
    options.onRows(rows);
    return { appended: sealed.length, appendedRows: rows, alreadyRows: 0 };
  }
  const outcome: AppendOutcome = { appended: 0, appendedRows: 0, alreadyRows: 0 };
  await eachBounded(sealed, options.concurrency, async ({ streamId, events, rows: streamRows }) => {
    const result = await context.log.append(streamId, events, 0);
    if (result.replayed) outcome.alreadyRows += streamRows;
    else {
      outcome.appended++;
      outcome.appendedRows += streamRows;
    }
    options.onRows(streamRows);
  });
  return outcome;
}

/** Chunks being sealed and written at once while the next one's numbers are reserved and its events built. */
const WRITES_IN_FLIGHT = 2;

const addOutcome = (total: AppendOutcome, part: AppendOutcome): void => {
  total.appended += part.appended;
  total.appendedRows += part.appendedRows;
  total.alreadyRows += part.alreadyRows;
};

/**
 * Appends each new case: its RegisterCase events and its RegistryNumberAssigned, in ONE append on the case stream
 * (a case never half-applies). Numbers are reserved first, a chunk at a time, in the order of registration; a
 * reservation whose case append then failed is found again by the next run (reservations are per case id).
 */
export async function appendCases(
  cases: readonly DecidedCase[],
  context: ImportContext,
  options: { concurrency: number; chunk: number; onRows(rows: number): void },
): Promise<AppendOutcome> {
  const decider = createPoliceCaseDecider({ ubigeo: context.catalogs.ubigeo, countries: context.catalogs.countries });
  const metadata: CommandMetadata = { now: context.now, actor: IMPORT_ACTOR };
  const ordered = [...cases].sort((a, b) => Date.parse(a.record.data.registeredAt) - Date.parse(b.record.data.registeredAt));
  const outcome: AppendOutcome = { appended: 0, appendedRows: 0, alreadyRows: 0 };
  const reserver = new RegistryNumberReserver(context.log, context.ids.eventIds);
  // Up to WRITES_IN_FLIGHT chunks sealed and written at once, while the next one's numbers are reserved and its events built.
  const writing: Array<Promise<void>> = [];
  for (let at = 0; at < ordered.length; at += options.chunk) {
    const chunk = ordered.slice(at, at + options.chunk);
    const numbers = await reserver.reserve(
      chunk.map((c) => ({
        caseId: c.caseId,
        ubigeo: c.record.data.ubigeo,
        registeredAt: c.record.data.registeredAt,
        metadata: metadataOf(context, c.record.line),
      })),
    );
    const appends = chunk.map((c): StreamAppend => {
      const registryNumber = numbers.get(c.caseId)!;
      const assigned = decider.decide({ type: 'AssignRegistryNumber', data: { caseId: c.caseId, registryNumber }, metadata }, c.state);
      const streamId = caseStreamName(c.caseId);
      const lineOf = (event: PoliceCaseEvent): number =>
        event.type === 'VictimIdentified' ? (c.victimLines.get(event.data.victimId) ?? c.record.line) : c.record.line;
      const events = [...c.events, ...assigned].map((event, index) => ({
        eventId: eventIdFor(context.ids.eventIds, streamId, 'import', index),
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: metadataOf(context, lineOf(event)),
      }));
      return { streamId, events, rows: c.record.lines.length };
    });
    if (writing.length >= WRITES_IN_FLIGHT) await writing.shift();
    const write = appendChunk(appends, context, options).then((part) => addOutcome(outcome, part));
    write.catch(() => undefined); // handled: awaited before a later chunk, or after the last one
    writing.push(write);
  }
  for (const write of writing) await write;
  return outcome;
}

/** Historic hotline calls: each through the hotline decider, one append per call (group-committed by the store). */
export function decideCalls(records: readonly CallRecord[], context: Pick<ImportContext, 'ids' | 'catalogs' | 'sourceSystem' | 'now'>) {
  const decider = createHotlineCallDecider({ ubigeo: context.catalogs.ubigeo });
  const metadata: CommandMetadata = { now: context.now, actor: IMPORT_ACTOR };
  const decided: Array<{ record: CallRecord; callId: string; events: Array<{ type: string; data: object }> }> = [];
  const problems: RowProblem[] = [];
  const columns: Record<string, string> = {
    callId: 'source_call_id',
    receivedAt: 'received_at',
    callerUbigeo: 'caller_ubigeo',
    anonymous: 'anonymous',
    summary: 'summary',
  };
  for (const record of records) {
    const callId = importedCallId(context.ids, context.sourceSystem, record.sourceCallId);
    try {
      const events = decider.decide({ type: 'RecordHotlineCall', data: { ...record.data, callId }, metadata }, decider.initialState());
      decided.push({ record, callId, events });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const fields = error.fields.length > 0 ? error.fields : [{ field: 'callId', reason: error.messageEs, reasonEn: error.messageEn }];
      problems.push(
        ...fields.map((f) => ({ line: record.line, field: columns[f.field] ?? f.field, reason: f.reason, reasonEn: f.reasonEn })),
      );
    }
  }
  return { decided, problems };
}

export async function appendCalls(
  calls: ReturnType<typeof decideCalls>['decided'],
  context: ImportContext,
  options: { concurrency: number; chunk: number; onRows(rows: number): void },
): Promise<AppendOutcome> {
  const outcome: AppendOutcome = { appended: 0, appendedRows: 0, alreadyRows: 0 };
  for (let at = 0; at < calls.length; at += options.chunk) {
    const appends = calls.slice(at, at + options.chunk).map((call): StreamAppend => {
      const streamId = hotlineCallStreamName(call.callId);
      const events = call.events.map((event, index) => ({
        eventId: eventIdFor(context.ids.eventIds, streamId, 'import', index),
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: metadataOf(context, call.record.line),
      }));
      return { streamId, events, rows: 1 };
    });
    addOutcome(outcome, await appendChunk(appends, context, options));
  }
  return outcome;
}
