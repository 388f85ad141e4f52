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
