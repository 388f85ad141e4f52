import { describe, it } from '@jest/globals';
import { given } from '../testing/given-when-then.js';
import {
  decider,
  register,
  registered,
  suspectInput,
  victimIdentified,
  victimInput,
  VICTIM_ID,
  VICTIM_ID_2,
} from './police-case.fixtures.js';

/** The rules of a person, as checked when a case is registered; adding people later shares them. */
describe('RegisterCase, people', () => {
  it.each([
    ['victimId', { victimId: 'v-1' }],
    ['age', { age: -1 }],
    ['age', { age: 121 }],
    ['age', { age: 16.5 }],
    ['age', { age: '16' }],
    ['nationality', { nationality: 've' }],
    ['nationality', { nationality: 'VEN' }],
    ['nationality', { nationality: 'AR' }],
    ['nationality', { nationality: undefined }],
    ['fullName', { fullName: 'x'.repeat(201) }],
    ['documentNumber', { documentNumber: '1'.repeat(31) }],
    ['phone', { phone: 987654321 }],
    ['address', { address: 'x'.repeat(301) }],
  ])('refuses a victim with an invalid %s (%j)', (field, data) => {
    given(decider, [])
      .when(register({ victims: [victimInput(), victimInput({ victimId: VICTIM_ID_2, ...data })] }))
      .thenFieldErrors([`victims[1].${field}`]);
  });

  it.each([
    ['suspectId', { suspectId: 42 }],
    ['age', { age: 200 }],
    ['nationality', { nationality: 'XX' }],
    ['role', { role: 'x'.repeat(201) }],
  ])('refuses a suspect with an invalid %s (%j)', (field, data) => {
    given(decider, [])
      .when(register({ suspects: [suspectInput(data)] }))
      .thenFieldErrors([`suspects[0].${field}`]);
  });

  it('accepts personal fields at their length limits', () => {
    const personal = { fullName: 'x'.repeat(200), documentNumber: '1'.repeat(30), phone: '9'.repeat(30), address: 'y'.repeat(300) };
    given(decider, [])
      .when(register({ victims: [victimInput({ ...personal, documentType: 'PASSPORT' })], suspects: [] }))
      .then([registered, victimIdentified({ personal: { ...personal, documentType: 'PASSPORT' } })]);
  });

  it('refuses the same person twice in one denunciation, whatever the case of the id', () => {
    given(decider, [])
      .when(
        register({
          victims: [victimInput(), victimInput({ victimId: VICTIM_ID.toUpperCase() })],
          suspects: [suspectInput(), suspectInput({ role: 'transportista' })],
        }),
      )
      .thenFieldErrors(['victims[1].victimId', 'suspects[1].suspectId']);
  });
});
