import { describe, expect, it } from '@jest/globals';
import { fold } from '../shared/decider.js';
import { given } from '../testing/given-when-then.js';
import { caseStreamName } from './police-case.codes.js';
import { POLICE_CASE_EVENT_TYPES, type PoliceCaseEvent } from './police-case.events.js';
import type { PoliceCaseState } from './police-case.state.js';
import {
  CASE_ID,
  closed,
  decider,
  factsCorrected,
  markedSameFacts,
  numberAssigned,
  operationConducted,
  OTHER_CASE_ID,
  PROSECUTION_ID,
  referencesRecorded,
  referred,
  registered,
  registeredWithPeople,
  REGISTRY_NUMBER,
  reopened,
  suspect,
  suspectIdentified,
  suspectVoided,
  victim,
  victimCorrected,
  victimIdentified,
  VICTIM_ID_2,
  victimVoided,
} from './police-case.fixtures.js';

const { caseId: _caseId, ...operation } = operationConducted.data;

describe('evolve', () => {
  it('starts unregistered', () => {
    expect(decider.initialState()).toEqual({ status: 'unregistered' });
  });

  it('opens a registered case with its facts and people', () => {
    expect(given(decider, registeredWithPeople).state()).toEqual({
      status: 'open',
      ...registered.data,
      registryNumber: null,
      sameAsCaseId: null,
      victims: [{ ...victim, voided: false }],
      suspects: [{ ...suspect, voided: false }],
      operations: [],
      prosecutionIds: [],
    });
  });

  it('follows the case to the prosecutor and to closing, keeping everything it learned', () => {
    expect(fold(decider, [...registeredWithPeople, operationConducted, referred, closed])).toEqual({
      status: 'closed',
      ...registered.data,
      registryNumber: null,
      sameAsCaseId: null,
      victims: [{ ...victim, voided: false }],
      suspects: [{ ...suspect, voided: false }],
      operations: [operation],
      prosecutionIds: [PROSECUTION_ID],
      closedAt: closed.data.closedAt,
      reason: closed.data.reason,
    });
  });

  it('ignores events that do not apply, without throwing', () => {
    expect(fold(decider, [victimIdentified(), operationConducted, referred, closed])).toEqual({ status: 'unregistered' });
    const base = fold(decider, registeredWithPeople);
    const second = { ...registered, data: { ...registered.data, policeUnit: 'Otra' } };
    expect(fold(decider, [...registeredWithPeople, second])).toEqual(base);
    expect(fold(decider, [...registeredWithPeople, victimIdentified({ age: 30 }), suspectIdentified({ role: null })])).toEqual(base);
    const once = fold(decider, [registered, operationConducted, referred]);
    const again = { ...referred, data: { ...referred.data, prosecutionId: CASE_ID } };
    expect(fold(decider, [registered, operationConducted, referred, operationConducted, again])).toEqual(once);
    const closedState = fold(decider, [registered, closed]);
    expect(fold(decider, [registered, closed, victimIdentified(), referred, { ...closed, data: { ...closed.data, reason: 'x' } }])).toEqual(
      closedState,
    );
    const unknown = { type: 'CaseArchived', data: {} } as unknown as PoliceCaseEvent;
    expect(fold(decider, [registered, unknown])).toEqual(fold(decider, [registered]));
  });

  it('keeps the state shape when a stored victim event lacks personal data', () => {
    const bare = { type: 'VictimIdentified', data: { ...victimIdentified().data, personal: undefined } } as unknown as PoliceCaseEvent;
    expect(fold(decider, [registered, bare])).toMatchObject({
      victims: [{ ...victim, personal: { fullName: null, documentType: null, documentNumber: null, phone: null, address: null } }],
    });
  });

  it('refuses an unknown command type at run time', () => {
    const command = { type: 'DeleteCase', data: {}, metadata: { now: '', actor: '' } } as never;
    expect(() => decider.decide(command, decider.initialState())).toThrow(TypeError);
  });
});

describe('evolve: corrections, voids, reopening, same facts, references and numbers', () => {
  const open = () => fold(decider, registeredWithPeople) as Extract<PoliceCaseState, { status: 'open' }>;

  it('applies corrected facts, leaving the others as registered, on a closed case too', () => {
    const changes = {
      occurredAt: null,
      ubigeo: '15',
      purposes: ['begging' as const],
      offences: ['cp129a-l31146' as const],
      places: { recruitment: null, transit: [{ country: 'CO' }], exploitation: { country: 'VE' } },
    };
    const expected = { ...changes, policeUnit: registered.data.policeUnit, registeredAt: registered.data.registeredAt, control: [] };
    expect(fold(decider, [...registeredWithPeople, factsCorrected(changes)])).toMatchObject({ status: 'open', ...expected });
    expect(fold(decider, [...registeredWithPeople, closed, factsCorrected(changes)])).toMatchObject({ status: 'closed', ...expected });
  });

  it('never lets stray keys of a stored correction into the state', () => {
    const stray = factsCorrected({ policeUnit: 'Otra', status: 'closed', victims: [] } as never);
    expect(fold(decider, [...registeredWithPeople, stray])).toEqual({ ...open(), policeUnit: 'Otra' });
  });

  it('corrects a victim: only the fields given, personal fields merged', () => {
    const corrected = victimCorrected({
      age: 19,
      ageGroup: '18-24',
      minor: false,
      personal: { documentType: 'DNI', documentNumber: '44556677', phone: null },
    });
    expect(fold(decider, [...registeredWithPeople, corrected]).status).toBe('open');
    expect(fold(decider, [...registeredWithPeople, corrected])).toMatchObject({
      victims: [
        {
          ...victim,
          age: 19,
          ageGroup: '18-24',
          minor: false,
          personal: { ...victim.personal, documentType: 'DNI', documentNumber: '44556677', phone: null },
          voided: false,
        },
      ],
    });
  });

  it('ignores a correction of a person the case does not list', () => {
    expect(fold(decider, [...registeredWithPeople, victimCorrected({ sex: 'male' }, VICTIM_ID_2)])).toEqual(open());
  });

  it('marks voided people, keeping them listed', () => {
    expect(fold(decider, [...registeredWithPeople, victimVoided, suspectVoided])).toMatchObject({
      victims: [{ ...victim, voided: true }],
      suspects: [{ ...suspect, voided: true }],
    });
  });

  it('reopens a closed case as open, or as referred when it has a prosecution, dropping the closing', () => {
    const reopenedOpen = fold(decider, [...registeredWithPeople, closed, reopened]);
    expect(reopenedOpen).toEqual(open());
    expect(reopenedOpen).not.toHaveProperty('closedAt');
    const referredState = fold(decider, [...registeredWithPeople, referred]);
    expect(fold(decider, [...registeredWithPeople, referred, closed, reopened])).toEqual(referredState);
    expect(referredState.status).toBe('referred');
    expect(fold(decider, [...registeredWithPeople, reopened])).toEqual(open());
  });

  it('links a case to the one with the same facts, once', () => {
    expect(fold(decider, [...registeredWithPeople, markedSameFacts])).toEqual({ ...open(), sameAsCaseId: OTHER_CASE_ID });
    const again = { ...markedSameFacts, data: { ...markedSameFacts.data, sameAsCaseId: CASE_ID } };
    expect(fold(decider, [...registeredWithPeople, markedSameFacts, again])).toEqual({ ...open(), sameAsCaseId: OTHER_CASE_ID });
  });

  it('merges external references: a value replaces, null removes, the order is the kinds order', () => {
    const first = referencesRecorded({ courtFile: 'EXP-1', policeReport: 'OF-9' });
    expect(fold(decider, [...registeredWithPeople, first])).toEqual({
      ...open(),
      references: { policeReport: 'OF-9', courtFile: 'EXP-1' },
    });
    const state = fold(decider, [...registeredWithPeople, first, referencesRecorded({ policeReport: null, prosecutorFile: 'CF-3' })]);
    expect(state).toMatchObject({ references: { prosecutorFile: 'CF-3', courtFile: 'EXP-1' } });
    expect(JSON.stringify((state as { references: object }).references)).toBe('{"prosecutorFile":"CF-3","courtFile":"EXP-1"}');
  });

  it('sets the registry number once', () => {
    const other = { ...numberAssigned, data: { ...numberAssigned.data, registryNumber: '17-2026-000043' } };
    expect(fold(decider, [...registeredWithPeople, numberAssigned, other])).toEqual({ ...open(), registryNumber: REGISTRY_NUMBER });
  });

  it('ignores every new event on an unregistered case', () => {
    const events = [factsCorrected({ ubigeo: '15' }), victimCorrected({ sex: 'male' }), victimVoided, suspectVoided, reopened];
    const more = [markedSameFacts, referencesRecorded({ policeReport: 'x' }), numberAssigned];
    expect(fold(decider, [...events, ...more])).toEqual({ status: 'unregistered' });
  });
});

describe('stream and event names', () => {
  it('names the stream by the lower-cased case id', () => {
    expect(caseStreamName(CASE_ID.toUpperCase())).toBe(`case-${CASE_ID}`);
  });

  it('lists the fourteen event types', () => {
    expect([...POLICE_CASE_EVENT_TYPES]).toEqual([
      'CaseRegistered',
      'VictimIdentified',
      'SuspectIdentified',
      'OperationConducted',
      'CaseReferredToProsecutor',
      'CaseClosed',
      'CaseFactsCorrected',
      'VictimCorrected',
      'VictimVoided',
      'SuspectVoided',
      'CaseReopened',
      'CaseMarkedSameFacts',
      'ExternalReferencesRecorded',
      'RegistryNumberAssigned',
    ]);
  });
});
