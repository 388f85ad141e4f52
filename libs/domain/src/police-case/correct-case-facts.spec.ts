import { describe, expect, it } from '@jest/globals';
import { NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import {
  CASE_ID,
  closed,
  correctFacts,
  decider,
  factsCorrected,
  OTHER_CASE_ID,
  registered,
  registeredWithPeople,
  victimIdentified,
} from './police-case.fixtures.js';
import type { CaseRegistered } from './police-case.events.js';

const registeredWith = (data: Partial<CaseRegistered['data']>): CaseRegistered => ({
  ...registered,
  data: { ...registered.data, ...data },
});

describe('CorrectCaseFacts', () => {
  it('records only the fields that change, in the fixed field order, with the reason', () => {
    given(decider, registeredWithPeople)
      .when(
        correctFacts({
          purposes: ['labour_exploitation', 'sexual_exploitation'],
          policeUnit: registered.data.policeUnit,
          ubigeo: '15',
          occurredAt: '2026-02-20T22:00:00-05:00',
        }),
      )
      .then([factsCorrected({ ubigeo: '15', purposes: ['sexual_exploitation', 'labour_exploitation'] })]);
  });

  it('corrects a closed case too, which stays closed', () => {
    given(decider, [...registeredWithPeople, closed])
      .when(correctFacts({ policeUnit: 'DIRCTPTIM Lima' }))
      .thenState({ status: 'closed', policeUnit: 'DIRCTPTIM Lima' });
  });

  it('appends nothing when nothing changes (a retry of an applied correction)', () => {
    const changes = { ubigeo: '15', control: ['threats'] };
    given(decider, registeredWithPeople)
      .when(correctFacts(changes))
      .then([factsCorrected({ ubigeo: '15', control: ['threats'] })]);
    given(decider, [...registeredWithPeople, factsCorrected({ ubigeo: '15', control: ['threats'] })])
      .when(correctFacts(changes))
      .then([]);
  });

  it('records a date of the facts that becomes unknown, and every qualification list', () => {
    given(decider, registeredWithPeople)
      .when(
        correctFacts({
          occurredAt: null,
          offences: ['cp129a-l31146'],
          aggravatingCircumstances: ['victim_minor'],
          recruitment: ['job_offer'],
          control: ['threats'],
          labourSectors: ['T'],
          sexualExploitation: ['prostitution'],
        }),
      )
      .then([
        factsCorrected({
          occurredAt: null,
          offences: ['cp129a-l31146'],
          aggravatingCircumstances: ['victim_minor'],
          recruitment: ['job_offer'],
          control: ['threats'],
          labourSectors: ['T'],
          sexualExploitation: ['prostitution'],
        }),
      ]);
  });

  it('changes only the place roles given, recording the places as corrected', () => {
    const abroad = registeredWith({ places: { recruitment: null, transit: [{ ubigeo: '15' }], exploitation: { country: 'VE' } } });
    given(decider, [abroad])
      .when(correctFacts({ places: { recruitment: { ubigeo: '170101' } } }))
      .then([
        factsCorrected({ places: { recruitment: { ubigeo: '170101' }, transit: [{ ubigeo: '15' }], exploitation: { country: 'VE' } } }),
      ]);
    given(decider, [abroad])
      .when(correctFacts({ places: { exploitation: null, transit: [] } }))
      .then([factsCorrected({ places: { recruitment: null, transit: [], exploitation: null } })]);
    given(decider, [abroad])
      .when(correctFacts({ places: { exploitation: { country: 'VE' } } }))
      .then([]);
  });

  it('corrects the registration time, keeping the facts before it', () => {
    given(decider, registeredWithPeople)
      .when(correctFacts({ registeredAt: '2026-02-28T09:00:00-05:00' }))
      .then([factsCorrected({ registeredAt: '2026-02-28T14:00:00.000Z' })]);
    given(decider, registeredWithPeople)
      .when(correctFacts({ registeredAt: '2026-02-20T09:00:00-05:00' }))
      .thenFieldErrors(['changes.registeredAt']);
    given(decider, registeredWithPeople)
      .when(correctFacts({ registeredAt: '2026-02-20T09:00:00-05:00', occurredAt: '2026-02-19T09:00:00-05:00' }))
      .then([factsCorrected({ registeredAt: '2026-02-20T14:00:00.000Z', occurredAt: '2026-02-19T14:00:00.000Z' })]);
    given(decider, registeredWithPeople)
      .when(correctFacts({ occurredAt: '2026-03-01T09:00:01-05:00' }))
      .thenFieldErrors(['changes.occurredAt']);
  });

  describe('the law in force on the corrected date', () => {
    const qualified = registeredWith({ offences: ['cp129a-l31146'] });

    it('refuses a date of the facts on which the recorded offences were not in force', () => {
      given(decider, [qualified])
        .when(correctFacts({ occurredAt: '2021-03-30T12:00:00-05:00' }))
        .thenFieldErrors(['changes.occurredAt']);
      given(decider, [qualified])
        .when(correctFacts({ occurredAt: '2021-03-31T00:00:00-05:00' }))
        .then([factsCorrected({ occurredAt: '2021-03-31T05:00:00.000Z' })]);
    });

    it('accepts the new date with the offences then in force, and checks them against it', () => {
      given(decider, [qualified])
        .when(correctFacts({ occurredAt: '2020-06-01T12:00:00-05:00', offences: ['cp153-l30251', 'cp153b-l30963'] }))
        .then([factsCorrected({ occurredAt: '2020-06-01T17:00:00.000Z', offences: ['cp153-l30251', 'cp153b-l30963'] })]);
      given(decider, [qualified])
        .when(correctFacts({ occurredAt: '2014-10-21T12:00:00-05:00', offences: ['cp153-l28950', 'cp153-l30251'] }))
        .thenFieldErrors(['changes.offences[1]']);
    });

    it('reads the corrected registration date when the date of the facts is unknown', () => {
      const unknownDate = registeredWith({ occurredAt: null, offences: ['cp129a-l31146'] });
      given(decider, [unknownDate])
        .when(correctFacts({ registeredAt: '2021-03-30T12:00:00-05:00' }))
        .thenFieldErrors(['changes.registeredAt']);
      given(decider, [unknownDate])
        .when(correctFacts({ registeredAt: '2021-03-31T12:00:00-05:00' }))
        .then([factsCorrected({ registeredAt: '2021-03-31T17:00:00.000Z' })]);
    });

    it('checks corrected offences against the recorded date of the facts', () => {
      given(decider, registeredWithPeople)
        .when(correctFacts({ offences: ['cp303a-l28950', 'cp153-l30251'] }))
        .thenFieldErrors(['changes.offences[1]']);
    });
  });

  it.each([
    ['changes', { changes: {} }],
    ['changes', { changes: { ubigeo: undefined } }],
    ['changes', { changes: null }],
    ['changes', { changes: ['ubigeo'] }],
    ['changes.source', { changes: { source: 'walk_in' } }],
    ['changes.caseId', { changes: { caseId: OTHER_CASE_ID } }],
    ['changes.registeredAt', { changes: { registeredAt: '2026-03-01' } }],
    ['changes.registeredAt', { changes: { registeredAt: '2026-03-01T15:26:00Z' } }],
    ['changes.registeredAt', { changes: { registeredAt: null } }],
    ['changes.occurredAt', { changes: { occurredAt: 'ayer' } }],
    ['changes.policeUnit', { changes: { policeUnit: ' ' } }],
    ['changes.policeUnit', { changes: { policeUnit: null } }],
    ['changes.ubigeo', { changes: { ubigeo: '080101' } }],
    ['changes.ubigeo', { changes: { ubigeo: null } }],
    ['changes.purposes', { changes: { purposes: 'begging' } }],
    ['changes.offences', { changes: { offences: 'cp129a-l31146' } }],
    ['changes.offences[0]', { changes: { offences: ['cp999'] } }],
    ['changes.control', { changes: { control: 'threats' } }],
    ['changes.places', { changes: { places: 'Lima' } }],
    ['changes.places.exploitation.country', { changes: { places: { exploitation: { country: 'PE' } } } }],
    ['changes.places.transit[0].ubigeo', { changes: { places: { transit: [{ ubigeo: '99' }] } } }],
    ['reason', { reason: undefined }],
    ['reason', { reason: '  ' }],
    ['reason', { reason: 'x'.repeat(501) }],
  ])('refuses an invalid %s (%j), appending nothing', (field, row: { changes?: unknown; reason?: unknown }) => {
    const { changes, ...data } = row;
    given(decider, registeredWithPeople)
      .when(correctFacts('changes' in row ? changes : { ubigeo: '15' }, data))
      .thenFieldErrors([field]);
  });

  it('accepts a reason of 500 characters', () => {
    const event = decider.decide(correctFacts({ ubigeo: '15' }, { reason: 'x'.repeat(500) }), given(decider, registeredWithPeople).state());
    expect(event).toEqual([{ type: 'CaseFactsCorrected', data: { caseId: CASE_ID, changes: { ubigeo: '15' }, reason: 'x'.repeat(500) } }]);
  });

  it('refuses a correction of a case that is not registered, or of another stream', () => {
    given(decider, [])
      .when(correctFacts({ ubigeo: '15' }))
      .thenThrows(NotFound, 'case_not_found');
    given(decider, [registered, victimIdentified()])
      .when(correctFacts({ ubigeo: '15' }, { caseId: OTHER_CASE_ID }))
      .thenThrows(NotFound, 'case_not_found');
  });
});
