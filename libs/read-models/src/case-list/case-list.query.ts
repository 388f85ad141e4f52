import type { DataSource } from 'typeorm';
import { formatRegistryNumber, type ExternalReferences } from '#domain';
import { decodeCursor, encodeCursor, limaDayRange } from '../shared/list-cursor.js';
import { referenceKey, searchKey } from './case-list.projection.js';

/** A row of GET /cases: codes, places, counts and links; no personal field. */
export interface CaseListItem {
  caseId: string;
  registeredAt: string;
  policeUnit: string;
  ubigeo: string;
  source: string;
  purposes: string[];
  status: string;
  victims: number;
  suspects: number;
  prosecutionId: string | null;
  referralId: string | null;
  registryNumber: string | null;
  references: ExternalReferences;
  sameAsCaseId: string | null;
  offenceCategories: string[];
}

export interface CaseListQuery {
  /** Substring of the police unit, without regard to case or accents. */
  policeUnit?: string;
  department?: string;
  /** UBIGEO prefix: department (2), province (4) or district (6). */
  ubigeo?: string;
  /** Days of registration in Lima, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  status?: string;
  purpose?: string;
  /** Only cases with a victim whose document has this link id (the caller looks it up; the query never sees the document). */
  linkId?: string;
  /** A registry number (`08-2025-000123`, or without the leading zeros `08-2025-123`) or an external reference. */
  q?: string;
  scope?: readonly string[];
  limit: number;
  cursor?: string;
}

/** `08-2025-123` → `08-2025-000123`; anything else is not a registry number (null). */
export function normalRegistryNumber(text: string): string | null {
  const match = /^(\d{2})-(\d{4})-(\d{1,9})$/.exec(text.trim());
  return match ? formatRegistryNumber(match[1], Number(match[2]), Number(match[3])) : null;
}

const likePattern = (text: string) => `%${searchKey(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Newest first by registeredAt (then caseId), one page; `nextCursor` is null on the last page. */
export async function queryCaseList(
  dataSource: DataSource,
  query: CaseListQuery,
): Promise<{ items: CaseListItem[]; nextCursor: string | null }> {
  const { start, end } = limaDayRange(query.from, query.to);
  const after = decodeCursor(query.cursor);
  const rows: Array<{ case_id: string; registered_at: Date } & Record<string, unknown>> = await dataSource.query(
    `SELECT case_id, registered_at, police_unit, ubigeo, source, purposes, status, victims, suspects, prosecution_id, referral_id,
            registry_number, "references", same_as_case_id, offence_categories
       FROM case_list c
      WHERE ($1::text IS NULL OR police_unit_key LIKE $1) AND ($2::text IS NULL OR department = $2)
        AND ($3::text IS NULL OR starts_with(ubigeo, $3)) AND ($4::timestamptz IS NULL OR registered_at >= $4)
        AND ($5::timestamptz IS NULL OR registered_at < $5) AND ($6::text IS NULL OR status = $6)
        AND ($7::text IS NULL OR $7 = ANY(purposes)) AND ($8::text[] IS NULL OR department = ANY($8::text[]))
        AND ($9::uuid IS NULL OR EXISTS (SELECT 1 FROM case_list_victims v WHERE v.case_id = c.case_id AND v.link_id = $9::uuid))
        AND ($10::timestamptz IS NULL OR (registered_at, case_id) < ($10::timestamptz, $11::uuid))
        AND ($13::text IS NULL OR registry_number = $14 OR reference_keys @> ARRAY[$13::text])
      ORDER BY registered_at DESC, case_id DESC
      LIMIT $12`,
    [
      query.policeUnit ? likePattern(query.policeUnit) : null,
      query.department ?? null,
      query.ubigeo ?? null,
      start,
      end,
      query.status ?? null,
      query.purpose ?? null,
      query.scope ?? null,
      query.linkId ?? null,
      after?.at ?? null,
      after?.id ?? null,
      query.limit + 1,
      query.q ? referenceKey(query.q) : null,
      query.q ? normalRegistryNumber(query.q) : null,
    ],
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      caseId: r.case_id,
      registeredAt: r.registered_at.toISOString(),
      policeUnit: String(r.police_unit),
      ubigeo: String(r.ubigeo),
      source: String(r.source),
      purposes: r.purposes as string[],
      status: String(r.status),
      victims: Number(r.victims),
      suspects: Number(r.suspects),
      prosecutionId: (r.prosecution_id as string | null) ?? null,
      referralId: (r.referral_id as string | null) ?? null,
      registryNumber: (r.registry_number as string | null) ?? null,
      references: (r.references as ExternalReferences | null) ?? {},
      sameAsCaseId: (r.same_as_case_id as string | null) ?? null,
      offenceCategories: (r.offence_categories as string[] | null) ?? [],
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.registered_at.toISOString(), id: last.case_id }) : null,
  };
}
