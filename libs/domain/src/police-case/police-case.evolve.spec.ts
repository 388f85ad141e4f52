import { describe, expect, it } from '@jest/globals';
import { fold } from '../shared/decider.js';
import { given } from '../testing/given-when-then.js';
import { caseStreamName } from './police-case.codes.js';
import { POLICE_CASE_EVENT_TYPES, type PoliceCaseEvent } from './police-case.events.js';
import {
  CASE_ID,
  closed,
  decider,
  operationConducted,
  PROSECUTION_ID,
  referred,
  registered,
  registeredWithPeople,
  suspect,
  suspectIdentified,
  victim,
  victimIdentified,
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
