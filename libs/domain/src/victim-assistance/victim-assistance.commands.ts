import type { AgeGroup, Sex } from '../people/people.codes.js';
import type { CommandMetadata } from '../shared/decider.js';
import type { AssistanceKind } from './victim-assistance.codes.js';

/**
 * The victim as her case's stream knows her, filled by the application (a decider sees one stream only): absent
 * when the case does not list her. `notBefore` is the date of the facts when the case has it, else its registration.
 */
export interface AssistedVictim {
  caseId: string;
  voided: boolean;
  department: string;
  ubigeo: string | null;
  sex: Sex;
  age: number | null;
  ageGroup: AgeGroup;
  nationality: string;
  /** Some place of the case (recruitment, transit, exploitation) is abroad. */
  abroad: boolean;
  notBefore: string;
}

/**
 * One act of assistance; `kind` says which, and which of the optional fields it needs. `actId` names the act: the
 * same act sent again is recognised (no second event), another act under the same id is a conflict.
 */
export interface RecordAssistance {
  type: 'RecordAssistance';
  data: {
    victimId: string;
    caseId: string;
    actId: string;
    kind: AssistanceKind;
    occurredAt: string;
    given?: boolean;
    shelterName?: string;
    exitReason?: string;
    service?: string;
    reintegration?: string;
    country?: string;
    status?: string;
    /** Where the act took place, if stated: it must be in the case's department. */
    ubigeo?: string | null;
    notes?: string | null;
    victim: AssistedVictim | null;
  };
  metadata: CommandMetadata;
}

export type VictimAssistanceCommand = RecordAssistance;
