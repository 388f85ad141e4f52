import { describe, expect, it } from '@jest/globals';
import { DomainError, NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import {
  CASE_ID,
  close,
  closed,
  decider,
  markedSameFacts,
  markSameFacts,
  OTHER_CASE_ID,
  referred,
  registered,
  registeredWithPeople,
  reopen,
  reopened,
  SUSPECT_ID_2,
  suspectVoided,
  voidSuspect,
  voidVictim,
  victimVoided,
  VICTIM_ID_2,
  addVictims,
} from './police-case.fixtures.js';
import type { PoliceCaseCommand } from './police-case.commands.js';

function refusedFields(events: Parameters<typeof given>[1], command: PoliceCaseCommand): { code: string; fields: string[] } {
  try {
    decider.decide(command, given(decider, events).state());
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, fields: error.fields.map((problem) => problem.field) };
  }
  throw new Error('Expected a refusal');
}

describe('VoidVictim and VoidSuspect', () => {
  it('voids a person recorded by mistake, on a closed case too', () => {
    given(decider, registeredWithPeople).when(voidVictim()).then([victimVoided]);
    given(decider, [...registeredWithPeople, closed])
      .when(voidSuspect())
      .then([suspectVoided]);
    given(decider, registeredWithPeople)
      .when(voidVictim())
      .thenState({ victims: [expect.objectContaining({ voided: true })] as never });
  });

  it('refuses voiding twice (422) and unknown people (404), naming the person field', () => {
    expect(refusedFields([...registeredWithPeople, victimVoided], voidVictim())).toEqual({ code: 'victim_voided', fields: ['victimId'] });
    expect(refusedFields([...registeredWithPeople, suspectVoided], voidSuspect())).toEqual({
      code: 'suspect_voided',
      fields: ['suspectId'],
    });
    given(decider, registeredWithPeople)
      .when(voidVictim({ victimId: VICTIM_ID_2 }))
      .thenThrows(NotFound, 'victim_not_found');
    expect(refusedFields(registeredWithPeople, voidSuspect({ suspectId: SUSPECT_ID_2 }))).toEqual({
      code: 'suspect_not_found',
      fields: ['suspectId'],
    });
    given(decider, registeredWithPeople)
      .when(voidSuspect({ suspectId: 42 }))
      .thenFieldErrors(['suspectId']);
    given(decider, []).when(voidVictim()).thenThrows(NotFound, 'case_not_found');
  });

  it('requires a reason of 1 to 500 characters', () => {
    given(decider, registeredWithPeople)
      .when(voidVictim({ reason: undefined }))
      .thenFieldErrors(['reason']);
    given(decider, registeredWithPeople)
      .when(voidSuspect({ reason: 'x'.repeat(501) }))
      .thenFieldErrors(['reason']);
  });

  it('still refuses to add a person already listed, voided or not', () => {
    given(decider, [...registeredWithPeople, victimVoided])
      .when(addVictims([{ victimId: victimVoided.data.victimId, sex: 'female', nationality: 'PE' }]))
      .thenFieldErrors(['victims[0].victimId']);
  });
});

describe('ReopenCase', () => {
  it('reopens a closed case as open, or as referred when it has a prosecution', () => {
    given(decider, [...registeredWithPeople, closed])
      .when(reopen())
      .then([reopened]);
    given(decider, [...registeredWithPeople, closed])
      .when(reopen())
      .thenState({ status: 'open' });
    given(decider, [...registeredWithPeople, referred, closed])
      .when(reopen())
      .thenState({ status: 'referred' });
  });

  it('accepts the very instant of closing, and a reopened case closes again', () => {
    given(decider, [...registeredWithPeople, closed])
      .when(reopen({ reopenedAt: closed.data.closedAt }))
      .then([{ ...reopened, data: { ...reopened.data, reopenedAt: closed.data.closedAt } }]);
    given(decider, [...registeredWithPeople, closed, reopened])
      .when(close())
      .thenState({ status: 'closed' });
  });

  it('refuses to reopen a case that is not closed (422, naming caseId)', () => {
    given(decider, registeredWithPeople).when(reopen()).thenThrows(NotAllowed, 'case_not_closed');
    expect(refusedFields([...registeredWithPeople, referred], reopen())).toEqual({ code: 'case_not_closed', fields: ['caseId'] });
    expect(refusedFields([...registeredWithPeople, closed, reopened], reopen())).toEqual({ code: 'case_not_closed', fields: ['caseId'] });
    given(decider, []).when(reopen()).thenThrows(NotFound, 'case_not_found');
  });

  it.each([
    ['reopenedAt', { reopenedAt: '2026-03-01T10:14:59-05:00' }],
    ['reopenedAt', { reopenedAt: '2026-03-01T15:25:01Z' }],
    ['reopenedAt', { reopenedAt: '2026-03-01' }],
    ['reason', { reason: null }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, [...registeredWithPeople, closed])
      .when(reopen(data))
      .thenFieldErrors([field]);
  });
});

describe('MarkSameFacts', () => {
  it('links the duplicate to the case with the same facts, on a closed case too', () => {
    given(decider, registeredWithPeople).when(markSameFacts()).then([markedSameFacts]);
    given(decider, [registered, closed])
      .when(markSameFacts({ sameAsCaseId: OTHER_CASE_ID.toUpperCase() }))
      .then([markedSameFacts]);
  });

  it('is a no-op when marked again with the same case, refused with another', () => {
    given(decider, [...registeredWithPeople, markedSameFacts])
      .when(markSameFacts())
      .then([]);
    const third = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
    expect(refusedFields([...registeredWithPeople, markedSameFacts], markSameFacts({ sameAsCaseId: third }))).toEqual({
      code: 'case_already_same_facts',
      fields: ['caseId'],
    });
  });

  it.each([
    ['sameAsCaseId', { sameAsCaseId: CASE_ID }],
    ['sameAsCaseId', { sameAsCaseId: CASE_ID.toUpperCase() }],
    ['sameAsCaseId', { sameAsCaseId: 'case-2' }],
    ['sameAsCaseId', { sameAsCaseId: undefined }],
    ['reason', { reason: '' }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, registeredWithPeople).when(markSameFacts(data)).thenFieldErrors([field]);
  });

  it('refuses an unregistered case', () => {
    given(decider, []).when(markSameFacts()).thenThrows(NotFound, 'case_not_found');
  });
});
