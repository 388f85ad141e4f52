import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { withHeaders } from '../../../api/client.js';
import { unwrap } from '../../../api/errors.js';
import { newId } from '../../../shared/ids.js';
import { rememberPosition } from '../../../shared/read-your-writes.js';

/** What every command on a case, prosecution or trial answers, among its own fields (the generated schemas say so). */
interface CommandAnswer {
  version: number;
  position: number;
}

/** The headers of one attempt, spread into the typed `api.POST(path, { …, ...init })` of the form that sends it. */
export type CommandInit = ReturnType<typeof withHeaders>;

export interface CommandRequest {
  /** The record's version as the user saw it: a change by someone else since is a 409, not an overwrite. */
  version?: number;
  /** The form's own typed call: path, parameters and body are checked against the API's OpenAPI document. */
  send(init: CommandInit): Promise<{ data?: CommandAnswer; error?: unknown; response: Response }>;
}

/**
 * One intended action of a form: its Idempotency-Key is made when the form opens and kept across retries (a lost
 * answer retried is the same command), renewed only by `reset` once the action succeeded or the form is closed.
 * On success the position is remembered (read-your-writes) and the queries named by `refresh` are refetched.
 */
export function useCommand(refresh: ReadonlyArray<readonly unknown[]>) {
  const client = useQueryClient();
  const [key, setKey] = useState(newId);
  const mutation = useMutation({
    mutationFn: (request: CommandRequest) =>
      unwrap(
        request.send(
          withHeaders({
            'Idempotency-Key': key,
            'If-Match': request.version === undefined ? undefined : `"${request.version}"`,
          }),
        ),
      ),
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
