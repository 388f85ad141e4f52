import {
  offencesInForce,
  OFFENCES,
  OFFENCE_CATEGORIES,
  type OffenceCategory,
  type OffenceProvision,
} from '#domain-src/police-case/offences.js';
import {
  AGGRAVATING_CIRCUMSTANCES,
  CONTROL_MEANS,
  ISIC_SECTIONS,
  RECRUITMENT_METHODS,
  SEXUAL_EXPLOITATION_TYPES,
} from '#domain-src/police-case/police-case.codes.js';
import type { Language } from '../../../i18n/i18n.js';
import { CATALOG_LABELS, REFERENCE_LABELS, type CatalogFamily, type ReferenceKind } from './labels.js';

/**
 * The code lists of a police case's qualification, straight from the domain (libs/domain: pure constants, as
 * justice/stages.ts does), so the console offers exactly the codes the API accepts, with their es/en words.
 */
export const FAMILIES = {
  aggravatingCircumstances: AGGRAVATING_CIRCUMSTANCES,
  recruitment: RECRUITMENT_METHODS,
  control: CONTROL_MEANS,
  labourSectors: ISIC_SECTIONS,
  sexualExploitation: SEXUAL_EXPLOITATION_TYPES,
  offenceCategories: OFFENCE_CATEGORIES,
} as const satisfies Record<CatalogFamily, readonly string[]>;

export type { CatalogFamily, OffenceCategory };

export function codeLabel(family: CatalogFamily, code: string, language: Language): string {
  const labels = CATALOG_LABELS[family] as Record<string, { es: string; en: string } | undefined>;
  return labels[code]?.[language] ?? code;
}

export function familyOptions(family: CatalogFamily, language: Language): Array<{ value: string; label: string }> {
  const labels = (code: string) =>
    family === 'labourSectors' ? `${code} · ${codeLabel(family, code, language)}` : codeLabel(family, code, language);
  return FAMILIES[family].map((code) => ({ value: code, label: labels(code) }));
}

const BY_CODE = new Map<string, OffenceProvision>(OFFENCES.map((offence) => [offence.code, offence]));

/** "Trata de personas — Ley 30251, art. 153": the offence with the law and article that gave it its text. */
export function offenceLabel(code: string, language: Language): string {
  const offence = BY_CODE.get(code);
  if (!offence) return code;
  const article = language === 'es' ? 'art.' : 'art.';
  return `${offence.title[language]} — ${offence.law}, ${article} ${offence.article}`;
}

/**
 * The offences the law in force offered on a Lima date (YYYY-MM-DD…): the date of the facts, or of the registration
 * when the facts' date is unknown. Codes already chosen stay listed (marked by the API if no longer in force).
 */
export function offenceOptions(limaDate: string, chosen: readonly string[], language: Language): Array<{ value: string; label: string }> {
  const date = limaDate.slice(0, 10);
  const inForce = /^\d{4}-\d{2}-\d{2}$/.test(date) ? offencesInForce(date).map((offence) => offence.code) : [];
  const codes = [...inForce, ...chosen.filter((code) => !inForce.includes(code))];
  return codes.map((code) => ({ value: code, label: offenceLabel(code, language) }));
}

/** "N.° de carpeta fiscal": the name of one kind of external reference. */
export const referenceLabel = (kind: ReferenceKind, language: Language): string => REFERENCE_LABELS[kind][language];
