/**
 * The API's errors as the console shows them: RFC 9457 problem details (`application/problem+json`: `detail`,
 * `code`, `fields: [{field, reason}]`, and `error`, the same text as `detail`) in the language the request asked
 * for. Field errors go next to the field they name; the rest is one message for the screen.
 */
export interface FieldProblem {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }

  /** The reason for one field, matching `victims[0].sex` against `victims.0.sex` too. */
  fieldReason(field: string): string | undefined {
    const normal = (name: string) => name.replace(/\[(\d+)\]/g, '.$1');
    return this.fields.find((problem) => normal(problem.field) === normal(field))?.reason;
  }
}

/** The request never got an answer (offline, dropped connection): safe to retry with the same ids. */
export class NetworkError extends Error {}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer, or an ApiError with the API's own message and field reasons. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (result.response.ok) return result.data as T;
  // openapi-fetch parses an error body as JSON whatever its content type (application/problem+json included).
  const body = (result.error ?? {}) as { detail?: string; error?: string; code?: string; fields?: FieldProblem[] };
  throw new ApiError(
    result.response.status,
    body.code ?? 'http_' + result.response.status,
    body.detail ?? body.error ?? result.response.statusText,
    body.fields ?? [],
  );
}

/** Field name → reason, for a form's `error` props. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.fields.map((problem) => [problem.field.replace(/\[(\d+)\]/g, '.$1'), problem.reason]));
}
