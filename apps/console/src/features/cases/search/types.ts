import type { components, paths } from '../../../api/schema.js';

type Schemas = components['schemas'];
type ListQuery = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;

/** A row of GET /api/v1/cases and of POST /api/v1/cases/search: no personal field (`victims`, `suspects` are counts). */
export type CaseRow = Schemas['CaseListItemDto'];
export type CaseListPage = Schemas['CaseListDto'];

/** The filters of the list: none of them is personal, so they may go into a query key. */
export interface CaseFilters {
  /** A registry number (`08-2025-000123` or `08-2025-123`) or an external reference, matched exactly. */
  q: string;
  policeUnit: string;
  department: string | null;
  ubigeo: string | null;
  from: string;
  to: string;
  status: ListQuery['status'] | null;
  purpose: ListQuery['purpose'] | null;
}

export const NO_FILTERS: CaseFilters = {
  q: '',
  policeUnit: '',
  department: null,
  ubigeo: null,
  from: '',
  to: '',
  status: null,
  purpose: null,
};

/** What the search by document sends (POST /cases/search), minus paging; kept in the form's memory only. */
export type DocumentQuery = Pick<Schemas['CaseSearchDto'], 'documentType' | 'documentNumber' | 'purpose'>;
