import type { Language } from '../../i18n/i18n.js';
import { dateFormatter, formatNumber } from '../../shared/format.js';
import type { Figure } from './types.js';

/** A figure as text: a suppressed cell reads "reservado"/"suppressed", never 0 or blank; an absent one reads "—". */
export function figureText(value: Figure, language: Language, reserved: string): string {
  if (value === null) return reserved;
  if (value === undefined) return '—';
  return formatNumber(value, language);
}

/** "marzo de 2025" / "March 2025" for a YYYY-MM key. */
export function monthName(month: string, language: Language): string {
  const date = new Date(`${month}-15T12:00:00Z`);
  return dateFormatter(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function periodText(from: string, to: string, language: Language): string {
  return from === to ? monthName(from, language) : `${monthName(from, language)} – ${monthName(to, language)}`;
}
