import type { Dictionary } from '../../../i18n/i18n.js';

/**
 * Labels of the wire codes a case shows (DESIGN.md, "Codes used on the wire"). The API sends codes; the Spanish and
 * English words are the console's. A code without a label is shown as sent, never hidden.
 */
type Labels = Record<string, string>;

interface CodeLabels {
  purposes: Labels;
  sex: Labels;
  ageGroups: Labels;
  sources: Labels;
  caseStatus: Labels;
  institutions: Labels;
  milestones: Labels;
  destinations: Labels;
  documentTypes: Labels;
}

export const codes: Dictionary<CodeLabels> = {
  es: {
    purposes: {
      sexual_exploitation: 'Explotación sexual', labour_exploitation: 'Explotación laboral', forced_labour: 'Trabajo forzoso',
      servitude: 'Servidumbre o esclavitud', begging: 'Mendicidad', sale_of_children: 'Venta de niños',
      organ_trafficking: 'Tráfico de órganos o tejidos', other: 'Otra finalidad',
    },
    sex: { female: 'Mujer', male: 'Hombre', other: 'Otro', unknown: 'Sin información' },
    ageGroups: { unknown: 'Edad sin información' },
    sources: {
      hotline_referral: 'Derivación de la línea 0800', walk_in: 'Denuncia directa', police_operation: 'Operativo policial',
      other_institution: 'Otra institución', ex_officio: 'De oficio',
    },
    caseStatus: { open: 'Abierto', referred: 'Remitido a la fiscalía', closed: 'Cerrado' },
    institutions: {
      LINEA_0800: 'Línea 0800-2-3232', PNP: 'Policía Nacional', MINISTERIO_PUBLICO: 'Ministerio Público',
      PODER_JUDICIAL: 'Poder Judicial', MIMP: 'MIMP', DEMUNA: 'DEMUNA', SHELTER: 'Albergue', OTHER: 'Otra institución',
    },
    milestones: {},
    destinations: {
      MIMP: 'MIMP (servicios de protección)', SHELTER: 'Albergue', DEMUNA: 'DEMUNA', MINISTERIO_PUBLICO: 'Ministerio Público',
      PNP: 'Policía Nacional', OTHER: 'Otra institución',
    },
    documentTypes: { DNI: 'DNI', CE: 'Carné de extranjería', PASSPORT: 'Pasaporte', OTHER: 'Otro documento' },
  },
  en: {
    purposes: {
      sexual_exploitation: 'Sexual exploitation', labour_exploitation: 'Labour exploitation', forced_labour: 'Forced labour',
      servitude: 'Servitude or slavery', begging: 'Begging', sale_of_children: 'Sale of children',
      organ_trafficking: 'Organ or tissue trafficking', other: 'Other purpose',
    },
    sex: { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' },
    ageGroups: { unknown: 'Age unknown' },
    sources: {
      hotline_referral: 'Hotline referral', walk_in: 'Walk-in denunciation', police_operation: 'Police operation',
      other_institution: 'Other institution', ex_officio: 'Ex officio',
    },
    caseStatus: { open: 'Open', referred: 'Sent to the prosecutor', closed: 'Closed' },
    institutions: {
      LINEA_0800: 'Hotline 0800-2-3232', PNP: 'National Police', MINISTERIO_PUBLICO: 'Public Prosecutor',
      PODER_JUDICIAL: 'Judiciary', MIMP: 'MIMP', DEMUNA: 'DEMUNA', SHELTER: 'Shelter', OTHER: 'Other institution',
    },
    // The API labels milestones in Spanish only; English by event type.
    milestones: {
      HotlineCallReceived: 'Call received', HotlineCallClosed: 'Call closed', ReferralSent: 'Referral sent',
      ReferralAccepted: 'Referral accepted', ReferralRejected: 'Referral rejected', ReferralCompleted: 'Referral completed',
      ReferralRevoked: 'Referral revoked', CaseRegistered: 'Denunciation registered', OperationConducted: 'Operation',
      CaseReferredToProsecutor: 'Case sent to the prosecutor', CaseClosed: 'Case closed', ProsecutionOpened: 'Received by the prosecutor',
      PreliminaryInvestigationOpened: 'Preliminary investigation', ProsecutionArchived: 'Archived',
      InvestigationFormalized: 'Investigation formalized', AccusationFiled: 'Accusation', ProsecutionDismissed: 'Dismissal',
      TrialOpened: 'Trial opened', RulingIssued: 'Ruling', RulingAppealed: 'Appeal', RulingBecameFinal: 'Final ruling',
    },
    destinations: {
      MIMP: 'MIMP (protection services)', SHELTER: 'Shelter', DEMUNA: 'DEMUNA', MINISTERIO_PUBLICO: 'Public Prosecutor',
      PNP: 'National Police', OTHER: 'Other institution',
    },
    documentTypes: { DNI: 'DNI', CE: 'Foreigner ID card', PASSPORT: 'Passport', OTHER: 'Other document' },
  },
};

export const label = (labels: Labels, code: string | null | undefined): string => (code ? labels[code] ?? code : '');
export const PURPOSES = Object.keys(codes.es.purposes);
export const SEXES = Object.keys(codes.es.sex);
export const DOCUMENT_TYPES = Object.keys(codes.es.documentTypes);
export const VICTIM_DESTINATIONS = ['MIMP', 'SHELTER', 'DEMUNA', 'OTHER'];
