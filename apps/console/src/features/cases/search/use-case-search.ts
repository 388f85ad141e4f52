import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client.js';
import { unwrap } from '../../../api/errors.js';
import type { paths } from '../../../api/schema.js';
import { minPosition } from '../../../shared/read-your-writes.js';
import type { CaseFilters, DocumentQuery } from './types.js';

const PAGE = 25;

type ListQuery = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;

/** Only the filters the user set: an empty one is no filter at all. */
function listQuery(filters: CaseFilters): ListQuery {
  const query: ListQuery = {};
  if (filters.q?.trim()) query.q = filters.q.trim();
  if (filters.policeUnit.trim()) query.policeUnit = filters.policeUnit.trim();
  if (filters.department) query.department = filters.department;
  if (filters.ubigeo) query.ubigeo = filters.ubigeo;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.status) query.status = filters.status;
  if (filters.purpose) query.purpose = filters.purpose;
  return query;
}

/**
 * GET /api/v1/cases by non-personal filters, page by page ("load more" follows `nextCursor`). The key carries the
 * last write's position, so a case the user just registered is in the list (read-your-writes).
 */
export function useCaseList(filters: CaseFilters, position = minPosition()) {
  return useInfiniteQuery({
    queryKey: ['cases', 'list', listQuery(filters), position ?? 0],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/cases', {
          params: { query: { ...listQuery(filters), limit: PAGE, cursor: pageParam, minPosition: position } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * The search by a victim's document: POST /api/v1/cases/search, the number and the stated purpose in the body only
 * (never in a URL). A mutation, not a query: the number must not become a query key (cached, shown in devtools) and
 * each search is a deliberate act the API audits with its purpose.
 */
export function useDocumentSearch() {
  return useMutation({
    mutationFn: (search: DocumentQuery) =>
      unwrap(
        api.POST('/api/v1/cases/search', {
          body: {
            documentType: search.documentType,
            documentNumber: search.documentNumber.trim(),
            purpose: search.purpose.trim(),
            limit: 100,
          },
        }),
      ),
  });
}
