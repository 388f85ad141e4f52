import type { Projection, Queryable, RecordedEvent } from '../../../event-store/src/index.js';

export const TRIAL_LINKS_PROJECTION = 'trial-links';

/** Which trials judge which prosecution (a prosecution's stream does not know its trials). */
export const trialLinksProjection: Projection = {
  name: TRIAL_LINKS_PROJECTION,
  tables: ['trial_links'],
  async applyBatch(db: Queryable, events: readonly RecordedEvent[]): Promise<void> {
    const opened = events.filter((e) => e.type === 'TrialOpened');
    if (opened.length === 0) return;
    await db.query(
      `INSERT INTO trial_links (trial_id, prosecution_id, case_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) ON CONFLICT (trial_id) DO NOTHING`,
      [opened.map((e) => e.data.trialId), opened.map((e) => e.data.prosecutionId), opened.map((e) => e.data.caseId ?? null)],
    );
  },
};
