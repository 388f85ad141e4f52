import { describe, it } from '@jest/globals';
import { NotAllowed } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { CASE_ID, decider, HISTORY, open, opened, PROSECUTION_ID, wire } from './prosecution.fixtures.js';

describe('OpenProsecution', () => {
  it('opens a prosecution, normalizing the ids to lower case and the time to UTC', () => {
    given(decider, [])
      .when(open({ prosecutionId: PROSECUTION_ID.toUpperCase(), caseId: CASE_ID.toUpperCase() }))
      .then([opened]);
  });

  it('leaves an opened state whose last date is the opening date', () => {
    given(decider, []).when(open()).thenState({
      status: 'opened',
      prosecutionId: PROSECUTION_ID,
      caseId: CASE_ID,
      openedAt: '2026-01-10T14:00:00.000Z',
      lastOccurredAt: '2026-01-10T14:00:00.000Z',
    });
  });

  it('tolerates an opening time up to 5 minutes after now', () => {
    given(decider, [])
      .when(open({ openedAt: '2026-06-01T15:05:00Z' }))
      .then([{ ...opened, data: { ...opened.data, openedAt: '2026-06-01T15:05:00.000Z' } }]);
  });

  it('accepts an office name of exactly 200 characters', () => {
    const office = 'F'.repeat(200);
    given(decider, [])
      .when(open({ office }))
      .then([{ ...opened, data: { ...opened.data, office } }]);
  });

  it.each([
    ['prosecutionId', { prosecutionId: 'not-a-uuid' }],
    ['prosecutionId', { prosecutionId: undefined }],
    ['caseId', { caseId: 'case-1' }],
    ['caseId', { caseId: null }],
    ['office', { office: '' }],
    ['office', { office: '   ' }],
    ['office', { office: 'F'.repeat(201) }],
    ['office', { office: 42 }],
    ['openedAt', { openedAt: '2026-01-10' }],
    ['openedAt', { openedAt: '2026-01-10T09:00:00' }],
    ['openedAt', { openedAt: '2026-02-30T09:00:00-05:00' }],
    ['openedAt', { openedAt: '2026-06-01T15:05:01Z' }],
    ['openedAt', { openedAt: '1999-12-31T23:59:59Z' }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, []).when(open(data)).thenFieldErrors([field]);
  });

  it('lists every field problem at once', () => {
    given(decider, [])
      .when(open({ prosecutionId: 1, caseId: '', office: null, openedAt: 'ayer' }))
      .thenFieldErrors(['prosecutionId', 'caseId', 'office', 'openedAt']);
  });

  it('turns a command without data into field problems, not a crash', () => {
    given(decider, [])
      .when({ ...open(), data: wire(undefined) })
      .thenFieldErrors(['prosecutionId', 'caseId', 'office', 'openedAt']);
  });

  it.each(Object.entries(HISTORY))('refuses to open a prosecution already %s', (_status, history) => {
    given(decider, history).when(open()).thenThrows(NotAllowed, 'prosecution_already_opened');
  });
});
