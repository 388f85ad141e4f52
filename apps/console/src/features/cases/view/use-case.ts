import { useQuery } from '@tanstack/react-query';
import { api, purposeHeader } from '../../../api/client.js';
import { unwrap } from '../../../api/errors.js';
import type { CaseView, PersonalFields } from './types.js';

/**
 * A case as the screens keep it: read without a purpose, so the API withholds every personal field
 * (`personalDataWithheld`, each victim's `personal` null) and audits nothing. The victims carry no `personal` key.
 */
export interface SafeCase extends Omit<CaseView, 'victims'> {
  victims: Array<Omit<CaseView['victims'][number], 'personal'>>;
}

function withoutPersonal(view: CaseView): SafeCase {
  return { ...view, victims: view.victims.map(({ personal: _withheld, ...victim }) => victim) };
}

export const caseKey = (caseId: string) => ['case', caseId] as const;
export const timelineKey = (caseId: string) => ['case', caseId, 'timeline'] as const;

/** The case for display: no X-Purpose, so nothing personal leaves the API and the read is not audited. */
export function useCase(caseId: string) {
  return useQuery({
    queryKey: caseKey(caseId),
    enabled: !!caseId,
    queryFn: async () => withoutPersonal(await unwrap(api.GET('/api/v1/cases/{caseId}', { params: { path: { caseId } } }))),
  });
}

export function useCaseTimeline(caseId: string | null | undefined) {
  return useQuery({
    queryKey: timelineKey(caseId ?? ''),
    enabled: !!caseId,
    queryFn: () => unwrap(api.GET('/api/v1/cases/{caseId}/timeline', { params: { path: { caseId: caseId! } } })),
  });
}

/**
 * The victims' personal fields, read once with the purpose the user stated (X-Purpose; the API audits the read).
 * Kept by the page in memory only, never in the query cache.
 */
export async function readPersonalData(caseId: string, purpose: string): Promise<Record<string, PersonalFields>> {
  const view = await unwrap(api.GET('/api/v1/cases/{caseId}', { params: { path: { caseId }, header: purposeHeader(purpose) } }));
  return Object.fromEntries(view.victims.flatMap((v) => (v.personal && !v.erased ? [[v.victimId, v.personal] as const] : [])));
}
