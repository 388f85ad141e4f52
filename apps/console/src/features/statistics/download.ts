import { unwrap } from '../../api/errors.js';

interface BlobResult {
  data?: Blob;
  error?: unknown;
  response: Response;
}

/**
 * Saves a file the API serves only with the bearer token: fetched by the typed client (which adds the token), then
 * handed to the browser as a Blob under the name the API gives in Content-Disposition. Nothing is kept.
 */
export async function saveDownload(call: Promise<BlobResult>, fallbackName: string): Promise<string> {
  let response: Response | undefined;
  const blob = await unwrap(
    call.then((result) => {
      response = result.response;
      return result;
    }),
  );
  const name = fileName(response?.headers.get('Content-Disposition') ?? null) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return name;
}

function fileName(disposition: string | null): string | undefined {
  return disposition?.match(/filename="?([^";]+)"?/)?.[1];
}
