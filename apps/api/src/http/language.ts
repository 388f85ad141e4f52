import type { Request } from 'express';

export type Language = 'es' | 'en';

/** Spanish unless the client prefers English (Accept-Language: en…). */
export function preferredLanguage(request: Pick<Request, 'headers'>): Language {
  const header = String(request.headers['accept-language'] ?? '').toLowerCase();
  const first = header.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'es';
}
