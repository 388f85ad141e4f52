import { useQuery } from '@tanstack/react-query';
import { api, withHeaders } from '../../../api/client.js';
import { unwrap } from '../../../api/errors.js';
import type { CaseTimeline, CaseView, PersonalFields } from './types.js';

/** A case as the screens keep it: never with personal fields, only whether the API holds some for each victim. */
export interface SafeCase extends Omit<CaseView, 'victims'> {
  victims: Array<Omit<CaseView['victims'][number], 'personal'> & { hasPersonal: boolean }>;
}

async function fetchCase(caseId: string, purpose?: string): Promise<CaseView> {
  const call = api.GET('/api/v1/cases/{caseId}', { params: { path: { caseId } }, ...withHeaders({ 'X-Purpose': purpose }) });
  return (await unwrap(call)) as unknown as CaseView;
}

/**
 * GET /cases/{id} answers every role that may read a case with the victims' personal fields (and records the read
 * in the audit log). The console drops them here, before anything reaches the query cache, so they exist on screen
 * only after the user asks with a stated purpose (usePersonalData).
 */
export function stripPersonal(view: CaseView): SafeCase {
  return {
    ...view,
    victims: view.victims.map(({ personal, ...victim }) => ({
      ...victim,
      hasPersonal: !victim.erased && !!personal && Object.values(personal).some((value) => value !== null),
    })),
  };
}

export const caseKey = (caseId: string) => ['case', caseId] as const;
export const timelineKey = (caseId: string) => ['case', caseId, 'timeline'] as const;

export function useCase(caseId: string, purpose: string) {
  return useQuery({
    queryKey: caseKey(caseId),
    enabled: !!caseId,
    queryFn: async () => stripPersonal(await fetchCase(caseId, purpose)),
  });
}

export function useCaseTimeline(caseId: string | null | undefined) {
  return useQuery({
    queryKey: timelineKey(caseId ?? ''),
    enabled: !!caseId,
    queryFn: async () => (await unwrap(api.GET('/api/v1/cases/{caseId}/timeline', { params: { path: { caseId: caseId! } } }))) as unknown as CaseTimeline,
  });
}

/** The victims' personal fields, read once with the purpose the user stated (sent as X-Purpose, audited by the API). */
export async function readPersonalData(caseId: string, purpose: string): Promise<Record<string, PersonalFields>> {
  const view = await fetchCase(caseId, purpose);
  return Object.fromEntries(view.victims.filter((v) => v.personal && !v.erased).map((v) => [v.victimId, v.personal!]));
}
