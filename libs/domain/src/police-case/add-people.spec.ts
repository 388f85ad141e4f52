import { describe, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import {
  addSuspects,
  addVictims,
  CASE_ID,
  closed,
  decider,
  OTHER_CASE_ID,
  referred,
  registered,
  registeredWithPeople,
  suspect,
  suspectIdentified,
  suspectInput,
  SUSPECT_ID,
  SUSPECT_ID_2,
  victim,
  victimIdentified,
  victimInput,
  VICTIM_ID,
  VICTIM_ID_2,
} from './police-case.fixtures.js';

const secondVictim = { victimId: VICTIM_ID_2, sex: 'female', age: 19, nationality: 'CO', fullName: 'Ana Gómez' };
const secondVictimFacts = {
  victimId: VICTIM_ID_2,
  sex: 'female' as const,
  age: 19,
  ageGroup: '18-24' as const,
  minor: false,
  nationality: 'CO',
  personal: { fullName: 'Ana Gómez', documentType: null, documentNumber: null, phone: null, address: null },
};

describe('AddVictims', () => {
  it('identifies each new victim with one event, in the order given', () => {
    given(decider, [registered])
      .when(addVictims([victimInput({ victimId: VICTIM_ID.toUpperCase() }), secondVictim]))
      .then([victimIdentified(), victimIdentified(secondVictimFacts)]);
  });

  it('lists the victims in the state, personal data included', () => {
    given(decider, registeredWithPeople)
      .when(addVictims([secondVictim]))
      .thenState({ status: 'open', victims: [victim, secondVictimFacts].map((v) => ({ ...v, voided: false })) });
  });

  it('still adds victims once the case is with the prosecutor', () => {
    given(decider, [registered, referred])
      .when(addVictims([secondVictim]))
      .thenState({ status: 'referred', victims: [{ ...secondVictimFacts, voided: false }] });
  });

  it.each([
    ['an empty list', []],
    ['no list', undefined],
    ['an object', victimInput()],
  ])('refuses %s', (_label, victims) => {
    given(decider, [registered]).when(addVictims(victims)).thenFieldErrors(['victims']);
  });

  it('refuses a victim already in the case, whatever the case of the id', () => {
    given(decider, registeredWithPeople)
      .when(addVictims([secondVictim, victimInput({ victimId: VICTIM_ID.toUpperCase() })]))
      .thenFieldErrors(['victims[1].victimId']);
  });

  it('refuses the same victim twice in one request and lists nested problems', () => {
    given(decider, [registered])
      .when(addVictims([secondVictim, { ...secondVictim, age: 'veinte' }]))
      .thenFieldErrors(['victims[1].victimId', 'victims[1].age']);
  });

  it('refuses a case that was never registered', () => {
    given(decider, [])
      .when(addVictims([secondVictim]))
      .thenThrows(NotFound, 'case_not_found');
  });

  it('refuses a command naming another case than the stream holds', () => {
    given(decider, [registered])
      .when(addVictims([secondVictim], OTHER_CASE_ID))
      .thenThrows(NotFound, 'case_not_found');
  });

  it('refuses a closed case', () => {
    given(decider, [registered, closed])
      .when(addVictims([secondVictim]))
      .thenThrows(NotAllowed, 'case_closed');
  });
});

describe('AddSuspects', () => {
  const second = { suspectId: SUSPECT_ID_2, sex: 'female', nationality: 'VE', role: 'controladora' };
  const secondFacts = { suspectId: SUSPECT_ID_2, sex: 'female' as const, age: null, nationality: 'VE', role: 'controladora' };

  it('identifies each new suspect with one event, in the order given', () => {
    given(decider, [registered])
      .when(addSuspects([suspectInput({ suspectId: SUSPECT_ID.toUpperCase() }), second], CASE_ID.toUpperCase()))
      .then([suspectIdentified(), suspectIdentified(secondFacts)]);
  });

  it('lists the suspects in the state', () => {
    given(decider, registeredWithPeople)
      .when(addSuspects([second]))
      .thenState({ status: 'open', suspects: [suspect, secondFacts].map((s) => ({ ...s, voided: false })) });
  });

  it('refuses an empty list', () => {
    given(decider, [registered]).when(addSuspects([])).thenFieldErrors(['suspects']);
  });

  it('refuses a suspect already in the case and invalid nested fields', () => {
    given(decider, registeredWithPeople)
      .when(addSuspects([suspectInput(), { ...second, nationality: 'unknown', role: 7 }]))
      .thenFieldErrors(['suspects[0].suspectId', 'suspects[1].role']);
  });

  it('refuses a case that was never registered', () => {
    given(decider, [])
      .when(addSuspects([second]))
      .thenThrows(NotFound, 'case_not_found');
  });

  it('refuses a closed case', () => {
    given(decider, [registered, closed])
      .when(addSuspects([second]))
      .thenThrows(NotAllowed, 'case_closed');
  });
});
