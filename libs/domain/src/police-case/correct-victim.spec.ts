import { describe, expect, it } from '@jest/globals';
import { DomainError, NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import {
  closed,
  correctVictim,
  decider,
  registered,
  registeredWithPeople,
  victimCorrected,
  victimIdentified,
  VICTIM_ID,
  VICTIM_ID_2,
  victimVoided,
} from './police-case.fixtures.js';

/** The refusal's code and the fields it names. */
function refusal(events: Parameters<typeof given>[1], command: ReturnType<typeof correctVictim>): { code: string; fields: string[] } {
  try {
    decider.decide(command, given(decider, events).state());
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, fields: error.fields.map((problem) => problem.field) };
  }
  throw new Error('Expected a refusal');
}

describe('CorrectVictim', () => {
  it('corrects the age with its group and minor flag', () => {
    given(decider, registeredWithPeople)
      .when(correctVictim({ age: 19 }))
      .then([victimCorrected({ age: 19, ageGroup: '18-24', minor: false })]);
    given(decider, registeredWithPeople)
      .when(correctVictim({ age: null }))
      .then([victimCorrected({ age: null, ageGroup: 'unknown', minor: null })]);
  });

  it('records only real changes, in the fixed field order, personal fields grouped', () => {
    given(decider, registeredWithPeople)
      .when(correctVictim({ phone: null, nationality: 'CO', sex: 'female', fullName: 'María Pérez Ríos', age: 16 }))
      .then([victimCorrected({ nationality: 'CO', personal: { fullName: 'María Pérez Ríos', phone: null } })]);
  });

  it('carries the whole new document when either document field changes', () => {
    given(decider, registeredWithPeople)
      .when(correctVictim({ documentNumber: '009999999' }))
      .then([victimCorrected({ personal: { documentType: 'CE', documentNumber: '009999999' } })]);
    given(decider, registeredWithPeople)
      .when(correctVictim({ documentType: 'PASSPORT', address: null }))
      .then([victimCorrected({ personal: { documentType: 'PASSPORT', documentNumber: '001234567', address: null } })]);
    given(decider, registeredWithPeople)
      .when(correctVictim({ documentType: null, documentNumber: null }))
      .then([victimCorrected({ personal: { documentType: null, documentNumber: null } })]);
  });

  it('appends nothing when nothing changes', () => {
    given(decider, registeredWithPeople)
      .when(correctVictim({ sex: 'female', age: 16, documentType: 'CE', documentNumber: '001234567' }))
      .then([]);
    given(decider, [...registeredWithPeople, victimCorrected({ age: 19, ageGroup: '18-24', minor: false })])
      .when(correctVictim({ age: 19 }))
      .then([]);
  });

  it('corrects a victim of a closed case, named in any case', () => {
    given(decider, [...registeredWithPeople, closed])
      .when(correctVictim({ sex: 'unknown' }, { victimId: VICTIM_ID.toUpperCase() }))
      .then([victimCorrected({ sex: 'unknown' })]);
  });

  it('refuses a voided victim (422) and one the case does not list (404), naming victimId', () => {
    given(decider, [...registeredWithPeople, victimVoided])
      .when(correctVictim({ age: 20 }))
      .thenThrows(NotAllowed, 'victim_voided');
    expect(refusal([...registeredWithPeople, victimVoided], correctVictim({ age: 20 }))).toEqual({
      code: 'victim_voided',
      fields: ['victimId'],
    });
    given(decider, registeredWithPeople)
      .when(correctVictim({ age: 20 }, { victimId: VICTIM_ID_2 }))
      .thenThrows(NotFound, 'victim_not_found');
    expect(refusal(registeredWithPeople, correctVictim({ age: 20 }, { victimId: VICTIM_ID_2 }))).toEqual({
      code: 'victim_not_found',
      fields: ['victimId'],
    });
    given(decider, registeredWithPeople)
      .when(correctVictim({ age: 20 }, { victimId: 'v-1' }))
      .thenFieldErrors(['victimId']);
    given(decider, [])
      .when(correctVictim({ age: 20 }))
      .thenThrows(NotFound, 'case_not_found');
  });

  it.each([
    ['changes', {}],
    ['changes', { age: undefined }],
    ['changes', null],
    ['changes.age', { age: 300 }],
    ['changes.age', { age: 16.5 }],
    ['changes.nationality', { nationality: 'Venezuela' }],
    ['changes.nationality', { nationality: null }],
    ['changes.sex', { sex: null }],
    ['changes.fullName', { fullName: 'x'.repeat(201) }],
    ['changes.documentNumber', { documentNumber: 12345678 }],
    ['changes.ageGroup', { ageGroup: '18-24' }],
    ['changes.victimId', { victimId: VICTIM_ID_2 }],
  ])('refuses an invalid %s (%j)', (field, changes) => {
    given(decider, registeredWithPeople).when(correctVictim(changes)).thenFieldErrors([field]);
  });

  it('requires a reason', () => {
    given(decider, [registered, victimIdentified()])
      .when(correctVictim({ age: 20 }, { reason: '' }))
      .thenFieldErrors(['reason']);
  });
});
