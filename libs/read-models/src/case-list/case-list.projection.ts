import type { Projection, Queryable } from '#event-store';
import { departmentOfUbigeo, offenceCategoryOf, type ExternalReferences, type PoliceCaseEvent } from '#domain';
import type { Recorded } from '../shared/registry-events.js';

export const CASE_LIST_PROJECTION = 'case-list';

/** Police unit names compare without case or accents: "Comisaría Wanchaq" ~ "comisaria wanchaq". */
export const searchKey = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const ACTIVE = ['open', 'referred'];

/** An external reference as searched: without case or spaces ("Exp. 123-2025" ~ "exp.123-2025"). */
export const referenceKey = (text: string): string => text.replace(/\s+/gu, '').toLowerCase();

/** The statistical categories of a case's offences, deduplicated in the order of its codes. */
const categoriesOf = (offences: readonly string[] | undefined): string[] => [...new Set((offences ?? []).map(offenceCategoryOf))];

const referenceKeysOf = (references: ExternalReferences): string[] => [
  ...new Set(
    Object.values(references)
      .filter((v): v is string => typeof v === 'string' && v !== '')
      .map(referenceKey),
  ),
];

/** The references after a recording: a kind given replaces the earlier value, null removes it. */
function mergeReferences(
  current: ExternalReferences,
  recorded: Partial<Record<keyof ExternalReferences, string | null>>,
): ExternalReferences {
  const merged: Record<string, string> = { ...current };
  for (const [kind, value] of Object.entries(recorded)) {
    if (value === null || value === undefined || value === '') delete merged[kind];
    else merged[kind] = value;
  }
  return merged;
}

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
  handles: [
    'CaseRegistered',
    'VictimIdentified',
    'SuspectIdentified',
    'CaseReferredToProsecutor',
    'CaseClosed',
    'CaseFactsCorrected',
    'VictimCorrected',
    'VictimVoided',
    'SuspectVoided',
    'CaseReopened',
    'CaseMarkedSameFacts',
    'ExternalReferencesRecorded',
    'RegistryNumberAssigned',
  ],
  async applyBatch(db: Queryable, events: readonly Recorded<CaseListEvent>[]): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case 'CaseRegistered': {
          const d = event.data;
          const references = mergeReferences({}, d.references ?? {});
          await db.query(
            `INSERT INTO case_list (case_id, registered_at, police_unit, police_unit_key, ubigeo, department, source, purposes, status,
                                    victims, suspects, prosecution_id, referral_id, "references", reference_keys, offence_categories)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', 0, 0, NULL, $9, $10, $11, $12) ON CONFLICT (case_id) DO NOTHING`,
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
              JSON.stringify(references),
              referenceKeysOf(references),
              categoriesOf(d.offences),
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
        case 'CaseFactsCorrected': {
          const { caseId, changes } = event.data;
          // Only the columns the correction names; the others keep their values (null parameters leave them).
          await db.query(
            `UPDATE case_list SET registered_at = coalesce($2::timestamptz, registered_at),
                    police_unit = coalesce($3, police_unit), police_unit_key = coalesce($4, police_unit_key),
                    ubigeo = coalesce($5, ubigeo), department = coalesce($6, department),
                    purposes = coalesce($7::text[], purposes), offence_categories = coalesce($8::text[], offence_categories)
              WHERE case_id = $1`,
            [
              caseId,
              changes.registeredAt ?? null,
              typeof changes.policeUnit === 'string' ? changes.policeUnit : null,
              typeof changes.policeUnit === 'string' ? searchKey(changes.policeUnit) : null,
              changes.ubigeo ?? null,
              changes.ubigeo ? departmentOfUbigeo(changes.ubigeo) : null,
              changes.purposes ?? null,
              changes.offences ? categoriesOf(changes.offences) : null,
            ],
          );
          break;
        }
        case 'VictimCorrected': {
          // A new document gives the victim its new link id (null: no document any more); other changes are not listed.
          const d = event.data;
          if ('linkId' in d && d.linkId !== undefined) {
            await db.query('UPDATE case_list_victims SET link_id = $3::uuid WHERE case_id = $1 AND victim_id = $2', [
              d.caseId,
              d.victimId,
              d.linkId,
            ]);
          }
          break;
        }
        case 'VictimVoided': {
          // Recorded by mistake: counted nowhere and found by no search.
          const removed = await db.query('DELETE FROM case_list_victims WHERE case_id = $1 AND victim_id = $2', [
            event.data.caseId,
            event.data.victimId,
          ]);
          if (removed.rowCount) await db.query('UPDATE case_list SET victims = victims - 1 WHERE case_id = $1', [event.data.caseId]);
          break;
        }
        case 'SuspectVoided':
          await db.query('UPDATE case_list SET suspects = greatest(suspects - 1, 0) WHERE case_id = $1', [event.data.caseId]);
          break;
        case 'CaseReopened':
          await db.query(
            `UPDATE case_list SET status = CASE WHEN prosecution_id IS NULL THEN 'open' ELSE 'referred' END
              WHERE case_id = $1 AND status = 'closed'`,
            [event.data.caseId],
          );
          break;
        case 'CaseMarkedSameFacts':
          await db.query('UPDATE case_list SET same_as_case_id = $2 WHERE case_id = $1 AND same_as_case_id IS NULL', [
            event.data.caseId,
            event.data.sameAsCaseId,
          ]);
          break;
        case 'ExternalReferencesRecorded': {
          const found = await db.query<{ references: ExternalReferences }>('SELECT "references" FROM case_list WHERE case_id = $1', [
            event.data.caseId,
          ]);
          if (!found.rows[0]) break;
          const references = mergeReferences(found.rows[0].references, event.data.references);
          await db.query('UPDATE case_list SET "references" = $2, reference_keys = $3 WHERE case_id = $1', [
            event.data.caseId,
            JSON.stringify(references),
            referenceKeysOf(references),
          ]);
          break;
        }
        case 'RegistryNumberAssigned':
          await db.query('UPDATE case_list SET registry_number = $2 WHERE case_id = $1 AND registry_number IS NULL', [
            event.data.caseId,
            event.data.registryNumber,
          ]);
          break;
      }
    }
  },
};
