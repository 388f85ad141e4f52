import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client.js';
import { unwrap } from '../../../api/errors.js';
import { rememberPosition } from '../../../shared/read-your-writes.js';
import { toBody, type CaseDraft, type CaseRegistered } from './draft.js';

/**
 * POST /api/v1/cases with the draft's own ids: a retry after a lost answer sends the same caseId and victimIds, and
 * the API returns the original result instead of a second case. The answer's position is remembered so the next
 * list (queue, search) waits until it includes this case.
 */
export function useRegisterCase(onRegistered: (answer: CaseRegistered, draft: CaseDraft) => void) {
  return useMutation({
    mutationFn: async (draft: CaseDraft) => {
      const answer = await unwrap(api.POST('/api/v1/cases', { body: toBody(draft) }));
      rememberPosition(answer);
      return answer;
    },
    onSuccess: (answer, draft) => onRegistered(answer, draft),
  });
}
