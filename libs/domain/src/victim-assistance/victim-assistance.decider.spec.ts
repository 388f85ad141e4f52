import { describe, expect, it } from '@jest/globals';
import { InvalidCommand, NotAllowed, NotFound, Conflict } from '../shared/errors.js';
import { fold } from '../shared/decider.js';
import { given } from '../testing/given-when-then.js';
import type { AssistedVictim, RecordAssistance } from './victim-assistance.commands.js';
import { createVictimAssistanceDecider } from './victim-assistance.decider.js';
import { applicableKinds } from './record-assistance.js';
import type { AssistanceActData, VictimAssistanceEvent } from './victim-assistance.events.js';
import type { AgeGroup } from '../people/people.codes.js';
import { victimAssistanceStreamName } from './victim-assistance.codes.js';

const decider = createVictimAssistanceDecider({
  countries: { isKnown: (code: string) => ['PE', 'CL', 'VE', 'AR'].includes(code) },
  ubigeo: { isKnown: (code: string) => ['15', '1501', '150101', '08'].includes(code) },
});
const VICTIM_ID = '7a1b2c3d-0000-4000-8000-000000000001';
const CASE_ID = '7a1b2c3d-0000-4000-8000-0000000000ca';
const metadata = { now: '2026-06-30T12:00:00Z', actor: 'protection:sub-1' };
const peruvianAbroad: AssistedVictim = {
  caseId: CASE_ID,
  voided: false,
  department: '15',
  ubigeo: '150101',
  sex: 'female',
  age: 17,
  ageGroup: '12-17',
  nationality: 'PE',
  abroad: true,
  notBefore: '2025-01-10T00:00:00.000Z',
};
const foreigner: AssistedVictim = { ...peruvianAbroad, nationality: 'VE', abroad: false };

let n = 0;
const actId = () => `7a1b2c3d-0000-4000-8000-${String(++n).padStart(12, '0')}`;
function act(kind: RecordAssistance['data']['kind'], extra: Partial<RecordAssistance['data']> = {}): RecordAssistance {
  return {
    type: 'RecordAssistance',
    data: {
      victimId: VICTIM_ID,
      caseId: CASE_ID,
      actId: actId(),
      kind,
      occurredAt: '2026-06-01T15:00:00Z',
      victim: peruvianAbroad,
      ...extra,
    },
    metadata,
  };
}
const base = (command: RecordAssistance, ageGroup: AgeGroup = '18-24'): AssistanceActData => ({
  victimId: VICTIM_ID,
  caseId: CASE_ID,
  actId: command.data.actId,
  occurredAt: '2026-06-01T15:00:00.000Z',
  department: '15',
  sex: 'female',
  ageGroup,
  notes: command.data.notes ?? null,
});
function history(...commands: RecordAssistance[]): VictimAssistanceEvent[] {
  const events: VictimAssistanceEvent[] = [];
  for (const command of commands) events.push(...decider.decide(command, fold(decider, events)));
  return events;
}
const consented = () => history(act('consent', { given: true }));

describe('victim assistance decider', () => {
  it('records consent with her age group at the act (17 at the facts, 18 a year and more later)', () => {
    const command = act('consent', { given: true, notes: 'acepta' });
    given(decider)
      .when(command)
      .then([{ type: 'ConsentRecorded', data: { ...base(command), given: true } }]);
  });

  it('names the stream by the victim id, lower-case', () => {
    expect(victimAssistanceStreamName(VICTIM_ID.toUpperCase())).toBe(`victim-assistance-${VICTIM_ID}`);
  });

  it('needs consent given before any other act, and a refusal can always be recorded', () => {
    given(decider)
      .when(act('service', { service: 'health' }))
      .thenThrows(NotAllowed, 'assistance_consent_required');
    const refused = history(act('consent', { given: false }));
    given(decider, refused)
      .when(act('service', { service: 'health' }))
      .thenThrows(NotAllowed, 'assistance_consent_required');
    const withdrawn = history(act('consent', { given: true }), act('consent', { given: false }));
    given(decider, withdrawn)
      .when(act('shelter_admission', { shelterName: 'Casa' }))
      .thenThrows(NotAllowed);
    const command = act('service', { service: 'psychological' });
    given(decider, consented())
      .when(command)
      .then([{ type: 'ServiceProvided', data: { ...base(command), service: 'psychological' } }]);
  });

  it('opens a shelter stay once and closes it not before the admission', () => {
    const admitted = [...consented(), ...history()];
    const admit = act('shelter_admission', { shelterName: 'Hogar Santa Rosa' });
    const stay = [...admitted, ...decider.decide(admit, fold(decider, admitted))];
    expect(fold(decider, stay)).toMatchObject({ shelteredSince: '2026-06-01T15:00:00.000Z' });
    given(decider, stay)
      .when(act('shelter_admission', { shelterName: 'Otra' }))
      .thenThrows(NotAllowed, 'shelter_stay_not_allowed');
    given(decider, admitted)
      .when(act('shelter_exit', { exitReason: 'voluntary' }))
      .thenThrows(NotAllowed, 'shelter_stay_not_allowed');
    given(decider, stay)
      .when(act('shelter_exit', { exitReason: 'voluntary', occurredAt: '2026-05-31T15:00:00Z' }))
      .thenFieldErrors(['occurredAt']);
    given(decider, stay)
      .when(act('shelter_exit', { exitReason: 'fled' }))
      .thenFieldErrors(['exitReason']);
    const exit = act('shelter_exit', { exitReason: 'family_reintegration' });
    given(decider, stay)
      .when(exit)
      .then([{ type: 'ShelterExited', data: { ...base(exit), exitReason: 'family_reintegration' } }]);
  });

  it('refuses dates in the future or before the facts, and a place outside the case department, naming the fields', () => {
    given(decider)
      .when(act('consent', { given: true, occurredAt: '2026-07-01T00:00:00Z' }))
      .thenFieldErrors(['occurredAt']);
    given(decider)
      .when(act('consent', { given: true, occurredAt: '2025-01-09T23:59:59Z' }))
      .thenFieldErrors(['occurredAt']);
    given(decider)
      .when(act('consent', { given: true, ubigeo: '08' }))
      .thenFieldErrors(['ubigeo']);
    given(decider)
      .when(act('consent', { given: 'yes' as never, notes: 5 as never }))
      .thenFieldErrors(['given', 'notes']);
    given(decider)
      .when(act('parole' as never))
      .thenFieldErrors(['kind']);
  });

  it('allows consular assistance and repatriation only for Peruvians of a case abroad', () => {
    const consular = act('consular_assistance', { country: 'CL' });
    given(decider, consented())
      .when(consular)
      .then([{ type: 'ConsularAssistanceProvided', data: { ...base(consular), country: 'CL' } }]);
    const atHome = { ...peruvianAbroad, abroad: false };
    given(decider, consented())
      .when(act('repatriation', { country: 'CL', victim: atHome }))
      .thenFieldErrors(['kind']);
    given(decider, consented())
      .when(act('repatriation', { country: 'PE' }))
      .thenFieldErrors(['country']);
    given(decider, consented())
      .when(act('repatriation', { country: 'ZZ' }))
      .thenFieldErrors(['country']);
  });

  it('allows migratory acts only for foreigners', () => {
    given(decider, consented())
      .when(act('migratory_status', { status: 'irregular' }))
      .thenFieldErrors(['kind']);
    const events = history(act('consent', { given: true, victim: foreigner }));
    const status = act('migratory_status', { status: 'irregular', victim: foreigner });
    given(decider, events)
      .when(status)
      .then([{ type: 'MigratoryStatusRecorded', data: { ...base(status), status: 'irregular' } }]);
    const back = act('voluntary_return', { country: 'VE', victim: foreigner });
    given(decider, events)
      .when(back)
      .then([{ type: 'VoluntaryReturnAssisted', data: { ...base(back), country: 'VE' } }]);
    given(decider, events)
      .when(act('regularization', { victim: { ...foreigner, nationality: 'unknown' } }))
      .thenFieldErrors(['kind']);
  });

  it('answers a retried act with nothing new, and another act under its id with a conflict', () => {
    const service = act('service', { service: 'legal' });
    const events = history(act('consent', { given: true }), service);
    const retry = { ...service, metadata: { now: '2026-06-30T13:00:00Z', actor: 'protection:other' } };
    given(decider, events).when(retry).then([]);
    given(decider, events)
      .when({ ...service, data: { ...service.data, service: 'health' } })
      .thenThrows(Conflict, 'assistance_act_id_in_use');
  });

  it('refuses a victim that her case does not list, a voided one, or the record of another case', () => {
    given(decider)
      .when(act('consent', { given: true, victim: null }))
      .thenThrows(NotFound, 'victim_not_found');
    given(decider)
      .when(act('consent', { given: true, victim: { ...peruvianAbroad, voided: true } }))
      .thenThrows(NotAllowed, 'assisted_victim_voided');
    const other = '7a1b2c3d-0000-4000-8000-0000000000cb';
    given(decider, consented())
      .when(act('service', { service: 'health', caseId: other }))
      .thenThrows(NotFound);
    expect(() => decider.decide(act('consent', { given: true, victimId: 'x' }), decider.initialState())).toThrow(InvalidCommand);
  });
});

describe('acts that apply next', () => {
  it('offers consent alone until given, then the acts that apply to her and to her shelter stay', () => {
    expect(applicableKinds(decider.initialState(), peruvianAbroad)).toEqual(['consent']);
    expect(applicableKinds(fold(decider, consented()), peruvianAbroad)).toEqual([
      'consent',
      'shelter_admission',
      'service',
      'reintegration',
      'consular_assistance',
      'repatriation',
    ]);
    const foreignerConsent = history(act('consent', { given: true, victim: foreigner }));
    const admitted = history(
      act('consent', { given: true, victim: foreigner }),
      act('shelter_admission', { shelterName: 'Casa', victim: foreigner }),
    );
    expect(applicableKinds(fold(decider, foreignerConsent), foreigner)).toContain('voluntary_return');
    expect(applicableKinds(fold(decider, admitted), foreigner)).toEqual([
      'consent',
      'shelter_exit',
      'service',
      'reintegration',
      'migratory_status',
      'regularization',
      'voluntary_return',
    ]);
    expect(applicableKinds(fold(decider, consented()), { ...peruvianAbroad, voided: true })).toEqual([]);
  });
});
