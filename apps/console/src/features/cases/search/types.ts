/**
 * A row of GET /api/v1/cases, as the API's brief defines it (no schema in the OpenAPI document yet). No personal
 * field: `victims` and `suspects` are counts.
 */
export interface CaseRow {
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
}

export interface CaseListPage {
  items: CaseRow[];
  nextCursor: string | null;
}

/** The filters of the list: none of them is personal, so they may go into a query key. */
export interface CaseFilters {
  policeUnit: string;
  department: string | null;
  ubigeo: string | null;
  from: string;
  to: string;
  status: string | null;
  purpose: string | null;
}

export const NO_FILTERS: CaseFilters = { policeUnit: '', department: null, ubigeo: null, from: '', to: '', status: null, purpose: null };

export interface DocumentQuery {
  documentType: string | null;
  documentNumber: string;
  purpose: string;
}
