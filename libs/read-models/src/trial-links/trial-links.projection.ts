import type { Projection, Queryable } from '#event-store';
import type { TrialOpened } from '#domain';
import type { Recorded } from '../shared/registry-events.js';

export const TRIAL_LINKS_PROJECTION = 'trial-links';

/** Which trials judge which prosecution (a prosecution's stream does not know its trials). */
export const trialLinksProjection: Projection<TrialOpened> = {
  name: TRIAL_LINKS_PROJECTION,
  tables: ['trial_links'],
  handles: ['TrialOpened'],
  async applyBatch(db: Queryable, opened: readonly Recorded<TrialOpened>[]): Promise<void> {
    await db.query(
      `INSERT INTO trial_links (trial_id, prosecution_id, case_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) ON CONFLICT (trial_id) DO NOTHING`,
      [opened.map((e) => e.data.trialId), opened.map((e) => e.data.prosecutionId), opened.map((e) => e.data.caseId ?? null)],
    );
  },
};
