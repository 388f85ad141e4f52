import type { Projection, Queryable } from '#event-store';
import { departmentOfUbigeo, type PoliceCaseEvent } from '#domain';
import type { Recorded } from '../shared/registry-events.js';

export const CASE_LIST_PROJECTION = 'case-list';

/** Police unit names compare without case or accents: "Comisaría Wanchaq" ~ "comisaria wanchaq". */
export const searchKey = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const ACTIVE = ['open', 'referred'];

/**
 * Keeps case_list (one row per case) and case_list_victims (one row per victim with its document's link id: the
 * event's linkId, or for an event recorded before link ids its documentHash looked up in document_links). Statements
 * are per event, in log order: a batch of a few thousand events during a rebuild stays a few thousand small writes.
 */
type CaseListEvent = Exclude<PoliceCaseEvent, { type: 'OperationConducted' }>;

export const caseListProjection: Projection<CaseListEvent> = {
  name: CASE_LIST_PROJECTION,
  // The police unit is sealed in the log (free text); the list shows and searches it.
  opensFreeText: true,
  tables: ['case_list', 'case_list_victims'],
  handles: ['CaseRegistered', 'VictimIdentified', 'SuspectIdentified', 'CaseReferredToProsecutor', 'CaseClosed'],
  async applyBatch(db: Queryable, events: readonly Recorded<CaseListEvent>[]): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case 'CaseRegistered': {
          const d = event.data;
          await db.query(
            `INSERT INTO case_list (case_id, registered_at, police_unit, police_unit_key, ubigeo, department, source, purposes, status,
                                    victims, suspects, prosecution_id, referral_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', 0, 0, NULL, $9) ON CONFLICT (case_id) DO NOTHING`,
            [
              d.caseId,
              d.registeredAt,
              d.policeUnit,
              searchKey(d.policeUnit),
              d.ubigeo,
              departmentOfUbigeo(d.ubigeo),
              d.source,
              d.purposes ?? [],
              d.referralId ?? null,
            ],
          );
          break;
        }
        case 'VictimIdentified': {
          const d = event.data;
          const added = await db.query(
            `INSERT INTO case_list_victims (case_id, victim_id, link_id)
             SELECT case_id, $2, coalesce($3::uuid, (SELECT link_id FROM document_links WHERE document_hash = $5))
               FROM case_list WHERE case_id = $1 AND status = ANY($4::text[])
             ON CONFLICT DO NOTHING`,
            [
              d.caseId,
              d.victimId,
              typeof d.linkId === 'string' ? d.linkId : null,
              ACTIVE,
              typeof d.documentHash === 'string' && d.documentHash !== '' ? d.documentHash : null,
            ],
          );
          if (added.rowCount) await db.query('UPDATE case_list SET victims = victims + 1 WHERE case_id = $1', [d.caseId]);
          break;
        }
        case 'SuspectIdentified':
          await db.query('UPDATE case_list SET suspects = suspects + 1 WHERE case_id = $1 AND status = ANY($2::text[])', [
            event.data.caseId,
            ACTIVE,
          ]);
          break;
        case 'CaseReferredToProsecutor':
          await db.query(`UPDATE case_list SET status = 'referred', prosecution_id = $2 WHERE case_id = $1 AND status = 'open'`, [
            event.data.caseId,
            event.data.prosecutionId,
          ]);
          break;
        case 'CaseClosed':
          await db.query(`UPDATE case_list SET status = 'closed' WHERE case_id = $1 AND status = ANY($2::text[])`, [
            event.data.caseId,
            ACTIVE,
          ]);
          break;
      }
    }
  },
};
