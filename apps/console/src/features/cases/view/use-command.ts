import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, withHeaders } from '../../../api/client.js';
import { unwrap } from '../../../api/errors.js';
import { newId } from '../../../shared/ids.js';
import { rememberPosition } from '../../../shared/read-your-writes.js';
import type { CommandAnswer } from './types.js';

export interface CommandRequest {
  /** An OpenAPI path, e.g. '/api/v1/cases/{caseId}/operations'. */
  path: string;
  params: Record<string, string>;
  body: object;
  /** The record's version as the user saw it: a change by someone else since is a 409, not an overwrite. */
  version?: number;
}

/**
 * One intended action of a form: its Idempotency-Key is made when the form opens and kept across retries (a lost
 * answer retried is the same command), renewed only by `reset` once the action succeeded or the form is closed.
 * On success the position is remembered (read-your-writes) and the queries named by `refresh` are refetched.
 */
export function useCommand<T extends CommandAnswer = CommandAnswer>(refresh: ReadonlyArray<readonly unknown[]>) {
  const client = useQueryClient();
  const [key, setKey] = useState(newId);
  const mutation = useMutation({
    mutationFn: async (request: CommandRequest) => {
      const headers = withHeaders({
        'Idempotency-Key': key,
        'If-Match': request.version === undefined ? undefined : `"${request.version}"`,
      });
      // Untyped on purpose: one hook serves every command path; each form builds its body from the DTO's fields.
      const call = api.POST(request.path as never, { params: { path: request.params }, body: request.body, ...headers } as never);
      return (await unwrap(call)) as unknown as T;
    },
    onSuccess: async (answer) => {
      rememberPosition(answer);
      await Promise.all(refresh.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
  const reset = () => {
    mutation.reset();
    setKey(newId());
  };
  return { ...mutation, reset };
}
