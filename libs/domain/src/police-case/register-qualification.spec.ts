import { describe, it } from '@jest/globals';
import { given } from '../testing/given-when-then.js';
import { MAX_TRANSIT_PLACES } from './police-case.codes.js';
import { decider, register, registered } from './police-case.fixtures.js';

const withData = (data: Partial<typeof registered.data>) => ({ ...registered, data: { ...registered.data, ...data } });
const noPeople = { victims: [], suspects: [] };

describe('RegisterCase: the offence under the law in force', () => {
  it.each([
    ['the last day of Ley 28950', '2014-10-21T23:59:59-05:00', 'cp153-l28950', '2014-10-22T04:59:59.000Z'],
    ['the first day of Ley 30251', '2014-10-22T00:00:00-05:00', 'cp153-l30251', '2014-10-22T05:00:00.000Z'],
    ['the last day of Ley 30251', '2021-03-30T23:59:00-05:00', 'cp153-l30251', '2021-03-31T04:59:00.000Z'],
    ['the first day of Ley 31146', '2021-03-31T00:00:00-05:00', 'cp129a-l31146', '2021-03-31T05:00:00.000Z'],
    ['a UTC instant that is still the day before in Lima', '2014-10-22T03:00:00Z', 'cp153-l28950', '2014-10-22T03:00:00.000Z'],
  ])('accepts on %s (%s) the offence then in force', (_label, occurredAt, offence, stored) => {
    given(decider, [])
      .when(register({ occurredAt, offences: [offence], ...noPeople }))
      .then([withData({ occurredAt: stored, offences: [offence as never] })]);
  });

  it.each([
    ['the day before Ley 30251', '2014-10-21T23:59:59-05:00', 'cp153-l30251'],
    ['the first day of Ley 30251', '2014-10-22T00:00:00-05:00', 'cp153-l28950'],
    ['the day before Ley 31146', '2021-03-30T23:59:00-05:00', 'cp129a-l31146'],
    ['the first day of Ley 31146', '2021-03-31T00:00:00-05:00', 'cp153-l30251'],
    ['the first day of Ley 31146, the aggravated form of 2007', '2021-03-31T00:00:00-05:00', 'cp153a-l28950'],
  ])('refuses on %s (%s) an offence not in force, naming its position', (_label, occurredAt, offence) => {
    given(decider, [])
      .when(register({ occurredAt, offences: ['cp303a-l28950', offence], ...noPeople }))
      .thenFieldErrors(['offences[1]']);
  });

  it('refuses an offence on a date before the law that created it', () => {
    given(decider, [])
      .when(register({ occurredAt: '2006-12-31T12:00:00-05:00', offences: ['cp303a-l28950'], ...noPeople }))
      .thenFieldErrors(['offences[0]']);
  });

  it('reads the law on the registration date when the date of the facts is unknown', () => {
    given(decider, [])
      .when(register({ occurredAt: null, offences: ['cp129a-l31146'], ...noPeople }))
      .then([withData({ occurredAt: null, offences: ['cp129a-l31146'] })]);
    given(decider, [])
      .when(register({ occurredAt: null, offences: ['cp153-l30251'], ...noPeople }))
      .thenFieldErrors(['offences[0]']);
  });

  it('refuses an offence code the catalog does not know', () => {
    given(decider, [])
      .when(register({ offences: ['cp129a-l31146', 'cp999'], ...noPeople }))
      .thenFieldErrors(['offences[1]']);
  });

  it('lists each offence once, in the catalog order', () => {
    given(decider, [])
      .when(register({ offences: ['cp303a-l28950', 'cp129a-l31146', 'cp303a-l28950'], ...noPeople }))
      .then([withData({ offences: ['cp129a-l31146', 'cp303a-l28950'] })]);
  });

  it('does not check the law when the date itself is refused', () => {
    given(decider, [])
      .when(register({ occurredAt: 'ayer', offences: ['cp153-l28950'], ...noPeople }))
      .thenFieldErrors(['occurredAt']);
  });
});

describe('RegisterCase: circumstances, places and references', () => {
  it('registers facts abroad: the case belongs where it was reported, the exploitation place is a country', () => {
    given(decider, [])
      .when(
        register({
          ubigeo: '15',
          offences: ['cp129b-l31146', 'cp129a-l31146'],
          aggravatingCircumstances: ['victim_minor', 'several_victims'],
          places: { recruitment: { ubigeo: '170101' }, transit: [{ ubigeo: '15' }, { country: 'CO' }], exploitation: { country: 'VE' } },
          recruitment: ['internet_or_app', 'job_offer'],
          control: ['withheld_documents', 'debt_bondage'],
          labourSectors: ['T', 'B'],
          sexualExploitation: ['prostitution'],
          ...noPeople,
        }),
      )
      .then([
        withData({
          ubigeo: '15',
          offences: ['cp129a-l31146', 'cp129b-l31146'],
          aggravatingCircumstances: ['several_victims', 'victim_minor'],
          places: { recruitment: { ubigeo: '170101' }, transit: [{ ubigeo: '15' }, { country: 'CO' }], exploitation: { country: 'VE' } },
          recruitment: ['job_offer', 'internet_or_app'],
          control: ['debt_bondage', 'withheld_documents'],
          labourSectors: ['B', 'T'],
          sexualExploitation: ['prostitution'],
        }),
      ]);
  });

  it('keeps only the place of each role, no stray keys, and leaves absent roles unknown', () => {
    given(decider, [])
      .when(register({ places: { exploitation: { ubigeo: '1701', note: 'x' } }, ...noPeople }))
      .then([withData({ places: { recruitment: null, transit: [], exploitation: { ubigeo: '1701' } } })]);
  });

  it('lists each code once in catalog order and never records a code its catalog lacks', () => {
    given(decider, [])
      .when(register({ aggravatingCircumstances: ['victim_minor', 'bogus', 'victim_minor'], control: ['other', 'threats'], ...noPeople }))
      .then([withData({ aggravatingCircumstances: ['victim_minor'], control: ['threats', 'other'] })]);
  });

  it('trims external references and drops blank ones', () => {
    given(decider, [])
      .when(register({ references: { policeReport: '  0123-2026-DIRCTPTIM ', prosecutorFile: '   ', courtFile: null }, ...noPeople }))
      .then([withData({ references: { policeReport: '0123-2026-DIRCTPTIM' } })]);
  });

  it.each([
    ['offences', { offences: 'cp129a-l31146' }],
    ['aggravatingCircumstances', { aggravatingCircumstances: 'victim_minor' }],
    ['recruitment', { recruitment: {} }],
    ['control', { control: 3 }],
    ['labourSectors', { labourSectors: 'A' }],
    ['sexualExploitation', { sexualExploitation: 'prostitution' }],
    ['places', { places: [] }],
    ['places.exploitation.country', { places: { exploitation: { country: 'PE' } } }],
    ['places.exploitation.country', { places: { exploitation: { country: 'ZZ' } } }],
    ['places.exploitation.country', { places: { exploitation: { country: 've' } } }],
    ['places.recruitment.ubigeo', { places: { recruitment: { ubigeo: '080101' } } }],
    ['places.recruitment.ubigeo', { places: { recruitment: { ubigeo: '1701011' } } }],
    ['places.recruitment', { places: { recruitment: { ubigeo: '15', country: 'CO' } } }],
    ['places.recruitment', { places: { recruitment: {} } }],
    ['places.recruitment', { places: { recruitment: 'Lima' } }],
    ['places.transit', { places: { transit: { ubigeo: '15' } } }],
    ['places.transit', { places: { transit: Array.from({ length: MAX_TRANSIT_PLACES + 1 }, () => ({ ubigeo: '15' })) } }],
    ['places.transit[1].country', { places: { transit: [{ ubigeo: '15' }, { country: 'XX' }] } }],
    ['references', { references: 'A-1' }],
    ['references.policeReport', { references: { policeReport: 'x'.repeat(61) } }],
    ['references.courtFile', { references: { courtFile: 42 } }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, [])
      .when(register({ ...data, ...noPeople }))
      .thenFieldErrors([field]);
  });

  it('accepts the most transit places and a reference of the maximum length', () => {
    const transit = Array.from({ length: MAX_TRANSIT_PLACES }, () => ({ ubigeo: '15' }));
    given(decider, [])
      .when(register({ places: { transit }, references: { courtFile: 'x'.repeat(60) }, ...noPeople }))
      .then([withData({ places: { recruitment: null, transit, exploitation: null }, references: { courtFile: 'x'.repeat(60) } })]);
  });
});
