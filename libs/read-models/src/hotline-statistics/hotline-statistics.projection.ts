import type { Projection, Queryable } from '#event-store';
import { departmentOfUbigeo, HOTLINE_CALL_EVENT_TYPES, isTraffickingRelated, limaMonth, type HotlineCallEvent } from '#domain';
import type { Recorded } from '../shared/registry-events.js';

export const HOTLINE_STATISTICS_PROJECTION = 'hotline-statistics';

/** One call as the statistics see it (a row of hotline_call_facts). */
interface CallFact {
  callId: string;
  receivedAt: string;
  receivedMonth: string;
  department: string;
  topic: string;
  traffickingRelated: boolean;
  closed: boolean;
}

/**
 * Keeps two tables: hotline_call_facts, one row per call (the truth each event changes), and
 * hotline_call_counts, the counts per month of receipt (Lima) and department, which the statistics read so a
 * query costs the same at ten million events as at ten. A batch is folded in memory from the affected calls'
 * rows, then written with three set-based statements; counts move by the difference between each call's
 * contribution before and after the batch.
 */
export const hotlineStatisticsProjection: Projection<HotlineCallEvent> = {
  name: HOTLINE_STATISTICS_PROJECTION,
  tables: ['hotline_call_facts', 'hotline_call_counts'],
  handles: HOTLINE_CALL_EVENT_TYPES,
  async applyBatch(db: Queryable, events: readonly Recorded<HotlineCallEvent>[]): Promise<void> {
    const ids = [...new Set(events.map((e) => e.data.callId))];
    const before = await loadFacts(db, ids);
    const after = new Map(before);
    for (const event of events) evolveFact(after, event);
    const inserted: CallFact[] = [];
    const updated: CallFact[] = [];
    const deltas = new Map<string, { month: string; department: string; received: number; trafficking: number; closed: number }>();
    const contribute = (fact: CallFact, sign: 1 | -1) => {
      const key = `${fact.receivedMonth}|${fact.department}`;
      const delta = deltas.get(key) ?? { month: fact.receivedMonth, department: fact.department, received: 0, trafficking: 0, closed: 0 };
      delta.received += sign;
      delta.trafficking += fact.traffickingRelated ? sign : 0;
      delta.closed += fact.closed ? sign : 0;
      deltas.set(key, delta);
    };
    for (const id of ids) {
      const old = before.get(id);
      const now = after.get(id);
      if (!now || (old && sameFact(old, now))) continue;
      (old ? updated : inserted).push(now);
      if (old) contribute(old, -1);
      contribute(now, 1);
    }
    await writeFacts(db, inserted, updated);
    await writeCounts(
      db,
      [...deltas.values()].filter((d) => d.received || d.trafficking || d.closed),
    );
  },
};

/** Applies one event to the in-memory facts; events for calls never received are ignored (evolve is total). */
function evolveFact(facts: Map<string, CallFact>, event: Recorded<HotlineCallEvent>): void {
  const callId = event.data.callId;
  const fact = facts.get(callId);
  switch (event.type) {
    case 'HotlineCallReceived': {
      const d = event.data;
      if (!fact) {
        facts.set(callId, {
          callId,
          receivedAt: d.receivedAt,
          receivedMonth: limaMonth(d.receivedAt),
          department: departmentOfUbigeo(d.callerUbigeo),
          topic: d.topic,
          traffickingRelated: isTraffickingRelated(d.topic),
          closed: false,
        });
      }
      return;
    }
    case 'HotlineCallClassified':
      if (fact) facts.set(callId, { ...fact, topic: event.data.topic, traffickingRelated: isTraffickingRelated(event.data.topic) });
      return;
    case 'HotlineCallCorrected': {
      if (!fact) return;
      const changes = event.data.changes ?? {};
      const next = { ...fact };
      if (typeof changes.receivedAt === 'string')
        Object.assign(next, { receivedAt: changes.receivedAt, receivedMonth: limaMonth(changes.receivedAt) });
      if ('callerUbigeo' in changes) next.department = departmentOfUbigeo(changes.callerUbigeo);
      facts.set(callId, next);
      return;
    }
    case 'HotlineCallClosed':
      if (fact) facts.set(callId, { ...fact, closed: true });
      return;
  }
}

const sameFact = (a: CallFact, b: CallFact) =>
  a.receivedAt === b.receivedAt && a.department === b.department && a.topic === b.topic && a.closed === b.closed;

async function loadFacts(db: Queryable, ids: string[]): Promise<Map<string, CallFact>> {
  const { rows } = await db.query<{
    call_id: string;
    received_at: Date;
    received_month: string;
    department: string;
    topic: string;
    trafficking_related: boolean;
    closed: boolean;
  }>(
    `SELECT call_id, received_at, received_month, department, topic, trafficking_related, closed
       FROM hotline_call_facts WHERE call_id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.call_id,
      {
        callId: r.call_id,
        receivedAt: r.received_at.toISOString(),
        receivedMonth: r.received_month,
        department: r.department,
        topic: r.topic,
        traffickingRelated: r.trafficking_related,
        closed: r.closed,
      },
    ]),
  );
}

async function writeFacts(db: Queryable, inserted: CallFact[], updated: CallFact[]): Promise<void> {
  const columns = (facts: CallFact[]) => [
    facts.map((f) => f.callId),
    facts.map((f) => f.receivedAt),
    facts.map((f) => f.receivedMonth),
    facts.map((f) => f.department),
    facts.map((f) => f.topic),
    facts.map((f) => f.traffickingRelated),
    facts.map((f) => f.closed),
  ];
  const input = `unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::boolean[])
    AS u(call_id, received_at, received_month, department, topic, trafficking_related, closed)`;
  if (inserted.length > 0) {
    await db.query(
      `INSERT INTO hotline_call_facts (call_id, received_at, received_month, department, topic, trafficking_related, closed)
      SELECT * FROM ${input}`,
      columns(inserted),
    );
  }
  if (updated.length > 0) {
    await db.query(
      `UPDATE hotline_call_facts f SET received_at = u.received_at, received_month = u.received_month,
        department = u.department, topic = u.topic, trafficking_related = u.trafficking_related, closed = u.closed
      FROM ${input} WHERE f.call_id = u.call_id`,
      columns(updated),
    );
  }
}

async function writeCounts(
  db: Queryable,
  deltas: Array<{ month: string; department: string; received: number; trafficking: number; closed: number }>,
): Promise<void> {
  if (deltas.length === 0) return;
  await db.query(
    `INSERT INTO hotline_call_counts (received_month, department, received, trafficking_related, closed)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[])
     ON CONFLICT (received_month, department) DO UPDATE SET
       received = hotline_call_counts.received + excluded.received,
       trafficking_related = hotline_call_counts.trafficking_related + excluded.trafficking_related,
       closed = hotline_call_counts.closed + excluded.closed`,
    [
      deltas.map((d) => d.month),
      deltas.map((d) => d.department),
      deltas.map((d) => d.received),
      deltas.map((d) => d.trafficking),
      deltas.map((d) => d.closed),
    ],
  );
  // A group emptied by corrections goes away, so the table is exactly what a rebuild from zero would give.
  await db.query(
    `DELETE FROM hotline_call_counts c USING unnest($1::text[], $2::text[]) AS u(received_month, department)
      WHERE c.received_month = u.received_month AND c.department = u.department AND c.received = 0`,
    [deltas.map((d) => d.month), deltas.map((d) => d.department)],
  );
}
