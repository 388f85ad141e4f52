import {
  AGE_GROUPS,
  CASE_SOURCES,
  EXPLOITATION_PURPOSES,
  REFERRAL_DESTINATIONS,
  SEXES,
  type CountryCatalog,
  type UbigeoCatalog,
} from '#domain';
import { UNKNOWN_KEY, UNKNOWN_LABEL, type Dimension, type Label } from './stat-table.js';

export const l = (es: string, en: string): Label => ({ es, en });

/** A table's single column (or row). */
export const one = (key: string, es: string, en: string): Dimension[] => [{ key, label: l(es, en) }];

export const SEX_LABELS: Record<string, Label> = {
  female: l('Mujer', 'Female'),
  male: l('Hombre', 'Male'),
  other: l('Otro', 'Other'),
  unknown: UNKNOWN_LABEL,
};

export const PURPOSE_LABELS: Record<string, Label> = {
  sexual_exploitation: l('Explotación sexual', 'Sexual exploitation'),
  labour_exploitation: l('Explotación laboral', 'Labour exploitation'),
  forced_labour: l('Trabajo forzoso', 'Forced labour'),
  servitude: l('Servidumbre o esclavitud', 'Servitude or slavery'),
  begging: l('Mendicidad', 'Begging'),
  sale_of_children: l('Venta de niños', 'Sale of children'),
  organ_trafficking: l('Extracción o tráfico de órganos o tejidos', 'Organ or tissue trafficking'),
  other: l('Otra finalidad', 'Other purpose'),
  unknown: UNKNOWN_LABEL,
};

export const DESTINATION_LABELS: Record<string, Label> = {
  PNP: l('Policía Nacional del Perú', 'National Police'),
  MINISTERIO_PUBLICO: l('Ministerio Público', 'Public Prosecutor'),
  MIMP: l('Ministerio de la Mujer (MIMP)', 'Ministry of Women (MIMP)'),
  DEMUNA: l('DEMUNA', 'DEMUNA (child protection office)'),
  SHELTER: l('Hogar de refugio', 'Shelter'),
  OTHER: l('Otra institución', 'Other institution'),
};

export const SOURCE_LABELS: Record<string, Label> = {
  hotline_referral: l('Derivación de la línea 0800', 'Hotline referral'),
  walk_in: l('Denuncia directa', 'Walk-in'),
  police_operation: l('Operativo policial', 'Police operation'),
  other_institution: l('Otra institución', 'Other institution'),
  ex_officio: l('De oficio', 'Ex officio'),
};

const MONTHS_ES = [
  'Enero',
  'Febrero',
  'Marzo',
  'Abril',
  'Mayo',
  'Junio',
  'Julio',
  'Agosto',
  'Septiembre',
  'Octubre',
  'Noviembre',
  'Diciembre',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const monthsOf = (year: number): Dimension[] =>
  MONTHS_ES.map((es, i) => ({ key: `${year}-${String(i + 1).padStart(2, '0')}`, label: l(es, MONTHS_EN[i]) }));

export const monthLabel = (period: string): Label => {
  const [year, month] = period.split('-').map(Number);
  return l(`${MONTHS_ES[month - 1]} ${year}`, `${MONTHS_EN[month - 1]} ${year}`);
};

const dimensions = (codes: readonly string[], labels: Record<string, Label>): Dimension[] =>
  codes.map((key) => ({ key, label: labels[key] ?? l(key, key) }));

export const SEX_ROWS = dimensions(SEXES, SEX_LABELS);
export const AGE_COLUMNS: Dimension[] = AGE_GROUPS.map((key) => ({
  key,
  label: key === UNKNOWN_KEY ? UNKNOWN_LABEL : l(`${key} años`, `${key} years`),
}));
export const PURPOSE_ROWS = dimensions([...EXPLOITATION_PURPOSES, UNKNOWN_KEY], PURPOSE_LABELS);
export const DESTINATION_ROWS = dimensions(REFERRAL_DESTINATIONS, DESTINATION_LABELS);
export const SOURCE_ROWS = dimensions(CASE_SOURCES, SOURCE_LABELS);

/** Names from the INEI and ISO catalogs: what turns codes into rows people can read. */
export interface ReportCatalogs {
  ubigeo: UbigeoCatalog;
  countries: CountryCatalog;
}

/** Every department of Peru, in code order, then "Sin información": the rows of a table by department. */
export function departmentRows(catalogs: ReportCatalogs, only?: string | null): Dimension[] {
  const codes = only ? [only] : [...catalogs.ubigeo.departmentCodes(), UNKNOWN_KEY];
  return codes.map((key) => {
    if (key === UNKNOWN_KEY) return { key, label: UNKNOWN_LABEL };
    const name = catalogs.ubigeo.departmentName(key) ?? key;
    return { key, label: l(name, name) };
  });
}

/** Nationalities present, in code order with "Sin información" last. */
export function nationalityRows(catalogs: ReportCatalogs, codes: readonly string[]): Dimension[] {
  const known = codes.filter((c) => c !== UNKNOWN_KEY).sort();
  const rows = known.map((key) => ({ key, label: l(catalogs.countries.nameEs(key) ?? key, catalogs.countries.nameEn(key) ?? key) }));
  return codes.includes(UNKNOWN_KEY) ? [...rows, { key: UNKNOWN_KEY, label: UNKNOWN_LABEL }] : rows;
}
