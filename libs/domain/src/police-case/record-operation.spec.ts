import { describe, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { MAX_PEOPLE_PER_OPERATION } from './police-case.codes.js';
import {
  closed,
  decider,
  OPERATION_ID,
  operationConducted,
  OTHER_CASE_ID,
  recordOperation,
  referred,
  registered,
} from './police-case.fixtures.js';

const OTHER_OPERATION_ID = '0b6e1f1c-2f1d-4a8e-8f9a-3c2d1e0f9a8b';

describe('RecordOperation', () => {
  it('records an operation, the id lower-cased and the time in UTC', () => {
    given(decider, [registered])
      .when(recordOperation({ operationId: OPERATION_ID.toUpperCase() }))
      .then([operationConducted]);
  });

  it('records an operation with nobody rescued or detained, also once referred', () => {
    given(decider, [registered, referred])
      .when(recordOperation({ rescued: 0, detained: 0 }))
      .then([{ ...operationConducted, data: { ...operationConducted.data, rescued: 0, detained: 0 } }]);
  });

  it('keeps every operation in the state', () => {
    given(decider, [registered, operationConducted])
      .when(recordOperation({ operationId: OTHER_OPERATION_ID, rescued: 5 }))
      .thenState({
        status: 'open',
        operations: [
          { operationId: OPERATION_ID, conductedAt: '2026-03-01T15:00:00.000Z', rescued: 3, detained: 2 },
          { operationId: OTHER_OPERATION_ID, conductedAt: '2026-03-01T15:00:00.000Z', rescued: 5, detained: 2 },
        ],
      });
  });

  it('does nothing when the same operation is sent again', () => {
    given(decider, [registered, operationConducted])
      .when(recordOperation({ conductedAt: '2026-03-01T15:00:00Z' }))
      .then([]);
  });

  it('refuses the same operation id with other figures', () => {
    given(decider, [registered, operationConducted])
      .when(recordOperation({ rescued: 4 }))
      .thenFieldErrors(['operationId']);
  });

  it.each([
    ['operationId', { operationId: 'op-1' }],
    ['conductedAt', { conductedAt: '2026-03-01T08:59:59-05:00' }],
    ['conductedAt', { conductedAt: '2026-03-01T15:25:01Z' }],
    ['conductedAt', { conductedAt: '2026-03-01' }],
    ['rescued', { rescued: -1 }],
    ['rescued', { rescued: 1.5 }],
    ['rescued', { rescued: '3' }],
    ['detained', { detained: undefined }],
    ['detained', { detained: Number.POSITIVE_INFINITY }],
    ['rescued', { rescued: MAX_PEOPLE_PER_OPERATION + 1 }],
    ['detained', { detained: Number.MAX_SAFE_INTEGER }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, [registered]).when(recordOperation(data)).thenFieldErrors([field]);
  });

  it('lists every problem at once', () => {
    given(decider, [registered])
      .when(recordOperation({ operationId: null, conductedAt: null, rescued: null, detained: -2 }))
      .thenFieldErrors(['operationId', 'conductedAt', 'rescued', 'detained']);
  });

  it('refuses a case that was never registered', () => {
    given(decider, []).when(recordOperation()).thenThrows(NotFound, 'case_not_found');
  });

  it('refuses a command naming another case than the stream holds', () => {
    given(decider, [registered])
      .when(recordOperation({ caseId: OTHER_CASE_ID }))
      .thenThrows(NotFound, 'case_not_found');
  });

  it('refuses a closed case', () => {
    given(decider, [registered, closed]).when(recordOperation()).thenThrows(NotAllowed, 'case_closed');
  });
});
