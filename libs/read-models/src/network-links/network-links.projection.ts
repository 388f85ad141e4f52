import type { Projection, Queryable } from '#event-store';
import type { CaseLinkedToNetwork } from '#domain';
import type { Recorded } from '../shared/registry-events.js';

export const NETWORK_LINKS_PROJECTION = 'network-links';

/** Which networks each case is linked to (a case's stream does not know its networks). */
export const networkLinksProjection: Projection<CaseLinkedToNetwork> = {
  name: NETWORK_LINKS_PROJECTION,
  tables: ['network_links'],
  handles: ['CaseLinkedToNetwork'],
  async applyBatch(db: Queryable, linked: readonly Recorded<CaseLinkedToNetwork>[]): Promise<void> {
    await db.query(
      `INSERT INTO network_links (network_id, case_id, linked_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) ON CONFLICT (case_id, network_id) DO NOTHING`,
      [linked.map((e) => e.data.networkId), linked.map((e) => e.data.caseId), linked.map((e) => e.data.linkedAt)],
    );
  },
};
