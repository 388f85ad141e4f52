import type { Dictionary } from '../../../i18n/i18n.js';

/**
 * Display labels of the wire codes a case uses (DESIGN.md, "Codes used on the wire"). The codes themselves are the
 * API's; only their labels live here. Shared by the registration form, the case search and the referral queue.
 */
export const PURPOSES = ['sexual_exploitation', 'labour_exploitation', 'forced_labour', 'servitude', 'begging', 'sale_of_children', 'organ_trafficking', 'other'] as const;
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const CASE_SOURCES = ['hotline_referral', 'walk_in', 'police_operation', 'other_institution', 'ex_officio'] as const;
export const DOCUMENT_TYPES = ['DNI', 'CE', 'PASSPORT', 'OTHER'] as const;
export const CASE_STATUSES = ['open', 'referred', 'closed'] as const;
export const DESTINATIONS = ['PNP', 'MINISTERIO_PUBLICO', 'MIMP', 'DEMUNA', 'SHELTER', 'OTHER'] as const;

interface CodeLabels {
  purposes: Record<string, string>;
  sexes: Record<string, string>;
  sources: Record<string, string>;
  documentTypes: Record<string, string>;
  statuses: Record<string, string>;
  destinations: Record<string, string>;
  sourceKinds: Record<string, string>;
}

export const codeLabels: Dictionary<CodeLabels> = {
  es: {
    purposes: {
      sexual_exploitation: 'Explotación sexual', labour_exploitation: 'Explotación laboral', forced_labour: 'Trabajo forzoso',
      servitude: 'Servidumbre o esclavitud', begging: 'Mendicidad', sale_of_children: 'Venta de niñas, niños o adolescentes',
      organ_trafficking: 'Tráfico de órganos o tejidos', other: 'Otra finalidad',
    },
    sexes: { female: 'Mujer', male: 'Hombre', other: 'Otro', unknown: 'Sin información' },
    sources: {
      hotline_referral: 'Derivación de la línea 0800', walk_in: 'Denuncia presencial', police_operation: 'Operativo policial',
      other_institution: 'Otra institución', ex_officio: 'De oficio',
    },
    documentTypes: { DNI: 'DNI', CE: 'Carné de extranjería', PASSPORT: 'Pasaporte', OTHER: 'Otro documento' },
    statuses: { open: 'Abierto', referred: 'Enviado a fiscalía', closed: 'Cerrado' },
    destinations: {
      PNP: 'Policía Nacional (PNP)', MINISTERIO_PUBLICO: 'Ministerio Público', MIMP: 'MIMP', DEMUNA: 'DEMUNA', SHELTER: 'Albergue', OTHER: 'Otra institución',
    },
    sourceKinds: { hotline_call: 'Llamada a la línea 0800', case: 'Caso policial', victim: 'Víctima de un caso' },
  },
  en: {
    purposes: {
      sexual_exploitation: 'Sexual exploitation', labour_exploitation: 'Labour exploitation', forced_labour: 'Forced labour',
      servitude: 'Servitude or slavery', begging: 'Begging', sale_of_children: 'Sale of children',
      organ_trafficking: 'Organ or tissue trafficking', other: 'Other purpose',
    },
    sexes: { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' },
    sources: {
      hotline_referral: 'Hotline referral', walk_in: 'Walk-in denunciation', police_operation: 'Police operation',
      other_institution: 'Other institution', ex_officio: 'Ex officio',
    },
    documentTypes: { DNI: 'DNI (national ID)', CE: 'Foreigner ID card', PASSPORT: 'Passport', OTHER: 'Other document' },
    statuses: { open: 'Open', referred: 'Sent to prosecutor', closed: 'Closed' },
    destinations: {
      PNP: 'National Police (PNP)', MINISTERIO_PUBLICO: 'Public Prosecutor', MIMP: 'MIMP', DEMUNA: 'DEMUNA', SHELTER: 'Shelter', OTHER: 'Other institution',
    },
    sourceKinds: { hotline_call: 'Hotline call', case: 'Police case', victim: 'Victim of a case' },
  },
};

/** `[{value, label}]` for a Select, in the order of the codes. */
export function options(codes: readonly string[], labels: Record<string, string>): Array<{ value: string; label: string }> {
  return codes.map((code) => ({ value: code, label: labels[code] ?? code }));
}
