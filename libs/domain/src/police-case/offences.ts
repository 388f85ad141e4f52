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
  /** The code whose text this one replaced (reworded or moved to another article); its window ends the day before. */
  replaces?: string;
  /** Where the text was read: the official publication (El Peruano, date) and the copy actually read. */
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
    source: 'Ley 28950 (El Peruano, 16-01-2007), which gave art. 153 this text',
  },
  {
    code: 'cp153a-l28950',
    category: 'trafficking_aggravated',
    law: 'Ley 28950',
    article: '153-A',
    title: { es: 'Formas agravadas de la trata de personas', en: 'Aggravated trafficking in persons' },
    inForceFrom: '2007-01-17',
    inForceUntil: '2021-03-30',
    source: 'Ley 28950 (El Peruano, 16-01-2007), which gave art. 153-A this text',
  },
  {
    code: 'cp153-l30251',
    category: 'trafficking',
    law: 'Ley 30251',
    article: '153',
    title: { es: 'Trata de personas', en: 'Trafficking in persons' },
    inForceFrom: '2014-10-22',
    inForceUntil: '2021-03-30',
    replaces: 'cp153-l28950',
    source: 'Ley 30251 (El Peruano, 21-10-2014), new text of art. 153',
  },
  {
    code: 'cp153b-dl1323',
    category: 'sexual_exploitation',
    law: 'Decreto Legislativo 1323',
    article: '153-B',
    title: { es: 'Explotación sexual', en: 'Sexual exploitation' },
    inForceFrom: '2017-01-07',
    inForceUntil: '2019-06-18',
    source: 'Decreto Legislativo 1323 (El Peruano, 06-01-2017), which incorporated art. 153-B',
  },
  {
    code: 'cp153c-dl1323',
    category: 'slavery_and_other_exploitation',
    law: 'Decreto Legislativo 1323',
    article: '153-C',
    title: { es: 'Esclavitud y otras formas de explotación', en: 'Slavery and other forms of exploitation' },
    inForceFrom: '2017-01-07',
    inForceUntil: '2021-03-30',
    source: 'Decreto Legislativo 1323 (El Peruano, 06-01-2017), which incorporated art. 153-C',
  },
  {
    code: 'cp168b-dl1323',
    category: 'forced_labour',
    law: 'Decreto Legislativo 1323',
    article: '168-B',
    title: { es: 'Trabajo forzoso', en: 'Forced labour' },
    inForceFrom: '2017-01-07',
    inForceUntil: '2021-03-30',
    source: 'Decreto Legislativo 1323 (El Peruano, 06-01-2017), which incorporated art. 168-B',
  },
  {
    code: 'cp153b-l30963',
    category: 'sexual_exploitation',
    law: 'Ley 30963',
    article: '153-B',
    title: { es: 'Explotación sexual', en: 'Sexual exploitation' },
    inForceFrom: '2019-06-19',
    inForceUntil: '2021-03-30',
    replaces: 'cp153b-dl1323',
    source: 'Ley 30963, art. 1 (El Peruano, 18-06-2019), new text of art. 153-B',
  },
  {
    code: 'cp153h-l30963',
    category: 'sexual_exploitation',
    law: 'Ley 30963',
    article: '153-H',
    title: { es: 'Explotación sexual de niñas, niños y adolescentes', en: 'Sexual exploitation of children and adolescents' },
    inForceFrom: '2019-06-19',
    inForceUntil: '2021-03-30',
    source: 'Ley 30963 (El Peruano, 18-06-2019), which incorporated art. 153-H',
  },
  {
    code: 'cp129a-l31146',
    category: 'trafficking',
    law: 'Ley 31146',
    article: '129-A',
    title: { es: 'Trata de personas', en: 'Trafficking in persons' },
    inForceFrom: '2021-03-31',
    inForceUntil: null,
    replaces: 'cp153-l30251',
    source: 'Ley 31146 (El Peruano, 30-03-2021), which moved art. 153 to 129-A (Título I-A, Capítulo I)',
  },
  {
    code: 'cp129b-l31146',
    category: 'trafficking_aggravated',
    law: 'Ley 31146',
    article: '129-B',
    title: { es: 'Formas agravadas de la trata de personas', en: 'Aggravated trafficking in persons' },
    inForceFrom: '2021-03-31',
    inForceUntil: null,
    replaces: 'cp153a-l28950',
    source: 'Ley 31146 (El Peruano, 30-03-2021), which moved art. 153-A to 129-B and added its first paragraph, item 7',
  },
  {
    code: 'cp129c-l31146',
    category: 'sexual_exploitation',
    law: 'Ley 31146',
    article: '129-C',
    title: { es: 'Explotación sexual', en: 'Sexual exploitation' },
    inForceFrom: '2021-03-31',
    inForceUntil: null,
    replaces: 'cp153b-l30963',
    source: 'Ley 31146 (El Peruano, 30-03-2021), which moved art. 153-B to 129-C (Título I-A, Capítulo II)',
  },
  {
    code: 'cp129h-l31146',
    category: 'sexual_exploitation',
    law: 'Ley 31146',
    article: '129-H',
    title: { es: 'Explotación sexual de niñas, niños y adolescentes', en: 'Sexual exploitation of children and adolescents' },
    inForceFrom: '2021-03-31',
    inForceUntil: null,
    replaces: 'cp153h-l30963',
    source: 'Ley 31146 (El Peruano, 30-03-2021), which moved art. 153-H to 129-H (Título I-A, Capítulo II)',
  },
  {
    code: 'cp129n-l31146',
    category: 'slavery_and_other_exploitation',
    law: 'Ley 31146',
    article: '129-Ñ',
    title: { es: 'Esclavitud y otras formas de explotación', en: 'Slavery and other forms of exploitation' },
    inForceFrom: '2021-03-31',
    inForceUntil: null,
    replaces: 'cp153c-dl1323',
    source: 'Ley 31146 (El Peruano, 30-03-2021), which moved art. 153-C to 129-Ñ (Título I-A, Capítulo II)',
  },
  {
    code: 'cp129o-l31146',
    category: 'forced_labour',
    law: 'Ley 31146',
    article: '129-O',
    title: { es: 'Trabajo forzoso', en: 'Forced labour' },
    inForceFrom: '2021-03-31',
    inForceUntil: null,
    replaces: 'cp168b-dl1323',
    source: 'Ley 31146 (El Peruano, 30-03-2021), which moved art. 168-B to 129-O (Título I-A, Capítulo II)',
  },
  {
    code: 'cp303a-l28950',
    category: 'migrant_smuggling',
    law: 'Ley 28950',
    article: '303-A',
    title: { es: 'Tráfico ilícito de migrantes', en: 'Migrant smuggling' },
    inForceFrom: '2007-01-17',
    inForceUntil: null,
    source: 'Ley 28950 (El Peruano, 16-01-2007), which gave art. 303-A this text',
  },
  {
    code: 'cp303b-l28950',
    category: 'migrant_smuggling_aggravated',
    law: 'Ley 28950',
    article: '303-B',
    title: { es: 'Formas agravadas del tráfico ilícito de migrantes', en: 'Aggravated migrant smuggling' },
    inForceFrom: '2007-01-17',
    inForceUntil: null,
    source: 'Ley 28950 (El Peruano, 16-01-2007), which incorporated art. 303-B',
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
