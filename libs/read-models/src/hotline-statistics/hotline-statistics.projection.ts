import type { Projection, Queryable, RecordedEvent } from '../../../event-store/src/index.js';
import { limaMonth } from '../../../domain/src/index.js';

export const HOTLINE_STATISTICS_PROJECTION = 'hotline-statistics';

const departmentOf = (ubigeo: unknown): string => (typeof ubigeo === 'string' ? ubigeo.slice(0, 2) : 'unknown');

/** Keeps hotline_call_facts: one row per call with the facts the hotline statistics count. */
export const hotlineStatisticsProjection: Projection = {
  name: HOTLINE_STATISTICS_PROJECTION,
  tables: ['hotline_call_facts'],
  async apply(db: Queryable, event: RecordedEvent): Promise<void> {
    const d = event.data;
    switch (event.type) {
      case 'HotlineCallReceived':
        await db.query(
          `INSERT INTO hotline_call_facts
             (call_id, received_at, received_month, department, topic, trafficking_related, closed)
           VALUES ($1, $2, $3, $4, $5, $6, false)`,
          [d.callId, d.receivedAt, limaMonth(String(d.receivedAt)), departmentOf(d.callerUbigeo), d.topic,
            d.topic === 'trafficking'],
        );
        return;
      case 'HotlineCallClassified':
        await db.query(
          'UPDATE hotline_call_facts SET topic = $2, trafficking_related = $3 WHERE call_id = $1',
          [d.callId, d.topic, d.topic === 'trafficking'],
        );
        return;
      case 'HotlineCallCorrected': {
        const changes = (d.changes ?? {}) as Record<string, unknown>;
        if (typeof changes.receivedAt === 'string') {
          await db.query(
            'UPDATE hotline_call_facts SET received_at = $2, received_month = $3 WHERE call_id = $1',
            [d.callId, changes.receivedAt, limaMonth(changes.receivedAt)],
          );
        }
        if ('callerUbigeo' in changes) {
          await db.query('UPDATE hotline_call_facts SET department = $2 WHERE call_id = $1', [
            d.callId, departmentOf(changes.callerUbigeo),
          ]);
        }
        return;
      }
      case 'HotlineCallClosed':
        await db.query('UPDATE hotline_call_facts SET closed = true WHERE call_id = $1', [d.callId]);
        return;
    }
  },
};
