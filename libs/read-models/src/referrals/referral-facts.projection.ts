import type { Projection, Queryable } from '#event-store';
import {
  caseStreamName,
  departmentOfReferral,
  departmentOfUbigeo,
  hotlineCallStreamName,
  limaMonth,
  referralDeadlineMinutes,
  REFERRAL_EVENT_TYPES,
  type ReferralEvent,
  type ReferralSent,
} from '#domain';
import type { Recorded } from '../shared/registry-events.js';

export const REFERRAL_FACTS_PROJECTION = 'referral-facts';

interface ReferralFact {
  referralId: string;
  sourceKind: string;
  sourceId: string;
  destination: string;
  department: string;
  referredAt: string;
  /** referredAt plus the deadline in force (referralDeadlineMinutes): recorded on the sending, else the default. */
  deadlineAt: string;
  status: string;
  acceptedAt: string | null;
  closedAt: string | null;
  successful: boolean | null;
  linkedCaseId: string | null;
}

/**
 * One row per referral with its current status and the dates of its transitions: the queue of referrals nobody
 * has acted on, and the referral statistics (sent, accepted, …, hours from sending to acceptance).
 */
export const referralFactsProjection: Projection<ReferralEvent> = {
  name: REFERRAL_FACTS_PROJECTION,
  tables: ['referral_facts'],
  handles: REFERRAL_EVENT_TYPES,
  async applyBatch(db: Queryable, events: readonly Recorded<ReferralEvent>[]): Promise<void> {
    const ids = [...new Set(events.map((e) => e.data.referralId))];
    const facts = await load(db, ids);
    const sources = new Map<string, string | null>();
    for (const event of events) {
      if (event.type === 'ReferralSent' && !facts.has(event.data.referralId)) {
        sources.set(event.eventId, await sourceDepartment(db, event));
      }
    }
    const touched = new Set<string>();
    for (const event of events) if (evolve(facts, event, sources.get(event.eventId) ?? null)) touched.add(event.data.referralId);
    const rows = [...touched].map((id) => facts.get(id)!);
    if (rows.length === 0) return;
    const column = <K extends keyof ReferralFact>(key: K) => rows.map((r) => r[key]);
    await db.query(
      `INSERT INTO referral_facts (referral_id, source_kind, source_id, destination, department, referred_at, referred_month,
         status, accepted_at, hours_to_accept, closed_at, successful, linked_case_id, deadline_at)
       SELECT u.referral_id, u.source_kind, u.source_id, u.destination, u.department, u.referred_at, u.referred_month,
              u.status, u.accepted_at, extract(epoch FROM u.accepted_at - u.referred_at) / 3600, u.closed_at, u.successful, u.linked_case_id,
              u.deadline_at
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[],
                     $9::timestamptz[], $10::timestamptz[], $11::boolean[], $12::uuid[], $13::timestamptz[])
           AS u(referral_id, source_kind, source_id, destination, department, referred_at, referred_month, status,
                accepted_at, closed_at, successful, linked_case_id, deadline_at)
       ON CONFLICT (referral_id) DO UPDATE SET status = excluded.status, accepted_at = excluded.accepted_at,
         hours_to_accept = excluded.hours_to_accept, closed_at = excluded.closed_at, successful = excluded.successful,
         linked_case_id = excluded.linked_case_id`,
      [
        column('referralId'),
        column('sourceKind'),
        column('sourceId'),
        column('destination'),
        column('department'),
        column('referredAt'),
        rows.map((r) => limaMonth(r.referredAt)),
        column('status'),
        column('acceptedAt'),
        column('closedAt'),
        column('successful'),
        column('linkedCaseId'),
        column('deadlineAt'),
      ],
    );
  },
};

const known = (department: string): string | null => (department === 'unknown' ? null : department);

/** Applies one referral event in memory; returns whether it changed anything (evolve is total). */
function evolve(facts: Map<string, ReferralFact>, event: Recorded<ReferralEvent>, sourceDepartment: string | null): boolean {
  const id = event.data.referralId;
  const fact = facts.get(id);
  if (event.type === 'ReferralSent') {
    if (fact) return false;
    const d = event.data;
    facts.set(id, {
      referralId: id,
      sourceKind: d.source.kind,
      sourceId: d.source.id,
      destination: d.to,
      department: departmentOfReferral(d.ubigeo, sourceDepartment),
      referredAt: d.referredAt,
      deadlineAt: new Date(Date.parse(d.referredAt) + referralDeadlineMinutes(d) * 60_000).toISOString(),
      status: 'sent',
      acceptedAt: null,
      closedAt: null,
      successful: null,
      linkedCaseId: null,
    });
    return true;
  }
  if (!fact) return false;
  switch (event.type) {
    case 'ReferralAccepted':
      Object.assign(fact, { status: 'accepted', acceptedAt: event.data.acceptedAt, linkedCaseId: event.data.linkedCaseId ?? null });
      return true;
    case 'ReferralRejected':
      Object.assign(fact, { status: 'rejected', closedAt: event.data.rejectedAt });
      return true;
    case 'ReferralCompleted':
      Object.assign(fact, { status: 'completed', closedAt: event.data.completedAt, successful: event.data.successful === true });
      return true;
    case 'ReferralRevoked':
      Object.assign(fact, { status: 'revoked', closedAt: event.data.revokedAt });
      return true;
  }
}

/**
 * The department of a referral's source as it stood when the referral was sent (events before it in the log): a
 * referral's department is fixed at sending, here, in the scope check and in the statistics ledger alike, so a
 * later correction of the call does not move it. Null for a victim or a place-less source.
 */
async function sourceDepartment(db: Queryable, sent: Recorded<ReferralSent>): Promise<string | null> {
  if (typeof sent.data.ubigeo === 'string') return null;
  const { source } = sent.data;
  const query =
    source.kind === 'hotline_call'
      ? {
          stream: hotlineCallStreamName(source.id),
          place: `CASE WHEN event_type = 'HotlineCallReceived' THEN data->>'callerUbigeo' ELSE data->'changes'->>'callerUbigeo' END`,
          where: `(event_type = 'HotlineCallReceived' OR (event_type = 'HotlineCallCorrected' AND data->'changes' ? 'callerUbigeo'))`,
        }
      : source.kind === 'case'
        ? { stream: caseStreamName(source.id), place: `data->>'ubigeo'`, where: `event_type = 'CaseRegistered'` }
        : null;
  if (!query) return null;
  const { rows } = await db.query<{ place: string | null }>(
    `SELECT ${query.place} AS place FROM events WHERE stream_id = $1 AND ${query.where} AND global_position < $2
      ORDER BY stream_position DESC LIMIT 1`,
    [query.stream, sent.globalPosition],
  );
  return known(departmentOfUbigeo(rows[0]?.place));
}

async function load(db: Queryable, ids: string[]): Promise<Map<string, ReferralFact>> {
  const { rows } = await db.query<{
    referral_id: string;
    source_kind: string;
    source_id: string;
    destination: string;
    department: string;
    referred_at: Date;
    deadline_at: Date;
    status: string;
    accepted_at: Date | null;
    closed_at: Date | null;
    successful: boolean | null;
    linked_case_id: string | null;
  }>('SELECT * FROM referral_facts WHERE referral_id = ANY($1::uuid[])', [ids]);
  return new Map(
    rows.map((r) => [
      r.referral_id,
      {
        referralId: r.referral_id,
        sourceKind: r.source_kind,
        sourceId: r.source_id,
        destination: r.destination,
        department: r.department,
        referredAt: r.referred_at.toISOString(),
        deadlineAt: r.deadline_at.toISOString(),
        status: r.status,
        acceptedAt: r.accepted_at?.toISOString() ?? null,
        closedAt: r.closed_at?.toISOString() ?? null,
        successful: r.successful,
        linkedCaseId: r.linked_case_id,
      },
    ]),
  );
}
