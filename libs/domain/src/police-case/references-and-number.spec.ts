import { describe, expect, it } from '@jest/globals';
import { DomainError, NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { formatRegistryNumber, registryNumberSeries, registryNumberStreamName } from './police-case.codes.js';
import {
  assignNumber,
  closed,
  decider,
  numberAssigned,
  recordReferences,
  referencesRecorded,
  registered,
  registeredWithPeople,
  REGISTRY_NUMBER,
} from './police-case.fixtures.js';

const withReferences = { ...registered, data: { ...registered.data, references: { policeReport: 'OF-12-2026' } } };

describe('RecordExternalReferences', () => {
  it('records trimmed references, only those that change', () => {
    given(decider, [withReferences])
      .when(recordReferences({ policeReport: 'OF-12-2026', courtFile: ' EXP-00123-2026 ', prosecutorFile: undefined }))
      .then([referencesRecorded({ courtFile: 'EXP-00123-2026' })]);
  });

  it('removes a reference with null or blank, and ignores the removal of an absent one', () => {
    given(decider, [withReferences])
      .when(recordReferences({ policeReport: '  ' }))
      .then([referencesRecorded({ policeReport: null })]);
    given(decider, [withReferences])
      .when(recordReferences({ policeReport: null }))
      .then([referencesRecorded({ policeReport: null })]);
    given(decider, [withReferences])
      .when(recordReferences({ courtFile: null }))
      .then([]);
  });

  it('records on a closed case, in the kinds order', () => {
    given(decider, [registered, closed])
      .when(recordReferences({ courtFile: 'EXP-1', policeReport: 'OF-1' }))
      .then([referencesRecorded({ policeReport: 'OF-1', courtFile: 'EXP-1' })]);
    given(decider, [registered, closed])
      .when(recordReferences({ courtFile: 'EXP-1', policeReport: 'OF-1' }))
      .thenState({ status: 'closed', references: { policeReport: 'OF-1', courtFile: 'EXP-1' } });
  });

  it.each([
    ['references', {}],
    ['references', { courtFile: undefined }],
    ['references', null],
    ['references', 'OF-1'],
    ['references.caseNumber', { caseNumber: 'X' }],
    ['references.courtFile', { courtFile: 'x'.repeat(61) }],
    ['references.prosecutorFile', { prosecutorFile: 7 }],
  ])('refuses an invalid %s (%j)', (field, references) => {
    given(decider, registeredWithPeople).when(recordReferences(references)).thenFieldErrors([field]);
  });

  it('refuses an unregistered case', () => {
    given(decider, [])
      .when(recordReferences({ policeReport: 'OF-1' }))
      .thenThrows(NotFound, 'case_not_found');
  });
});

describe('registry number series', () => {
  it('takes the department of the ubigeo and the Lima year of the registration', () => {
    expect(registryNumberSeries('170101', '2026-01-01T04:59:59.000Z')).toEqual({ department: '17', year: 2025 });
    expect(registryNumberSeries('08', '2026-01-01T05:00:00.000Z')).toEqual({ department: '08', year: 2026 });
    expect(formatRegistryNumber('08', 2026, 123)).toBe('08-2026-000123');
    expect(registryNumberStreamName('08', 2026)).toBe('registry-number-08-2026');
  });
});

describe('AssignRegistryNumber', () => {
  it('numbers a case once, closed or not; the same number again is a no-op', () => {
    given(decider, registeredWithPeople).when(assignNumber()).then([numberAssigned]);
    given(decider, [registered, closed]).when(assignNumber()).then([numberAssigned]);
    given(decider, [...registeredWithPeople, numberAssigned])
      .when(assignNumber())
      .then([]);
    given(decider, registeredWithPeople).when(assignNumber()).thenState({ registryNumber: REGISTRY_NUMBER });
  });

  it('refuses another number for a numbered case (422, naming registryNumber)', () => {
    given(decider, [...registeredWithPeople, numberAssigned])
      .when(assignNumber('17-2026-000043'))
      .thenThrows(NotAllowed, 'registry_number_assigned');
    let fields: string[] = [];
    try {
      decider.decide(assignNumber('17-2026-000043'), given(decider, [...registeredWithPeople, numberAssigned]).state());
    } catch (error) {
      fields = (error as DomainError).fields.map((problem) => problem.field);
    }
    expect(fields).toEqual(['registryNumber']);
  });

  it.each(['17-2026-42', '7-2026-000042', '17-26-000042', 'A7-2026-000042', ' 17-2026-000042', 17_2026_000042])(
    'refuses a malformed number %j',
    (number) => {
      given(decider, registeredWithPeople).when(assignNumber(number)).thenFieldErrors(['registryNumber']);
    },
  );

  it('refuses an unregistered case', () => {
    given(decider, []).when(assignNumber()).thenThrows(NotFound, 'case_not_found');
  });
});
