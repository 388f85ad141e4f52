import type { components, paths } from '../../../api/schema.js';
import type { CaseSource, DocumentType, Purpose, Sex } from '../../../i18n/codes.js';
import { fromLimaLocal, toLimaLocal } from '../../../shared/format.js';
import { newId } from '../../../shared/ids.js';
import { newQualificationDraft, toQualification, type QualificationDraft } from '../catalog/qualification.js';

type Schemas = components['schemas'];
export type RegisterCaseBody = Schemas['RegisterCaseDto'];

/** What POST /api/v1/cases answers: the case's id, version and position, and the ids of its victims and suspects. */
export type CaseRegistered = paths['/api/v1/cases']['post']['responses'][201]['content']['application/json'];

/** The registry number the API assigned (`08-2025-000123`), the number an operator reads out on the phone. */
export function registryNumberOf(answer: CaseRegistered | object): string | null {
  return 'registryNumber' in answer && typeof answer.registryNumber === 'string' ? answer.registryNumber : null;
}

export interface ReferencesDraft {
  policeReport: string;
  prosecutorFile: string;
  courtFile: string;
}

export const newReferences = (): ReferencesDraft => ({ policeReport: '', prosecutorFile: '', courtFile: '' });

export interface VictimDraft {
  victimId: string;
  sex: Sex;
  age: string;
  nationality: string;
  fullName: string;
  documentType: DocumentType | null;
  documentNumber: string;
  phone: string;
  address: string;
}

export interface SuspectDraft {
  suspectId: string;
  sex: Sex;
  age: string;
  nationality: string;
  role: string;
}

/**
 * The form as typed. Its ids (case, victims, suspects) are made once, when the draft is created, and kept with it:
 * sending the same draft again after a lost answer is the same command, which the API never doubles.
 */
export interface CaseDraft {
  caseId: string;
  registeredAt: string;
  occurredAt: string;
  policeUnit: string;
  ubigeo: string | null;
  source: CaseSource | null;
  referralId: string | null;
  purposes: Purpose[];
  /** Absent in a draft kept from before the qualification existed: read through `qualificationOf`. */
  qualification?: QualificationDraft;
  references?: ReferencesDraft;
  victims: VictimDraft[];
  suspects: SuspectDraft[];
}

export const qualificationOf = (draft: CaseDraft): QualificationDraft => draft.qualification ?? newQualificationDraft();
export const referencesOf = (draft: CaseDraft): ReferencesDraft => draft.references ?? newReferences();

/** The Lima date whose law in force applies: the date of the facts, or of the registration when it is unknown. */
export const factsDateOf = (draft: Pick<CaseDraft, 'occurredAt' | 'registeredAt'>): string =>
  draft.occurredAt || draft.registeredAt.slice(0, 10);

export interface DraftPrefill {
  source?: CaseSource;
  referralId?: string;
  ubigeo?: string | null;
  policeUnit?: string | null;
}

export function newCaseDraft(prefill: DraftPrefill = {}): CaseDraft {
  return {
    caseId: newId(),
    registeredAt: toLimaLocal(new Date().toISOString()),
    occurredAt: '',
    policeUnit: prefill.policeUnit ?? '',
    ubigeo: prefill.ubigeo ?? null,
    source: prefill.source ?? null,
    referralId: prefill.referralId ?? null,
    purposes: [],
    qualification: newQualificationDraft(),
    references: newReferences(),
    victims: [newVictim()],
    suspects: [],
  };
}

export const newVictim = (): VictimDraft => ({
  victimId: newId(),
  sex: 'female',
  age: '',
  nationality: 'PE',
  fullName: '',
  documentType: null,
  documentNumber: '',
  phone: '',
  address: '',
});

export const newSuspect = (): SuspectDraft => ({ suspectId: newId(), sex: 'unknown', age: '', nationality: 'unknown', role: '' });

/** Empty text is "not given" (left out), so the API receives only what the user typed; it validates the rest. */
export const given = (text: string) => (text.trim() === '' ? undefined : text.trim());
const age = (text: string) => (text.trim() === '' ? null : Number(text));

/**
 * The body as the user left it. Choices not made yet (place, source) are left out and the form is still sent (the
 * cast): the API, not a copy of its rules here, names what is missing, next to each field.
 */
export function toBody(draft: CaseDraft): RegisterCaseBody {
  const { ubigeo, source } = draft;
  const references = referencesOf(draft);
  return {
    caseId: draft.caseId,
    registeredAt: draft.registeredAt ? fromLimaLocal(draft.registeredAt) : '',
    occurredAt: draft.occurredAt ? fromLimaLocal(`${draft.occurredAt}T00:00`) : undefined,
    policeUnit: draft.policeUnit.trim(),
    ...(ubigeo ? { ubigeo } : {}),
    ...(source ? { source } : {}),
    referralId: draft.referralId ?? undefined,
    purposes: draft.purposes,
    ...toQualification(qualificationOf(draft), draft.purposes),
    references: {
      policeReport: given(references.policeReport),
      prosecutorFile: given(references.prosecutorFile),
      courtFile: given(references.courtFile),
    },
    victims: draft.victims.map((v) => ({
      victimId: v.victimId,
      sex: v.sex,
      age: age(v.age),
      nationality: v.nationality,
      fullName: given(v.fullName),
      documentType: v.documentType ?? undefined,
      documentNumber: given(v.documentNumber),
      phone: given(v.phone),
      address: given(v.address),
    })),
    suspects: draft.suspects.map((s) => ({
      suspectId: s.suspectId,
      sex: s.sex,
      age: age(s.age),
      nationality: s.nationality,
      role: given(s.role),
    })),
  } as RegisterCaseBody;
}
