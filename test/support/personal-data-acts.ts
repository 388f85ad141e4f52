import {
  createVictimAssistanceDecider,
  createWitnessProtectionDecider,
  type AssistedVictim,
  type RecordAssistance,
  type WitnessProtectionCommand,
} from '#domain';
import { countries, ubigeo } from '../../libs/domain/src/police-case/police-case.fixtures.js';
import { CASE_ID, PROSECUTION_ID } from '../../libs/domain/src/trial/trial.fixtures.js';

/**
 * The two record kinds without domain fixtures of their own: a victim's assistance (a Peruvian assisted abroad and a
 * foreigner in Peru, so every act applies to one of them) and one prosecution's witness protection. Commands, never
 * events: the real deciders make the events.
 */
type Planted = Record<'shelterName' | 'assistanceNotes' | 'witnessReference' | 'protectionNotes', string>;

const metadata = { now: '2026-09-30T12:00:00.000Z', actor: 'test' };
const PERUVIAN = 'aa000000-0000-4000-8000-000000000001';
const FOREIGNER = 'aa000000-0000-4000-8000-000000000002';
const WITNESS = 'aa000000-0000-4000-8000-000000000003';

const assisted = (nationality: string, abroad: boolean): AssistedVictim => ({
  caseId: CASE_ID,
  voided: false,
  department: '17',
  ubigeo: '170101',
  sex: 'female',
  age: 16,
  ageGroup: '12-17',
  nationality,
  abroad,
  notBefore: '2026-02-21T03:00:00.000Z',
});

let acts = 0;
const actId = () => `ab000000-0000-4000-8000-${String(++acts).padStart(12, '0')}`;

const assistanceDecider = createVictimAssistanceDecider({ countries, ubigeo });
const protectionDecider = createWitnessProtectionDecider();

export function assistanceActs(p: Planted): { victimId: string; commands: RecordAssistance[]; decider: typeof assistanceDecider }[] {
  const decider = assistanceDecider;
  const act = (victimId: string, victim: AssistedVictim, extra: Partial<RecordAssistance['data']>, day: number): RecordAssistance => ({
    type: 'RecordAssistance',
    data: {
      victimId,
      caseId: CASE_ID,
      actId: actId(),
      kind: 'consent',
      occurredAt: `2026-03-${String(day).padStart(2, '0')}T10:00:00-05:00`,
      notes: p.assistanceNotes,
      victim,
      ...extra,
    },
    metadata,
  });
  const peruvian = assisted('PE', true);
  const foreigner = assisted('VE', false);
  return [
    {
      victimId: PERUVIAN,
      decider,
      commands: [
        act(PERUVIAN, peruvian, { kind: 'consent', given: true }, 2),
        act(PERUVIAN, peruvian, { kind: 'shelter_admission', shelterName: p.shelterName, ubigeo: '170101' }, 3),
        act(PERUVIAN, peruvian, { kind: 'service', service: 'psychological' }, 4),
        act(PERUVIAN, peruvian, { kind: 'shelter_exit', exitReason: 'came_of_age' }, 5),
        act(PERUVIAN, peruvian, { kind: 'reintegration', reintegration: 'family' }, 6),
        act(PERUVIAN, peruvian, { kind: 'consular_assistance', country: 'CO' }, 7),
        act(PERUVIAN, peruvian, { kind: 'repatriation', country: 'CO' }, 8),
      ],
    },
    {
      victimId: FOREIGNER,
      decider,
      commands: [
        act(FOREIGNER, foreigner, { kind: 'consent', given: true }, 2),
        act(FOREIGNER, foreigner, { kind: 'migratory_status', status: 'refugee_applicant' }, 3),
        act(FOREIGNER, foreigner, { kind: 'regularization' }, 4),
        act(FOREIGNER, foreigner, { kind: 'voluntary_return', country: 'VE' }, 5),
      ],
    },
  ];
}

export function protectionActs(
  p: Planted,
): { prosecutionId: string; commands: WitnessProtectionCommand[]; decider: typeof protectionDecider }[] {
  const decider = protectionDecider;
  const context = { prosecutionId: PROSECUTION_ID, prosecutionOpenedAt: '2026-01-10T14:00:00.000Z', caseVictimIds: [PERUVIAN] };
  return [
    {
      prosecutionId: PROSECUTION_ID,
      decider,
      commands: [
        {
          type: 'GrantProtectionMeasure',
          data: {
            ...context,
            measureId: actId(),
            protectedPerson: 'victim',
            victimId: PERUVIAN,
            measure: 'identity_reserve',
            grantedAt: '2026-03-02T10:00:00-05:00',
            notes: p.protectionNotes,
          },
          metadata,
        },
        {
          type: 'GrantProtectionMeasure',
          data: {
            ...context,
            measureId: actId(),
            protectedPerson: 'witness',
            witnessId: WITNESS,
            witnessReference: p.witnessReference,
            measure: 'residence_change',
            grantedAt: '2026-03-03T10:00:00-05:00',
            endsAt: '2026-09-03T00:00:00-05:00',
            notes: p.protectionNotes,
          },
          metadata,
        },
        {
          type: 'RecordGesellInterview',
          data: { ...context, interviewId: actId(), victimId: PERUVIAN, heldAt: '2026-03-04T09:00:00-05:00' },
          metadata,
        },
      ],
    },
  ];
}
