import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, withHeaders } from '../../../api/client.js';
import { unwrap } from '../../../api/errors.js';
import { minPosition } from '../../../shared/read-your-writes.js';
import type { CaseFilters, CaseListPage, DocumentQuery } from './types.js';

const PAGE = 25;

/** Only the filters the user set: an empty one is no filter at all. */
function listQuery(filters: CaseFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.policeUnit.trim()) query.policeUnit = filters.policeUnit.trim();
  if (filters.department) query.department = filters.department;
  if (filters.ubigeo) query.ubigeo = filters.ubigeo;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.status) query.status = filters.status;
  if (filters.purpose) query.purpose = filters.purpose;
  return query;
}

function getCases(query: Record<string, string | number | undefined>, headers: Record<string, string | undefined> = {}) {
  // until schema.d.ts has GET /api/v1/cases
  return unwrap(api.GET('/api/v1/cases' as never, { params: { query }, ...withHeaders(headers) } as never)) as Promise<CaseListPage>;
}

/**
 * GET /api/v1/cases by non-personal filters, page by page ("load more" follows `nextCursor`). The key carries the
 * last write's position, so a case the user just registered is in the list (read-your-writes).
 */
export function useCaseList(filters: CaseFilters, position = minPosition()) {
  return useInfiniteQuery({
    queryKey: ['cases', 'list', listQuery(filters), position ?? 0],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => getCases({ ...listQuery(filters), limit: PAGE, cursor: pageParam, minPosition: position }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * The search by a victim's document. A mutation, not a query: the document number must not become a query key
 * (cached, shown in devtools) and each search is a deliberate, audited act with its own stated purpose (X-Purpose).
 */
export function useDocumentSearch() {
  return useMutation({
    mutationFn: (search: DocumentQuery) => getCases(
      { documentType: search.documentType ?? undefined, documentNumber: search.documentNumber.trim(), limit: 100, minPosition: minPosition() },
      { 'X-Purpose': headerSafe(search.purpose) },
    ),
  });
}

/**
 * HTTP headers carry Latin-1 only: Spanish accents pass, but typographic quotes or emoji would make fetch throw
 * before anything is sent. Those are replaced by their plain forms, or dropped.
 */
export function headerSafe(text: string): string {
  return text.trim().replace(/[“”«»]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-').replace(/[^\u0020-\u00ff]/g, '');
}
