import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { chainHash, GENESIS_HASH } from '#event-store';
import { hotlineCallData, METADATA } from './events.js';

const CHUNK = 50_000;

/**
 * Grows the log to `target` events of realistic hotline journeys (received; usually closed; sometimes
 * re-classified), hash-chained exactly as the store chains them, with COPY in chunks of 50,000 events (one
 * transaction each). This prepares large logs quickly; appends themselves are measured elsewhere.
 */
export async function fillLog(url: string, target: number, progress: (done: number) => void): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM events');
    let done = Number(rows[0].n);
    let call = done;
    while (done < target) {
      const lines: string[] = [];
      while (lines.length < Math.min(CHUNK, target - done)) lines.push(...journey(call++));
      await pipeline(
        Readable.from(lines.map((line) => `${line}\n`)),
        client.query(
          copyFrom(`COPY events (stream_id, stream_position, event_id, event_type, schema_version, data,
          metadata, recorded_at, prev_hash, hash) FROM STDIN`),
        ),
      );
      done += lines.length;
      progress(done);
    }
  } finally {
    await client.end();
  }
}

type Planned = Array<[string, Record<string, unknown>]>;

/** A call, and for a share of the trafficking ones a referral (its own stream), as in the registry. */
function journey(i: number): string[] {
  const data = hotlineCallData(i);
  const events: Planned = [['HotlineCallReceived', data]];
  if (i % 20 === 0)
    events.push(['HotlineCallClassified', { callId: data.callId, topic: 'trafficking', previousTopic: data.topic, reason: null }]);
  if (i % 10 !== 0) events.push(['HotlineCallClosed', { callId: data.callId, closedAt: data.receivedAt, outcome: 'information_provided' }]);
  const lines = chain(`hotline-call-${data.callId}`, events);
  if (data.topic === 'trafficking' && i % 2 === 0) {
    const referralId = randomUUID();
    const sentAt = Date.parse(String(data.receivedAt)) + 3_600_000;
    const referral: Planned = [
      [
        'ReferralSent',
        {
          referralId,
          source: { kind: 'hotline_call', id: data.callId },
          to: ['PNP', 'MIMP', 'MINISTERIO_PUBLICO'][i % 3],
          unitName: null,
          ubigeo: data.callerUbigeo,
          referredAt: new Date(sentAt).toISOString(),
          deadlineMinutes: i % 3 === 1 ? 72 * 60 : 24 * 60,
        },
      ],
    ];
    if (i % 4 === 0)
      referral.push([
        'ReferralAccepted',
        { referralId, acceptedAt: new Date(sentAt + (i % 97) * 3_600_000).toISOString(), linkedCaseId: null },
      ]);
    lines.push(...chain(`referral-${referralId}`, referral));
  }
  if (i % 40 === 0) lines.push(...justiceJourney(i, String(data.receivedAt), data.callerUbigeo as string | null));
  return lines;
}

/**
 * One call in forty also becomes a denunciation (victims, a suspect, sometimes a police operation), most of those a
 * prosecution and some a trial with its ruling; one in two hundred is linked to a criminal network, and a third of the
 * prosecutions without a trial protect a victim (a measure and a Gesell interview), so the monthly report's case,
 * justice, network, protection and reconciliation tables have something to count at scale.
 */
function justiceJourney(i: number, at: string, ubigeo: string | null): string[] {
  const day = 86_400_000;
  const iso = (offsetDays: number) => new Date(Date.parse(at) + offsetDays * day).toISOString();
  const caseId = randomUUID();
  const sex = ['female', 'female', 'male', 'unknown'][i % 4];
  const age = 10 + (i % 37);
  const group = age < 12 ? '0-11' : age < 18 ? '12-17' : age < 25 ? '18-24' : age < 30 ? '25-29' : '30-44';
  const personal = { fullName: null, documentType: null, documentNumber: null, phone: null, address: null };
  const victimIds: string[] = [];
  const caseEvents: Planned = [
    [
      'CaseRegistered',
      {
        caseId,
        registeredAt: iso(1),
        occurredAt: null,
        policeUnit: 'DIRCTPTIM',
        ubigeo: ubigeo ?? '150101',
        source: 'hotline_referral',
        referralId: null,
        purposes: [['sexual_exploitation', 'labour_exploitation', 'begging'][i % 3]],
      },
    ],
  ];
  for (let v = 0; v < 1 + (i % 2); v++) {
    const victim = { caseId, victimId: randomUUID(), sex, age, ageGroup: group, minor: age < 18 };
    victimIds.push(victim.victimId);
    caseEvents.push(['VictimIdentified', { ...victim, nationality: i % 7 === 0 ? 'VE' : 'PE', personal, linkId: null }]);
  }
  const suspectId = randomUUID();
  caseEvents.push(['SuspectIdentified', { caseId, suspectId, sex: 'male', age: null, nationality: 'PE', role: null }]);
  if (i % 3 === 0)
    caseEvents.push(['OperationConducted', { caseId, operationId: randomUUID(), conductedAt: iso(3), rescued: i % 5, detained: i % 4 }]);
  const lines = chain(`case-${caseId}`, caseEvents);
  if (i % 200 === 0) lines.push(...network(ubigeo ?? '150101', caseId, suspectId, iso, i % 400 === 0));
  if (i % 80 === 0) return lines;
  const prosecutionId = randomUUID();
  const prosecution: Planned = [['ProsecutionOpened', { prosecutionId, caseId, office: 'FISTRAP Lima', openedAt: iso(5) }]];
  if (i % 120 !== 0) {
    lines.push(...chain(`prosecution-${prosecutionId}`, prosecution));
    if (i % 3 === 0) lines.push(...protection(prosecutionId, victimIds[0], iso));
    return lines;
  }
  prosecution.push(['InvestigationFormalized', { prosecutionId, occurredAt: iso(20) }]);
  prosecution.push(['AccusationFiled', { prosecutionId, occurredAt: iso(40) }]);
  lines.push(...chain(`prosecution-${prosecutionId}`, prosecution));
  const trialId = randomUUID();
  const verdict = i % 3 === 0 ? 'acquittal' : 'conviction';
  const trial: Planned = [
    ['TrialOpened', { trialId, prosecutionId, caseId, openedAt: iso(60), court: 'Juzgado Penal' }],
    [
      'RulingIssued',
      { trialId, ruledAt: iso(90), verdict, sentenceYears: verdict === 'conviction' ? 15 : null, defendants: [], instance: 1 },
    ],
  ];
  lines.push(...chain(`trial-${trialId}`, trial));
  return lines;
}

function chain(streamId: string, events: Planned): string[] {
  let prev = GENESIS_HASH;
  const recordedAt = new Date().toISOString();
  return events.map(([type, eventData], index) => {
    const fields = {
      streamId,
      streamPosition: index + 1,
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      data: eventData,
      metadata: METADATA,
      recordedAt,
    };
    const hash = chainHash(prev, fields);
    const line = [
      streamId,
      fields.streamPosition,
      fields.eventId,
      type,
      1,
      JSON.stringify(eventData),
      JSON.stringify(METADATA),
      recordedAt,
      prev,
      hash,
    ]
      .map((v) => String(v).replace(/\\/g, '\\\\'))
      .join('\t');
    prev = hash;
    return line;
  });
}

/** A criminal network identified for a denunciation, the case and its suspect linked, sometimes dismantled. */
function network(ubigeo: string, caseId: string, suspectId: string, iso: (days: number) => string, dismantled: boolean): string[] {
  const networkId = randomUUID();
  const events: Planned = [
    ['NetworkIdentified', { networkId, identifiedAt: iso(2), ubigeo, alias: null, policeUnit: null }],
    ['CaseLinkedToNetwork', { networkId, caseId, linkedAt: iso(2) }],
    ['SuspectLinkedToNetwork', { networkId, caseId, suspectId, role: 'recruiter', linkedAt: iso(3) }],
  ];
  if (dismantled) events.push(['NetworkDismantled', { networkId, dismantledAt: iso(30) }]);
  return chain(`criminal-network-${networkId}`, events);
}

/** Witness protection of a prosecution: a measure for its first victim and an interview in a Gesell chamber. */
function protection(prosecutionId: string, victimId: string, iso: (days: number) => string): string[] {
  return chain(`witness-protection-${prosecutionId}`, [
    [
      'ProtectionMeasureGranted',
      {
        prosecutionId,
        measureId: randomUUID(),
        protectedPerson: 'victim',
        personId: victimId,
        witnessReference: null,
        measure: 'identity_reserve',
        grantedAt: iso(6),
        endsAt: null,
        notes: null,
      },
    ],
    ['GesellInterviewHeld', { prosecutionId, interviewId: randomUUID(), victimId, heldAt: iso(7) }],
  ]);
}
