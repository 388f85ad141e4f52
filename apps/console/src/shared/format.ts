import type { Language } from '../i18n/i18n.js';

const LIMA = 'America/Lima';
const LOCALES: Record<Language, string> = { es: 'es-PE', en: 'en-GB' };

// Building an Intl formatter costs far more than using one (a list of 25 rows built 25 of them on every render:
// measured in the first screen's profile), so each (language, style) is built once.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached Intl.DateTimeFormat for the language; the time zone is Lima unless the options name another. */
export function dateFormatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[language], { timeZone: LIMA, ...options });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Dates and times as people in Peru read them, always in Lima time whatever the browser's zone. */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  return iso ? dateFormatter(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)) : '';
}

export function formatDate(iso: string | null | undefined, language: Language): string {
  return iso ? dateFormatter(language, { dateStyle: 'medium' }).format(new Date(iso)) : '';
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

const numbers = new Map<Language, Intl.NumberFormat>();

export function formatNumber(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined) return '';
  let formatter = numbers.get(language);
  if (!formatter) numbers.set(language, (formatter = new Intl.NumberFormat(LOCALES[language])));
  return formatter.format(value);
}
