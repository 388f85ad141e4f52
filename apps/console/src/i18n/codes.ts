import type { components, paths } from '../api/schema.js';
import type { Dictionary } from './i18n.js';

/**
 * The one set of labels for the API's wire codes (DESIGN.md, "Codes used on the wire"). Every code type is taken from
 * the generated schema, and every family is a `Record<Code, string>` in both languages: a code the API adds is a
 * compile error here until it has its words, and a code it drops is one too. The API sends codes; the words are the
 * console's. Each family's key order is the order the screens offer the codes in (the most frequent first).
 */
type Schemas = components['schemas'];
type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type CaseView = Json<'/api/v1/cases/{caseId}', 'get'>;
type ReferralView = Json<'/api/v1/referrals/{referralId}', 'get'>;

export type Purpose = Schemas['RegisterCaseDto']['purposes'][number];
export type Sex = Schemas['VictimDto']['sex'];
export type AgeGroup = CaseView['victims'][number]['ageGroup'];
export type CaseSource = Schemas['RegisterCaseDto']['source'];
export type CaseStatus = Schemas['CaseListItemDto']['status'];
export type DocumentType = Schemas['CaseSearchDto']['documentType'];
export type Destination = Schemas['SendReferralDto']['to'];
export type SourceKind = ReferralView['source']['kind'];
export type Channel = Schemas['RecordHotlineCallDto']['channel'];
export type CallLanguage = Schemas['RecordHotlineCallDto']['language'];
export type Topic = Schemas['RecordHotlineCallDto']['topic'];
export type Outcome = Schemas['CloseHotlineCallDto']['outcome'];
export type CallStatus = Schemas['HotlineCallListItemDto']['status'];
export type ProsecutionStatus = Json<'/api/v1/prosecutions/{prosecutionId}', 'get'>['status'];
export type Stage = paths['/api/v1/prosecutions/{prosecutionId}/{stage}']['post']['parameters']['path']['stage'];
export type TrialStatus = Json<'/api/v1/trials/{trialId}', 'get'>['status'];
export type Verdict = Schemas['RulingDto']['verdict'];
export type AuditAction = Json<'/api/v1/audit', 'get'>['entries'][number]['action'];
export type Role = Json<'/api/v1/me', 'get'>['role'];

export interface CodeLabels {
  purposes: Record<Purpose, string>;
  sexes: Record<Sex, string>;
  ageGroups: Record<AgeGroup, string>;
  sources: Record<CaseSource, string>;
  caseStatuses: Record<CaseStatus, string>;
  documentTypes: Record<DocumentType, string>;
  destinations: Record<Destination, string>;
  sourceKinds: Record<SourceKind, string>;
  channels: Record<Channel, string>;
  languages: Record<CallLanguage, string>;
  topics: Record<Topic, string>;
  outcomes: Record<Outcome, string>;
  callStatuses: Record<CallStatus, string>;
  prosecutionStatuses: Record<ProsecutionStatus, string>;
  stages: Record<Stage, string>;
  trialStatuses: Record<TrialStatus, string>;
  verdicts: Record<Verdict, string>;
  auditActions: Record<AuditAction, string>;
  roles: Record<Role, string>;
  /**
   * The institution of a timeline milestone. The schema types it as a plain string, so this family cannot be
   * checked against an enum: an institution without a label is shown as its code.
   */
  institutions: Record<string, string>;
}

/** Each code's words side by side, Spanish then English; `codeLabels` is built from them, one dictionary per language. */
const LABELS: { [F in keyof CodeLabels]: Record<keyof CodeLabels[F] & string, { es: string; en: string }> } = {
  purposes: {
    sexual_exploitation: { es: 'Explotación sexual', en: 'Sexual exploitation' },
    labour_exploitation: { es: 'Explotación laboral', en: 'Labour exploitation' },
    forced_labour: { es: 'Trabajo forzoso', en: 'Forced labour' },
    servitude: { es: 'Servidumbre o esclavitud', en: 'Servitude or slavery' },
    begging: { es: 'Mendicidad', en: 'Begging' },
    sale_of_children: { es: 'Venta de niñas, niños o adolescentes', en: 'Sale of children' },
    organ_trafficking: { es: 'Tráfico de órganos o tejidos', en: 'Organ or tissue trafficking' },
    other: { es: 'Otra finalidad', en: 'Other purpose' },
  },
  sexes: {
    female: { es: 'Mujer', en: 'Female' },
    male: { es: 'Hombre', en: 'Male' },
    other: { es: 'Otro', en: 'Other' },
    unknown: { es: 'Sin información', en: 'Unknown' },
  },
  ageGroups: {
    // The ranges read the same in both languages.
    '0-11': { es: '0-11', en: '0-11' },
    '12-17': { es: '12-17', en: '12-17' },
    '18-24': { es: '18-24', en: '18-24' },
    '25-29': { es: '25-29', en: '25-29' },
    '30-44': { es: '30-44', en: '30-44' },
    '45-59': { es: '45-59', en: '45-59' },
    '60+': { es: '60+', en: '60+' },
    unknown: { es: 'Edad sin información', en: 'Age unknown' },
  },
  sources: {
    hotline_referral: { es: 'Derivación de la línea 0800', en: 'Hotline referral' },
    walk_in: { es: 'Denuncia presencial', en: 'Walk-in denunciation' },
    police_operation: { es: 'Operativo policial', en: 'Police operation' },
    other_institution: { es: 'Otra institución', en: 'Other institution' },
    ex_officio: { es: 'De oficio', en: 'Ex officio' },
  },
  caseStatuses: {
    open: { es: 'Abierto', en: 'Open' },
    referred: { es: 'Remitido a la fiscalía', en: 'Sent to the prosecutor' },
    closed: { es: 'Cerrado', en: 'Closed' },
  },
  documentTypes: {
    DNI: { es: 'DNI', en: 'DNI (national ID)' },
    CE: { es: 'Carné de extranjería', en: 'Foreigner ID card' },
    PASSPORT: { es: 'Pasaporte', en: 'Passport' },
    OTHER: { es: 'Otro documento', en: 'Other document' },
  },
  destinations: {
    PNP: { es: 'Policía Nacional (PNP)', en: 'National Police (PNP)' },
    MINISTERIO_PUBLICO: { es: 'Ministerio Público', en: 'Public Prosecutor' },
    MIMP: { es: 'MIMP', en: 'MIMP' },
    DEMUNA: { es: 'DEMUNA', en: 'DEMUNA' },
    SHELTER: { es: 'Albergue / CAR', en: 'Shelter' },
    OTHER: { es: 'Otra institución', en: 'Other institution' },
  },
  sourceKinds: {
    hotline_call: { es: 'Llamada a la línea 0800', en: 'Hotline call' },
    case: { es: 'Caso policial', en: 'Police case' },
    victim: { es: 'Víctima de un caso', en: 'Victim of a case' },
  },
  channels: {
    phone: { es: 'Teléfono', en: 'Phone' },
    whatsapp: { es: 'WhatsApp', en: 'WhatsApp' },
    web: { es: 'Web', en: 'Web' },
    email: { es: 'Correo', en: 'Email' },
    in_person: { es: 'Presencial', en: 'In person' },
  },
  languages: {
    es: { es: 'Castellano', en: 'Spanish' },
    qu: { es: 'Quechua', en: 'Quechua' },
    ay: { es: 'Aimara', en: 'Aymara' },
    other: { es: 'Otro', en: 'Other' },
  },
  topics: {
    trafficking: { es: 'Trata de personas', en: 'Human trafficking' },
    migrant_smuggling: { es: 'Tráfico de migrantes', en: 'Migrant smuggling' },
    missing_person: { es: 'Persona desaparecida', en: 'Missing person' },
    labour_complaint: { es: 'Denuncia laboral', en: 'Labour complaint' },
    information: { es: 'Información', en: 'Information' },
    other: { es: 'Otro', en: 'Other' },
  },
  outcomes: {
    information_provided: { es: 'Se brindó información', en: 'Information provided' },
    referred: { es: 'Derivada', en: 'Referred' },
    no_action_required: { es: 'No requiere acción', en: 'No action required' },
    dropped: { es: 'Se cortó', en: 'Dropped' },
    duplicate: { es: 'Duplicada', en: 'Duplicate' },
    other: { es: 'Otro', en: 'Other' },
  },
  callStatuses: {
    open: { es: 'Abierta', en: 'Open' },
    closed: { es: 'Cerrada', en: 'Closed' },
  },
  prosecutionStatuses: {
    opened: { es: 'Ingresada a la fiscalía', en: 'Received by the prosecutor' },
    preliminary: { es: 'En investigación preliminar', en: 'Preliminary investigation' },
    archived: { es: 'Archivada', en: 'Archived' },
    formalized: { es: 'Investigación formalizada', en: 'Investigation formalized' },
    accused: { es: 'Acusación presentada', en: 'Accusation filed' },
    dismissed: { es: 'Sobreseída', en: 'Dismissed' },
  },
  stages: {
    'preliminary-investigation': { es: 'Investigación preliminar', en: 'Preliminary investigation' },
    formalization: { es: 'Formalización de la investigación', en: 'Formalization of the investigation' },
    accusation: { es: 'Acusación', en: 'Accusation' },
    archive: { es: 'Archivo', en: 'Archive' },
    dismissal: { es: 'Sobreseimiento', en: 'Dismissal' },
  },
  trialStatuses: {
    opened: { es: 'En juicio', en: 'On trial' },
    ruled: { es: 'Con sentencia', en: 'Ruled' },
    appealed: { es: 'Sentencia apelada', en: 'Ruling appealed' },
    final: { es: 'Sentencia firme', en: 'Final ruling' },
  },
  verdicts: {
    conviction: { es: 'Condena', en: 'Conviction' },
    acquittal: { es: 'Absolución', en: 'Acquittal' },
  },
  auditActions: {
    read_personal_data: { es: 'Lectura de datos personales', en: 'Personal data read' },
    read_record: { es: 'Consulta de un registro (sin datos personales)', en: 'Record read (no personal fields)' },
    search_personal_data: { es: 'Búsqueda por documento', en: 'Search by document' },
    erasure_request: { es: 'Solicitud de borrado de datos personales', en: 'Personal data erasure requested' },
    erasure: { es: 'Borrado de datos personales', en: 'Personal data erased' },
  },
  roles: {
    operator: { es: 'Operador(a) de la línea 0800-2-3232', en: 'Hotline operator' },
    police: { es: 'Policía', en: 'Police' },
    prosecutor: { es: 'Fiscalía', en: 'Prosecutor' },
    judiciary: { es: 'Poder Judicial', en: 'Judiciary' },
    protection: { es: 'Servicios de protección', en: 'Protection services' },
    analyst: { es: 'Analista', en: 'Analyst' },
    auditor: { es: 'Auditor(a)', en: 'Auditor' },
    admin: { es: 'Administración', en: 'Administrator' },
  },
  institutions: {
    LINEA_0800: { es: 'Línea 0800-2-3232', en: 'Hotline 0800-2-3232' },
    PNP: { es: 'Policía Nacional', en: 'National Police' },
    MINISTERIO_PUBLICO: { es: 'Ministerio Público', en: 'Public Prosecutor' },
    PODER_JUDICIAL: { es: 'Poder Judicial', en: 'Judiciary' },
    MIMP: { es: 'MIMP', en: 'MIMP' },
    DEMUNA: { es: 'DEMUNA', en: 'DEMUNA' },
    SHELTER: { es: 'Albergue', en: 'Shelter' },
    OTHER: { es: 'Otra institución', en: 'Other institution' },
  },
};

function inLanguage(language: 'es' | 'en'): CodeLabels {
  const families = Object.entries(LABELS).map(([family, codes]) => [
    family,
    Object.fromEntries(Object.entries(codes).map(([code, words]) => [code, words[language]])),
  ]);
  return Object.fromEntries(families) as CodeLabels;
}

export const codeLabels: Dictionary<CodeLabels> = { es: inLanguage('es'), en: inLanguage('en') };

/** Every code of a family, in the order the screens offer them (the key order of its Spanish labels). */
function codesOf<K extends keyof CodeLabels>(family: K): Array<keyof CodeLabels[K] & string> {
  return Object.keys(codeLabels.es[family]) as Array<keyof CodeLabels[K] & string>;
}

export const PURPOSES: readonly Purpose[] = codesOf('purposes');
export const SEXES: readonly Sex[] = codesOf('sexes');
export const CASE_SOURCES: readonly CaseSource[] = codesOf('sources');
export const CASE_STATUSES: readonly CaseStatus[] = codesOf('caseStatuses');
export const DOCUMENT_TYPES: readonly DocumentType[] = codesOf('documentTypes');
export const DESTINATIONS: readonly Destination[] = codesOf('destinations');
/** Where a victim of a case is referred to: the protection services, not the police or the prosecutor. */
export const VICTIM_DESTINATIONS: readonly Destination[] = ['MIMP', 'SHELTER', 'DEMUNA', 'OTHER'];
export const CHANNELS: readonly Channel[] = codesOf('channels');
export const LANGUAGES: readonly CallLanguage[] = codesOf('languages');
export const TOPICS: readonly Topic[] = codesOf('topics');
export const OUTCOMES: readonly Outcome[] = codesOf('outcomes');
export const AUDIT_ACTIONS: readonly AuditAction[] = codesOf('auditActions');

/** A code's label, or the code itself when the family has none (never hidden); '' for no code. */
export function label(labels: Record<string, string>, code: string | null | undefined): string {
  return code ? (labels[code] ?? code) : '';
}

/** `[{value, label}]` for a Select or a radio group, in the order of the codes; the value keeps the code's type. */
export function options<T extends string>(codes: readonly T[], labels: Record<T, string>): Array<{ value: T; label: string }> {
  return codes.map((code) => ({ value: code, label: labels[code] }));
}
