import { describe, expect, it } from '@jest/globals';
import { NotAllowed } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import {
  CASE_ID,
  closed,
  decider,
  NOW,
  register,
  registered,
  registeredWithPeople,
  REFERRAL_ID,
  suspectIdentified,
  suspectInput,
  SUSPECT_ID,
  SUSPECT_ID_2,
  victimIdentified,
  victimInput,
  VICTIM_ID,
  VICTIM_ID_2,
} from './police-case.fixtures.js';

const withData = (data: Partial<typeof registered.data>) => ({ ...registered, data: { ...registered.data, ...data } });

describe('RegisterCase', () => {
  it('registers the denunciation, then each victim and suspect, ids lower-cased and times in UTC', () => {
    given(decider, [])
      .when(
        register({
          caseId: CASE_ID.toUpperCase(),
          referralId: REFERRAL_ID.toUpperCase(),
          victims: [victimInput({ victimId: VICTIM_ID.toUpperCase() })],
          suspects: [suspectInput({ suspectId: SUSPECT_ID.toUpperCase() })],
        }),
      )
      .then(registeredWithPeople);
  });

  it('keeps people in the order given', () => {
    const second = { victimId: VICTIM_ID_2, sex: 'male', age: 30, nationality: 'unknown' };
    given(decider, [])
      .when(
        register({
          victims: [victimInput(), second],
          suspects: [suspectInput(), suspectInput({ suspectId: SUSPECT_ID_2, role: undefined, age: null })],
        }),
      )
      .then([
        registered,
        victimIdentified(),
        victimIdentified({
          victimId: VICTIM_ID_2,
          sex: 'male',
          age: 30,
          ageGroup: '30-44',
          minor: false,
          nationality: 'unknown',
          personal: { fullName: null, documentType: null, documentNumber: null, phone: null, address: null },
        }),
        suspectIdentified(),
        suspectIdentified({ suspectId: SUSPECT_ID_2, age: null, role: null }),
      ]);
  });

  it('records an unknown age as the unknown group, neither minor nor adult', () => {
    given(decider, [])
      .when(register({ victims: [victimInput({ age: null })], suspects: [] }))
      .then([registered, victimIdentified({ age: null, ageGroup: 'unknown', minor: null })]);
  });

  it('registers a walk-in case with no referral, no known purpose and no people yet', () => {
    given(decider, [])
      .when(register({ source: 'walk_in', referralId: undefined, occurredAt: null, purposes: [], victims: [], suspects: [] }))
      .then([withData({ source: 'walk_in', referralId: null, occurredAt: null, purposes: [] })]);
  });

  it('keeps a referral id given for another source', () => {
    given(decider, [])
      .when(register({ source: 'other_institution', victims: [], suspects: [] }))
      .then([withData({ source: 'other_institution' })]);
  });

  it('lists each purpose once, in the fixed order', () => {
    given(decider, [])
      .when(register({ purposes: ['begging', 'sexual_exploitation', 'begging'], victims: [], suspects: [] }))
      .then([withData({ purposes: ['sexual_exploitation', 'begging'] })]);
  });

  it.each(['17', '1701', '150101'])('accepts the department, province or district code %s', (code) => {
    given(decider, [])
      .when(register({ ubigeo: code, victims: [], suspects: [] }))
      .then([withData({ ubigeo: code })]);
  });

  it('accepts facts long before 2000 and at the very moment of registration', () => {
    given(decider, [])
      .when(register({ occurredAt: '1998-06-01T00:00:00Z', victims: [], suspects: [] }))
      .then([withData({ occurredAt: '1998-06-01T00:00:00.000Z' })]);
    given(decider, [])
      .when(register({ occurredAt: '2026-03-01T14:00:00Z', victims: [], suspects: [] }))
      .then([withData({ occurredAt: '2026-03-01T14:00:00.000Z' })]);
  });

  it('tolerates a registration time up to 5 minutes after now', () => {
    given(decider, [])
      .when(register({ registeredAt: '2026-03-01T15:25:00Z', victims: [], suspects: [] }))
      .then([withData({ registeredAt: '2026-03-01T15:25:00.000Z' })]);
  });

  it('produces byte-identical events on a retry at another time by another actor', () => {
    const first = decider.decide(register(), decider.initialState());
    const retry = decider.decide({ ...register(), metadata: { now: '2026-03-01T16:00:00Z', actor: 'api-retry' } }, decider.initialState());
    expect(JSON.stringify(retry)).toBe(JSON.stringify(first));
    expect(JSON.stringify(first)).not.toContain('officer-12');
    expect(JSON.stringify(first)).not.toContain(NOW);
  });

  it.each([
    ['caseId', { caseId: 'not-a-uuid' }],
    ['registeredAt', { registeredAt: '2026-03-01' }],
    ['registeredAt', { registeredAt: '2026-03-01T09:00:00' }],
    ['registeredAt', { registeredAt: '2026-03-01T15:25:01Z' }],
    ['registeredAt', { registeredAt: '1999-12-31T23:59:59Z' }],
    ['occurredAt', { occurredAt: 'ayer' }],
    ['occurredAt', { occurredAt: '2026-03-01T14:00:01Z' }],
    ['policeUnit', { policeUnit: '' }],
    ['policeUnit', { policeUnit: '   ' }],
    ['policeUnit', { policeUnit: 'x'.repeat(201) }],
    ['ubigeo', { ubigeo: undefined }],
    ['ubigeo', { ubigeo: null }],
    ['ubigeo', { ubigeo: '17010' }],
    ['ubigeo', { ubigeo: 170101 }],
    ['ubigeo', { ubigeo: '080101' }],
    ['referralId', { referralId: undefined }],
    ['referralId', { referralId: null }],
    ['referralId', { referralId: 'call-12' }],
    ['purposes', { purposes: 'sexual_exploitation' }],
    ['purposes', { purposes: undefined }],
    ['victims', { victims: undefined }],
    ['suspects', { suspects: {} }],
    ['victims[0]', { victims: [null] }],
    ['suspects[0]', { suspects: ['Juan'] }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, []).when(register(data)).thenFieldErrors([field]);
  });

  it('lists every field problem at once, nested ones included', () => {
    given(decider, [])
      .when(
        register({
          caseId: 42,
          registeredAt: 'hoy',
          policeUnit: null,
          ubigeo: '99',
          source: 'hotline_referral',
          referralId: null,
          victims: [victimInput({ age: 300, nationality: 'Venezuela' })],
          suspects: [suspectInput({ suspectId: 'x' })],
        }),
      )
      .thenFieldErrors([
        'caseId',
        'registeredAt',
        'policeUnit',
        'ubigeo',
        'referralId',
        'victims[0].age',
        'victims[0].nationality',
        'suspects[0].suspectId',
      ]);
  });

  it('refuses to register a case twice, before looking at the data', () => {
    given(decider, registeredWithPeople)
      .when(register({ caseId: 'x' }))
      .thenThrows(NotAllowed, 'case_already_registered');
    given(decider, [registered, closed]).when(register()).thenThrows(NotAllowed, 'case_already_registered');
  });
});
