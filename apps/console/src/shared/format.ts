import type { Language } from '../i18n/i18n.js';

const LIMA = 'America/Lima';

/** Dates and times as people in Peru read them, always in Lima time whatever the browser's zone. */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(language === 'es' ? 'es-PE' : 'en-GB', { timeZone: LIMA, dateStyle: 'short', timeStyle: 'short' });
}

export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  return new Date(iso).toLocaleDateString(language === 'es' ? 'es-PE' : 'en-GB', { timeZone: LIMA, dateStyle: 'medium' });
}

/** Now as an ISO 8601 time with Lima's offset (-05:00, no daylight saving), the form the API requires. */
export function limaNow(date = new Date()): string {
  const lima = new Date(date.getTime() - 5 * 3600_000);
  return lima.toISOString().slice(0, 19) + '-05:00';
}

/** A `datetime-local` value (Lima wall clock) as ISO 8601 with offset. */
export function fromLimaLocal(value: string): string {
  return value.length === 16 ? `${value}:00-05:00` : `${value}-05:00`;
}

export function toLimaLocal(iso: string): string {
  return limaNow(new Date(iso)).slice(0, 16);
}

export function formatNumber(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined) return '';
  return value.toLocaleString(language === 'es' ? 'es-PE' : 'en-GB');
}
