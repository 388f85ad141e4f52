/** Test data for the police-case specs: one case registered 80 minutes before the registry handles commands. */
import { CountryCatalog } from '../reference/countries.js';
import { UbigeoCatalog } from '../reference/ubigeo.js';
import type { CommandMetadata } from '../shared/decider.js';
import type {
  AddSuspects,
  AddVictims,
  AssignRegistryNumber,
  CaseSuspectInput,
  CaseVictimInput,
  CloseCase,
  CorrectCaseFacts,
  CorrectVictim,
  MarkSameFacts,
  RecordExternalReferences,
  RecordOperation,
  ReferToProsecutor,
  RegisterCase,
  ReopenCase,
  VoidSuspect,
  VoidVictim,
} from './police-case.commands.js';
import { createPoliceCaseDecider } from './police-case.decider.js';
import type {
  CaseClosed,
  CaseFactCorrections,
  CaseFactsCorrected,
  CaseMarkedSameFacts,
  CaseReferredToProsecutor,
  CaseRegistered,
  CaseReopened,
  CaseSuspect,
  CaseVictim,
  ExternalReferencesRecorded,
  OperationConducted,
  RegistryNumberAssigned,
  SuspectIdentified,
  SuspectVoided,
  VictimCorrected,
  VictimIdentified,
  VictimVoided,
} from './police-case.events.js';

export const NOW = '2026-03-01T15:20:00.000Z';
export const metadata: CommandMetadata = { now: NOW, actor: 'officer-12' };
export const CASE_ID = '3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
export const OTHER_CASE_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
export const REFERRAL_ID = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
export const VICTIM_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
export const VICTIM_ID_2 = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e';
export const SUSPECT_ID = 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f';
export const SUSPECT_ID_2 = 'd4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f8a';
export const OPERATION_ID = 'e5f6a7b8-c9d0-4e1f-8a2b-4c5d6e7f8a9b';
export const PROSECUTION_ID = 'f6a7b8c9-d0e1-4f2a-9b3c-5d6e7f8a9b0c';

export const ubigeo = new UbigeoCatalog([
  { ubigeo: '150101', departamento: 'Lima', provincia: 'Lima', distrito: 'Lima' },
  { ubigeo: '170101', departamento: 'Madre de Dios', provincia: 'Tambopata', distrito: 'Tambopata' },
]);
export const countries = new CountryCatalog([
  { alpha2: 'PE', alpha3: 'PER', numeric: '604', name_es: 'Perú', name_en: 'Peru' },
  { alpha2: 'VE', alpha3: 'VEN', numeric: '862', name_es: 'Venezuela', name_en: 'Venezuela' },
  { alpha2: 'CO', alpha3: 'COL', numeric: '170', name_es: 'Colombia', name_en: 'Colombia' },
]);
export const decider = createPoliceCaseDecider({ ubigeo, countries });

/** Lets a spec send what a careless client could send, bypassing the command's static types. */
export const wire = (value: unknown): never => value as never;
/** Loose values, except for the codes (`Codes`): the edge parses those, so a spec cannot send an unknown one. */
type Loose<T, Codes extends keyof T = never> = Partial<Record<Exclude<keyof T, Codes>, unknown>> & Partial<Pick<T, Codes>>;

export const victimInput = (data: Loose<CaseVictimInput, 'sex' | 'documentType'> = {}): CaseVictimInput =>
  wire({
    victimId: VICTIM_ID,
    sex: 'female',
    age: 16,
    nationality: 'VE',
    fullName: 'María Pérez',
    documentType: 'CE',
    documentNumber: '001234567',
    phone: '+51 987 654 321',
    address: 'Jr. Los Olivos 123, Tambopata',
    ...data,
  });

export const victim: CaseVictim = {
  victimId: VICTIM_ID,
  sex: 'female',
  age: 16,
  ageGroup: '12-17',
  minor: true,
  nationality: 'VE',
  personal: {
    fullName: 'María Pérez',
    documentType: 'CE',
    documentNumber: '001234567',
    phone: '+51 987 654 321',
    address: 'Jr. Los Olivos 123, Tambopata',
  },
};

export const suspectInput = (data: Loose<CaseSuspectInput, 'sex'> = {}): CaseSuspectInput =>
  wire({ suspectId: SUSPECT_ID, sex: 'male', age: 41, nationality: 'PE', role: 'captador', ...data });

export const suspect: CaseSuspect = { suspectId: SUSPECT_ID, sex: 'male', age: 41, nationality: 'PE', role: 'captador' };

export const register = (data: Loose<RegisterCase['data'], 'source'> = {}): RegisterCase => ({
  type: 'RegisterCase',
  data: wire({
    caseId: CASE_ID,
    registeredAt: '2026-03-01T09:00:00-05:00',
    occurredAt: '2026-02-20T22:00:00-05:00',
    policeUnit: 'DIRCTPTIM Madre de Dios',
    ubigeo: '170101',
    source: 'hotline_referral',
    referralId: REFERRAL_ID,
    purposes: ['sexual_exploitation'],
    victims: [victimInput()],
    suspects: [suspectInput()],
    ...data,
  }),
  metadata,
});

export const registered: CaseRegistered = {
  type: 'CaseRegistered',
  data: {
    caseId: CASE_ID,
    registeredAt: '2026-03-01T14:00:00.000Z',
    occurredAt: '2026-02-21T03:00:00.000Z',
    policeUnit: 'DIRCTPTIM Madre de Dios',
    ubigeo: '170101',
    source: 'hotline_referral',
    referralId: REFERRAL_ID,
    purposes: ['sexual_exploitation'],
    offences: [],
    aggravatingCircumstances: [],
    places: { recruitment: null, transit: [], exploitation: null },
    recruitment: [],
    control: [],
    labourSectors: [],
    sexualExploitation: [],
    references: {},
  },
};

export const victimIdentified = (data: Partial<CaseVictim> = {}): VictimIdentified => ({
  type: 'VictimIdentified',
  data: { caseId: CASE_ID, ...victim, ...data },
});

export const suspectIdentified = (data: Partial<CaseSuspect> = {}): SuspectIdentified => ({
  type: 'SuspectIdentified',
  data: { caseId: CASE_ID, ...suspect, ...data },
});

export const addVictims = (victims: unknown, caseId: string = CASE_ID): AddVictims => ({
  type: 'AddVictims',
  data: { caseId, victims: wire(victims) },
  metadata,
});

export const addSuspects = (suspects: unknown, caseId: string = CASE_ID): AddSuspects => ({
  type: 'AddSuspects',
  data: { caseId, suspects: wire(suspects) },
  metadata,
});

export const recordOperation = (data: Loose<RecordOperation['data']> = {}): RecordOperation => ({
  type: 'RecordOperation',
  data: wire({ caseId: CASE_ID, operationId: OPERATION_ID, conductedAt: '2026-03-01T10:00:00-05:00', rescued: 3, detained: 2, ...data }),
  metadata,
});

export const operationConducted: OperationConducted = {
  type: 'OperationConducted',
  data: { caseId: CASE_ID, operationId: OPERATION_ID, conductedAt: '2026-03-01T15:00:00.000Z', rescued: 3, detained: 2 },
};

export const refer = (data: Loose<ReferToProsecutor['data']> = {}): ReferToProsecutor => ({
  type: 'ReferToProsecutor',
  data: wire({
    caseId: CASE_ID,
    referredAt: '2026-03-01T10:10:00-05:00',
    office: 'FISTRAP Madre de Dios',
    prosecutionId: PROSECUTION_ID,
    ...data,
  }),
  metadata,
});

export const referred: CaseReferredToProsecutor = {
  type: 'CaseReferredToProsecutor',
  data: {
    caseId: CASE_ID,
    referredAt: '2026-03-01T15:10:00.000Z',
    office: 'FISTRAP Madre de Dios',
    prosecutionId: PROSECUTION_ID,
  },
};

export const close = (data: Loose<CloseCase['data']> = {}): CloseCase => ({
  type: 'CloseCase',
  data: wire({ caseId: CASE_ID, closedAt: '2026-03-01T10:15:00-05:00', reason: 'Remitida y concluida en sede policial', ...data }),
  metadata,
});

export const closed: CaseClosed = {
  type: 'CaseClosed',
  data: { caseId: CASE_ID, closedAt: '2026-03-01T15:15:00.000Z', reason: 'Remitida y concluida en sede policial' },
};

/** What registering the default command produces. */
export const registeredWithPeople = [registered, victimIdentified(), suspectIdentified()];

export const REASON = 'Error de digitación en el registro';

export const correctFacts = (changes: unknown, data: Loose<CorrectCaseFacts['data']> = {}): CorrectCaseFacts => ({
  type: 'CorrectCaseFacts',
  data: wire({ caseId: CASE_ID, changes, reason: REASON, ...data }),
  metadata,
});

export const factsCorrected = (changes: CaseFactCorrections): CaseFactsCorrected => ({
  type: 'CaseFactsCorrected',
  data: { caseId: CASE_ID, changes, reason: REASON },
});

export const correctVictim = (changes: unknown, data: Loose<CorrectVictim['data']> = {}): CorrectVictim => ({
  type: 'CorrectVictim',
  data: wire({ caseId: CASE_ID, victimId: VICTIM_ID, changes, reason: REASON, ...data }),
  metadata,
});

export const victimCorrected = (changes: VictimCorrected['data']['changes'], victimId: string = VICTIM_ID): VictimCorrected => ({
  type: 'VictimCorrected',
  data: { caseId: CASE_ID, victimId, changes, reason: REASON },
});

export const voidVictim = (data: Loose<VoidVictim['data']> = {}): VoidVictim => ({
  type: 'VoidVictim',
  data: wire({ caseId: CASE_ID, victimId: VICTIM_ID, reason: 'Registrada por error', ...data }),
  metadata,
});

export const victimVoided: VictimVoided = {
  type: 'VictimVoided',
  data: { caseId: CASE_ID, victimId: VICTIM_ID, reason: 'Registrada por error' },
};

export const voidSuspect = (data: Loose<VoidSuspect['data']> = {}): VoidSuspect => ({
  type: 'VoidSuspect',
  data: wire({ caseId: CASE_ID, suspectId: SUSPECT_ID, reason: 'Registrado por error', ...data }),
  metadata,
});

export const suspectVoided: SuspectVoided = {
  type: 'SuspectVoided',
  data: { caseId: CASE_ID, suspectId: SUSPECT_ID, reason: 'Registrado por error' },
};

export const reopen = (data: Loose<ReopenCase['data']> = {}): ReopenCase => ({
  type: 'ReopenCase',
  data: wire({ caseId: CASE_ID, reopenedAt: '2026-03-01T10:18:00-05:00', reason: 'Nuevos hechos denunciados', ...data }),
  metadata,
});

export const reopened: CaseReopened = {
  type: 'CaseReopened',
  data: { caseId: CASE_ID, reopenedAt: '2026-03-01T15:18:00.000Z', reason: 'Nuevos hechos denunciados' },
};

export const markSameFacts = (data: Loose<MarkSameFacts['data']> = {}): MarkSameFacts => ({
  type: 'MarkSameFacts',
  data: wire({ caseId: CASE_ID, sameAsCaseId: OTHER_CASE_ID, reason: 'Misma denuncia registrada por dos unidades', ...data }),
  metadata,
});

export const markedSameFacts: CaseMarkedSameFacts = {
  type: 'CaseMarkedSameFacts',
  data: { caseId: CASE_ID, sameAsCaseId: OTHER_CASE_ID, reason: 'Misma denuncia registrada por dos unidades' },
};

export const recordReferences = (references: unknown, caseId: string = CASE_ID): RecordExternalReferences => ({
  type: 'RecordExternalReferences',
  data: wire({ caseId, references }),
  metadata,
});

export const referencesRecorded = (references: ExternalReferencesRecorded['data']['references']): ExternalReferencesRecorded => ({
  type: 'ExternalReferencesRecorded',
  data: { caseId: CASE_ID, references },
});

export const REGISTRY_NUMBER = '17-2026-000042';

export const assignNumber = (registryNumber: unknown = REGISTRY_NUMBER, caseId: string = CASE_ID): AssignRegistryNumber => ({
  type: 'AssignRegistryNumber',
  data: wire({ caseId, registryNumber }),
  metadata,
});

export const numberAssigned: RegistryNumberAssigned = {
  type: 'RegistryNumberAssigned',
  data: { caseId: CASE_ID, registryNumber: REGISTRY_NUMBER },
};
