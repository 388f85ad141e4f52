import type { BatchContext, Projection, Queryable } from '#event-store';
import { departmentOfUbigeo } from '#domain';
import { REGISTRY_EVENT_TYPES, type Recorded, type RegistryEvent } from '../shared/registry-events.js';
import { affectedKeys, applyEvent, departmentVictimUnitId, victimUnitId } from './statistics-evolve.js';
import { cellKey, contributions, parseCellKey, upgradeUnit, UnitStates, type Unit } from './statistics-units.js';

export const STATISTICS_PROJECTION = 'official-statistics';

interface LedgerRow {
  position: number;
  recordedAt: string;
  key: string;
  sign: 1 | -1;
}

/**
 * Turns the log into the ledger of cell changes behind every official statistic (monthly report, INEI tables).
 * Per event: the cells of the units it touches before and after; what disappeared gets −1, what appeared +1.
 */
export const statisticsLedgerProjection: Projection<RegistryEvent> = {
  name: STATISTICS_PROJECTION,
  tables: ['stat_units', 'stat_ledger', 'stat_cells', 'stat_log_times'],
  // Every type, those that change no unit too: stat_log_times keeps the recording time of every log position.
  handles: REGISTRY_EVENT_TYPES,
  async applyBatch(db: Queryable, recorded: readonly Recorded[], batch: BatchContext): Promise<void> {
    const events = await withLinkIds(db, recorded);
    const loaded = await loadUnits(db, events);
    const units = new UnitStates(loaded.states);
    const ledger: LedgerRow[] = [];
    for (const [i, event] of events.entries()) {
      const keys = await affectedKeysLoaded(db, event, units, loaded.asked);
      if (keys.length === 0) continue;
      const before = keys.flatMap((key) => contributions(units.states.get(key)).map(cellKey));
      applyEvent(event, units, batch.logPositions[i]);
      const after = keys.flatMap((key) => contributions(units.states.get(key)).map(cellKey));
      const row = (key: string, sign: 1 | -1): LedgerRow => ({ position: batch.logPositions[i], recordedAt: event.recordedAt, key, sign });
      for (const key of difference(before, after)) ledger.push(row(key, -1));
      for (const key of difference(after, before)) ledger.push(row(key, 1));
    }
    await writeLedger(db, ledger);
    await writeCells(db, ledger);
    await writeUnits(db, units);
    await writeLogTimes(db, batch.logPositions, events);
  },
};

/**
 * VictimIdentified events recorded before link ids carry the document's keyed hash: it is replaced by the link id
 * document_links holds for it (none once the person was erased: she then counts by victimId), and dropped.
 */
async function withLinkIds(db: Queryable, events: readonly Recorded[]): Promise<readonly Recorded[]> {
  const hashOf = (e: Recorded) =>
    e.type === 'VictimIdentified' && typeof e.data.documentHash === 'string' && e.data.documentHash !== '' ? e.data.documentHash : null;
  const hashes = [...new Set(events.map(hashOf).filter((h): h is string => h !== null))];
  if (hashes.length === 0) return events;
  const { rows } = await db.query('SELECT link_id, document_hash FROM document_links WHERE document_hash = ANY($1::text[])', [hashes]);
  const links = new Map((rows as Array<{ link_id: string; document_hash: string }>).map((r) => [r.document_hash, r.link_id]));
  return events.map((e) => {
    const hash = hashOf(e);
    if (hash === null || e.type !== 'VictimIdentified') return e;
    const { documentHash: _hash, ...data } = e.data;
    return { ...e, data: { ...data, linkId: typeof data.linkId === 'string' ? data.linkId : (links.get(hash) ?? null) } };
  });
}

/**
 * The keys an event changes, each loaded first: the batch's prefetch (loadUnits) reads the units events name;
 * corrections also change units found through others (a case's victims, prosecutions, trials; the unit of a
 * victim's new document), read here when the prefetch did not — once per key and batch.
 */
async function affectedKeysLoaded(db: Queryable, event: Recorded, units: UnitStates, asked: Set<string>): Promise<string[]> {
  for (;;) {
    const keys = affectedKeys(event, units);
    const missing = keys.filter((key) => !units.states.has(key) && !asked.has(key));
    if (missing.length === 0) return keys;
    for (const key of missing) asked.add(key);
    await loadInto(db, units.states, missing);
  }
}

/** Multiset difference a − b. */
function difference(a: string[], b: string[]): string[] {
  const remaining = new Map<string, number>();
  for (const key of b) remaining.set(key, (remaining.get(key) ?? 0) + 1);
  return a.filter((key) => {
    const left = remaining.get(key) ?? 0;
    if (left === 0) return true;
    remaining.set(key, left - 1);
    return false;
  });
}

/**
 * The units the batch's events name, then the denunciations their prosecutions and trials belong to; `asked`: the
 * keys read (found or not).
 */
async function loadUnits(db: Queryable, events: readonly Recorded[]): Promise<{ states: Map<string, Unit>; asked: Set<string> }> {
  const states = new Map<string, Unit>();
  const asked = new Set<string>();
  const load = (keys: string[]) => {
    for (const key of keys) asked.add(key);
    return loadInto(db, states, keys);
  };
  const wanted = new Set<string>();
  const want = (kind: string, id: unknown) => {
    if (typeof id === 'string') wanted.add(`${kind}:${id}`);
  };
  for (const event of events) {
    // A referral without a place counts in its source's department: the source's unit is read, not changed.
    if (event.type === 'ReferralSent') {
      const { source } = event.data;
      if (source.kind === 'hotline_call') want('call', source.id);
      if (source.kind === 'case') want('case', source.id);
    }
    // Whatever ids the event names, whichever stream it comes from.
    const d = event.data;
    if ('callId' in d) want('call', d.callId);
    if ('referralId' in d) want('referral', d.referralId);
    if ('caseId' in d) want('case', d.caseId);
    if (event.type === 'VictimIdentified') want('victim', victimUnitId(event.data));
    if ('prosecutionId' in d) want('prosecution', d.prosecutionId);
    if ('trialId' in d) want('trial', d.trialId);
    if ('operationId' in d) want('operation', d.operationId);
    if ('networkId' in d) want('network', d.networkId);
    if ('measureId' in d) want('protection', d.measureId);
    if ('personId' in d) want('protectedPerson', d.personId);
    if ('interviewId' in d) want('gesell', d.interviewId);
    if ('actId' in d) want('assistance', d.victimId);
  }
  await load([...wanted]);
  // A victim's department unit: its denunciation's department, from the stored case or one registered in the batch.
  const registered = new Map<string, string>();
  for (const event of events) if (event.type === 'CaseRegistered') registered.set(event.data.caseId, departmentOfUbigeo(event.data.ubigeo));
  const local: string[] = [];
  for (const event of events) {
    if (event.type !== 'VictimIdentified') continue;
    const d = event.data;
    const stored = states.get(`case:${d.caseId}`);
    const department = stored?.kind === 'case' ? stored.dept : registered.get(d.caseId);
    if (department !== undefined) local.push(`victim:${departmentVictimUnitId(d, department)}`);
  }
  await load(local.filter((key) => !asked.has(key)));
  const linked = new Set<string>();
  for (const unit of states.values()) {
    if ((unit.kind === 'prosecution' || unit.kind === 'trial') && unit.caseId) linked.add(`case:${unit.caseId}`);
  }
  await load([...linked].filter((key) => !asked.has(key)));
  return { states, asked };
}

async function loadInto(db: Queryable, states: Map<string, Unit>, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const { rows } = await db.query<{ unit_key: string; state: string }>(
    'SELECT unit_key, state FROM stat_units WHERE unit_key = ANY($1::text[])',
    [keys],
  );
  for (const row of rows) states.set(row.unit_key, upgradeUnit(JSON.parse(row.state) as Unit));
}

async function writeUnits(db: Queryable, units: UnitStates): Promise<void> {
  const keys = [...units.changed];
  if (keys.length === 0) return;
  await db.query(
    `INSERT INTO stat_units (unit_key, state) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (unit_key) DO UPDATE SET state = excluded.state`,
    [keys, keys.map((key) => JSON.stringify(units.states.get(key)))],
  );
}

async function writeLedger(db: Queryable, ledger: LedgerRow[]): Promise<void> {
  if (ledger.length === 0) return;
  const cells = ledger.map((row) => parseCellKey(row.key));
  await db.query(
    `INSERT INTO stat_ledger (log_position, recorded_at, measure, period, department, d1, d2, d3, sign)
     SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::smallint[])`,
    [
      ledger.map((r) => r.position),
      ledger.map((r) => r.recordedAt),
      cells.map((c) => c.measure),
      cells.map((c) => c.period),
      cells.map((c) => c.dept),
      cells.map((c) => c.d1),
      cells.map((c) => c.d2),
      cells.map((c) => c.d3),
      ledger.map((r) => r.sign),
    ],
  );
}

async function writeCells(db: Queryable, ledger: LedgerRow[]): Promise<void> {
  const deltas = new Map<string, number>();
  for (const row of ledger) deltas.set(row.key, (deltas.get(row.key) ?? 0) + row.sign);
  const changed = [...deltas].filter(([, delta]) => delta !== 0);
  if (changed.length === 0) return;
  const cells = changed.map(([key]) => parseCellKey(key));
  const params = [
    cells.map((c) => c.period),
    cells.map((c) => c.measure),
    cells.map((c) => c.dept),
    cells.map((c) => c.d1),
    cells.map((c) => c.d2),
    cells.map((c) => c.d3),
  ];
  await db.query(
    `INSERT INTO stat_cells (period, measure, department, d1, d2, d3, n)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
     ON CONFLICT (period, measure, department, d1, d2, d3) DO UPDATE SET n = stat_cells.n + excluded.n`,
    [...params, changed.map(([, delta]) => delta)],
  );
  await db.query(
    `DELETE FROM stat_cells c USING unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       AS u(period, measure, department, d1, d2, d3)
     WHERE c.n = 0 AND c.period = u.period AND c.measure = u.measure AND c.department = u.department
       AND c.d1 = u.d1 AND c.d2 = u.d2 AND c.d3 = u.d3`,
    params,
  );
}

/** Positions per stat_log_times row: rows are fixed chunks, so rebuilding in any batch size gives the same rows. */
const LOG_TIMES_CHUNK = 1024;

async function writeLogTimes(db: Queryable, positions: readonly number[], events: readonly Recorded[]): Promise<void> {
  const chunks = new Map<number, { positions: number[]; times: string[] }>();
  positions.forEach((position, i) => {
    const first = Math.floor((position - 1) / LOG_TIMES_CHUNK) * LOG_TIMES_CHUNK + 1;
    const chunk = chunks.get(first) ?? { positions: [], times: [] };
    chunk.positions.push(position);
    chunk.times.push(events[i].recordedAt);
    chunks.set(first, chunk);
  });
  for (const [first, chunk] of chunks) {
    await db.query(
      `INSERT INTO stat_log_times (first_position, positions, recorded_at) VALUES ($1, $2, $3)
       ON CONFLICT (first_position) DO UPDATE SET positions = stat_log_times.positions || excluded.positions,
         recorded_at = stat_log_times.recorded_at || excluded.recorded_at`,
      [first, chunk.positions, chunk.times],
    );
  }
}
