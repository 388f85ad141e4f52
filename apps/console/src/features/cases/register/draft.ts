import { fromLimaLocal, toLimaLocal } from '../../../shared/format.js';
import { newId } from '../../../shared/ids.js';

/**
 * The body of POST /api/v1/cases, from apps/api/src/cases/case.dto.ts. Declared here because the generated
 * schema types the DTO's nullable strings (occurredAt, referralId, documentType…) as `Record<string, never>`.
 */
export interface RegisterCaseBody {
  caseId: string;
  registeredAt: string;
  occurredAt?: string | null;
  policeUnit: string;
  ubigeo: string;
  source: string;
  referralId?: string | null;
  purposes: string[];
  victims: Array<{
    victimId: string; sex: string; age: number | null; nationality: string;
    fullName?: string; documentType?: string; documentNumber?: string; phone?: string; address?: string;
  }>;
  suspects: Array<{ suspectId: string; sex: string; age: number | null; nationality: string; role?: string }>;
}

/** What POST /api/v1/cases answers (case-use-cases.ts `register`); the OpenAPI document has no schema for it yet. */
export interface CaseRegistered {
  caseId: string;
  version: number;
  position: number;
  victimIds: string[];
  suspectIds: string[];
}

export interface VictimDraft {
  victimId: string;
  sex: string;
  age: string;
  nationality: string;
  fullName: string;
  documentType: string | null;
  documentNumber: string;
  phone: string;
  address: string;
}

export interface SuspectDraft {
  suspectId: string;
  sex: string;
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
  source: string | null;
  referralId: string | null;
  purposes: string[];
  victims: VictimDraft[];
  suspects: SuspectDraft[];
}

export interface DraftPrefill {
  source?: string;
  referralId?: string;
  ubigeo?: string | null;
  policeUnit?: string | null;
}

export function newCaseDraft(prefill: DraftPrefill = {}): CaseDraft {
  return {
    caseId: newId(), registeredAt: toLimaLocal(new Date().toISOString()), occurredAt: '', policeUnit: prefill.policeUnit ?? '',
    ubigeo: prefill.ubigeo ?? null, source: prefill.source ?? null, referralId: prefill.referralId ?? null, purposes: [],
    victims: [newVictim()], suspects: [],
  };
}

export const newVictim = (): VictimDraft => ({
  victimId: newId(), sex: 'female', age: '', nationality: 'PE', fullName: '', documentType: null, documentNumber: '', phone: '', address: '',
});

export const newSuspect = (): SuspectDraft => ({ suspectId: newId(), sex: 'unknown', age: '', nationality: 'unknown', role: '' });

/** Empty text is "not given" (left out), so the API receives only what the user typed; it validates the rest. */
const given = (text: string) => (text.trim() === '' ? undefined : text.trim());
const age = (text: string) => (text.trim() === '' ? null : Number(text));

export function toBody(draft: CaseDraft): RegisterCaseBody {
  return {
    caseId: draft.caseId,
    registeredAt: draft.registeredAt ? fromLimaLocal(draft.registeredAt) : '',
    occurredAt: draft.occurredAt ? fromLimaLocal(`${draft.occurredAt}T00:00`) : undefined,
    policeUnit: draft.policeUnit.trim(),
    ubigeo: draft.ubigeo ?? '',
    source: draft.source ?? '',
    referralId: draft.referralId ?? undefined,
    purposes: draft.purposes,
    victims: draft.victims.map((v) => ({
      victimId: v.victimId, sex: v.sex, age: age(v.age), nationality: v.nationality,
      fullName: given(v.fullName), documentType: v.documentType ?? undefined,
      documentNumber: given(v.documentNumber), phone: given(v.phone), address: given(v.address),
    })),
    suspects: draft.suspects.map((s) => ({
      suspectId: s.suspectId, sex: s.sex, age: age(s.age), nationality: s.nationality, role: given(s.role),
    })),
  };
}
