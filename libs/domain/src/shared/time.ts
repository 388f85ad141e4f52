/**
 * Instants on the wire are ISO 8601 date-times with an explicit offset. A local time without an offset is
 * ambiguous (the operator's browser, the server and Lima may disagree), so it is refused rather than guessed.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Returns the instant as a UTC ISO string (`toISOString()`), or null when the value is not a valid date-time
 * with an offset. Components are checked by hand because `Date.parse` rolls Feb 30 over to March 2 and
 * accepts date-only and offset-less strings.
 */
export function parseInstant(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = INSTANT.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zulu, sign, offH = '0', offM = '0'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Leap seconds (:60) are refused: JavaScript dates cannot represent them.
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offsetHours = Number(offH);
  const offsetMinutes = Number(offM);
  if (offsetHours > 23 || offsetMinutes > 59) return null;

  // Sub-millisecond digits are truncated: the registry stores milliseconds.
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  const utc = date.getTime() - offset * 60_000;
  if (!Number.isFinite(utc) || Math.abs(utc) > 8.64e15) return null;
  return new Date(utc).toISOString();
}

// Peru has had no daylight saving since 1994, but the IANA zone stays the source of truth should that change.
const LIMA_MONTH = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Lima',
  year: 'numeric',
  month: '2-digit',
});

/** 'YYYY-MM' of the instant in Lima: monthly statistics count by the local calendar, not by UTC. */
export function limaMonth(instantIso: string): string {
  const parts = LIMA_MONTH.formatToParts(new Date(instantIso));
  const year = parts.find((part) => part.type === 'year')?.value;
  const month = parts.find((part) => part.type === 'month')?.value;
  if (!year || !month) throw new RangeError(`Not an instant: ${instantIso}`);
  return `${year.padStart(4, '0')}-${month}`;
}

const LIMA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Lima',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' of the instant in Lima: which law was in force, like the monthly figures, goes by the local calendar. */
export function limaDate(instantIso: string): string {
  const parts = LIMA_DATE.formatToParts(new Date(instantIso));
  const year = parts.find((part) => part.type === 'year')?.value;
  const month = parts.find((part) => part.type === 'month')?.value;
  const day = parts.find((part) => part.type === 'day')?.value;
  if (!year || !month || !day) throw new RangeError(`Not an instant: ${instantIso}`);
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

/** Signed minutes from `a` to `b` (positive when `b` is later), fractional when the gap is not whole minutes. */
export function minutesBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 60_000;
}
