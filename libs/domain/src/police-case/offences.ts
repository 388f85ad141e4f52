/**
 * The offence a case is qualified as, under the law in force on the date of the facts. Each code names one
 * provision of the Código Penal in one text (the law that gave it that wording); a reform that renumbers or rewords
 * an offence gives it a new code, and every code maps to a stable statistical category so that the series stay
 * comparable across the reforms (docs/legal-catalog.md).
 *
 * Dates are Lima calendar dates (YYYY-MM-DD): `inForceFrom` is the first day the text applied (the day after its
 * publication in El Peruano unless the law said otherwise), `inForceUntil` the last day (null: still in force).
 */
export const OFFENCE_CATEGORIES = [
  'trafficking',
  'trafficking_aggravated',
  'sexual_exploitation',
  'slavery_and_other_exploitation',
  'forced_labour',
  'migrant_smuggling',
  'migrant_smuggling_aggravated',
] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

export interface OffenceProvision {
  code: string;
  category: OffenceCategory;
  /** The law that gave the article this text, as cited: "Ley 28950", "Decreto Legislativo 1323". */
  law: string;
  /** The article of the Código Penal (Decreto Legislativo 635): "153-A". */
  article: string;
  title: { es: string; en: string };
  inForceFrom: string;
  inForceUntil: string | null;
  /** Where the text was read: the official publication (El Peruano, date) and a public copy. */
  source: string;
}

export const OFFENCES = [
  {
    code: 'cp153-l28950',
    category: 'trafficking',
    law: 'Ley 28950',
    article: '153',
    title: { es: 'Trata de personas', en: 'Trafficking in persons' },
    inForceFrom: '2007-01-17',
    inForceUntil: '2014-10-21',
    source: 'Ley 28950, art. 2 (El Peruano, 16-01-2007)',
  },
  {
    code: 'cp153a-l28950',
    category: 'trafficking_aggravated',
    law: 'Ley 28950',
    article: '153-A',
    title: { es: 'Formas agravadas de la trata de personas', en: 'Aggravated trafficking in persons' },
    inForceFrom: '2007-01-17',
    inForceUntil: '2021-03-30',
    source: 'Ley 28950, art. 2 (El Peruano, 16-01-2007)',
  },
  {
    code: 'cp153-l30251',
    category: 'trafficking',
    law: 'Ley 30251',
    article: '153',
    title: { es: 'Trata de personas', en: 'Trafficking in persons' },
    inForceFrom: '2014-10-22',
    inForceUntil: '2021-03-30',
    source: 'Ley 30251, art. único (El Peruano, 21-10-2014)',
  },
  {
    code: 'cp153b-dl1323',
    category: 'sexual_exploitation',
    law: 'Decreto Legislativo 1323',
    article: '153-B',
    title: { es: 'Explotación sexual', en: 'Sexual exploitation' },
    inForceFrom: '2017-01-07',
    inForceUntil: '2021-03-30',
    source: 'Decreto Legislativo 1323, art. 2 (El Peruano, 06-01-2017)',
  },
  {
    code: 'cp153c-dl1323',
    category: 'slavery_and_other_exploitation',
    law: 'Decreto Legislativo 1323',
    article: '153-C',
    title: { es: 'Esclavitud y otras formas de explotación', en: 'Slavery and other forms of exploitation' },
    inForceFrom: '2017-01-07',
    inForceUntil: '2021-03-30',
    source: 'Decreto Legislativo 1323, art. 2 (El Peruano, 06-01-2017)',
  },
  {
    code: 'cp168b-dl1323',
    category: 'forced_labour',
    law: 'Decreto Legislativo 1323',
    article: '168-B',
    title: { es: 'Trabajo forzoso', en: 'Forced labour' },
    inForceFrom: '2017-01-07',
    inForceUntil: '2021-03-30',
    source: 'Decreto Legislativo 1323, art. 2 (El Peruano, 06-01-2017)',
  },
  {
    code: 'cp129a-l31146',
    category: 'trafficking',
    law: 'Ley 31146',
    article: '129-A',
    title: { es: 'Trata de personas', en: 'Trafficking in persons' },
    inForceFrom: '2021-03-31',
    inForceUntil: null,
    source: 'Ley 31146, art. 2 (El Peruano, 30-03-2021)',
  },
  {
    code: 'cp129b-l31146',
    category: 'trafficking_aggravated',
    law: 'Ley 31146',
    article: '129-B',
    title: { es: 'Formas agravadas de la trata de personas', en: 'Aggravated trafficking in persons' },
    inForceFrom: '2021-03-31',
    inForceUntil: null,
    source: 'Ley 31146, art. 2 (El Peruano, 30-03-2021)',
  },
  {
    code: 'cp129c-l31146',
    category: 'sexual_exploitation',
    law: 'Ley 31146',
    article: '129-C',
    title: { es: 'Explotación sexual', en: 'Sexual exploitation' },
    inForceFrom: '2021-03-31',
    inForceUntil: null,
    source: 'Ley 31146, art. 2 (El Peruano, 30-03-2021)',
  },
  {
    code: 'cp129n-l31146',
    category: 'slavery_and_other_exploitation',
    law: 'Ley 31146',
    article: '129-Ñ',
    title: { es: 'Esclavitud y otras formas de explotación', en: 'Slavery and other forms of exploitation' },
    inForceFrom: '2021-03-31',
    inForceUntil: null,
    source: 'Ley 31146, art. 2 (El Peruano, 30-03-2021)',
  },
  {
    code: 'cp129o-l31146',
    category: 'forced_labour',
    law: 'Ley 31146',
    article: '129-O',
    title: { es: 'Trabajo forzoso', en: 'Forced labour' },
    inForceFrom: '2021-03-31',
    inForceUntil: null,
    source: 'Ley 31146, art. 2 (El Peruano, 30-03-2021)',
  },
  {
    code: 'cp303a-l28950',
    category: 'migrant_smuggling',
    law: 'Ley 28950',
    article: '303-A',
    title: { es: 'Tráfico ilícito de migrantes', en: 'Migrant smuggling' },
    inForceFrom: '2007-01-17',
    inForceUntil: null,
    source: 'Ley 28950, art. 2 (El Peruano, 16-01-2007)',
  },
  {
    code: 'cp303b-l28950',
    category: 'migrant_smuggling_aggravated',
    law: 'Ley 28950',
    article: '303-B',
    title: { es: 'Formas agravadas del tráfico ilícito de migrantes', en: 'Aggravated migrant smuggling' },
    inForceFrom: '2007-01-17',
    inForceUntil: null,
    source: 'Ley 28950, art. 2 (El Peruano, 16-01-2007)',
  },
] as const satisfies readonly OffenceProvision[];

export type OffenceCode = (typeof OFFENCES)[number]['code'];
export const OFFENCE_CODES = OFFENCES.map((offence) => offence.code) as readonly OffenceCode[];

const BY_CODE = new Map<string, OffenceProvision>(OFFENCES.map((offence) => [offence.code, offence]));

export const offenceProvision = (code: string): OffenceProvision | undefined => BY_CODE.get(code);

/** The statistical category of a code; 'unknown' for a code this version does not know (a newer catalog) is not recorded (older events). */
export const offenceCategoryOf = (code: string): OffenceCategory | 'unknown' => BY_CODE.get(code)?.category ?? 'unknown';

/** Whether the provision's text applied on a Lima calendar date (YYYY-MM-DD). */
export function offenceInForce(code: string, date: string): boolean {
  const offence = BY_CODE.get(code);
  if (!offence) return false;
  return offence.inForceFrom <= date && (offence.inForceUntil === null || date <= offence.inForceUntil);
}

/** The codes in force on a Lima date: what a form offers for that date of the facts. */
export const offencesInForce = (date: string): OffenceProvision[] => OFFENCES.filter((offence) => offenceInForce(offence.code, date));
