import { describe, expect, it } from '@jest/globals';
import { Conflict, NotAllowed, NotFound } from '../shared/errors.js';
import { fold } from '../shared/decider.js';
import { given } from '../testing/given-when-then.js';
import { criminalNetworkStreamName, NETWORK_ROLE_LABELS, NETWORK_ROLES } from './criminal-network.codes.js';
import {
  CASE_ID,
  caseLinked,
  decider,
  dismantle,
  dismantled,
  identified,
  identify,
  linkCase,
  linkSuspect,
  NETWORK_ID,
  suspectLinked,
  wire,
} from './criminal-network.fixtures.js';

const OTHER_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

describe('IdentifyNetwork', () => {
  it('identifies a network, ids lower-cased and the time in UTC', () => {
    given(decider, [])
      .when(identify({ networkId: NETWORK_ID.toUpperCase() }))
      .then([identified]);
  });

  it('keeps an absent alias and unit as null', () => {
    given(decider, [])
      .when(identify({ alias: undefined, policeUnit: null }))
      .then([{ ...identified, data: { ...identified.data, alias: null, policeUnit: null } }]);
  });

  it.each([
    ['networkId', { networkId: 'red-1' }],
    ['identifiedAt', { identifiedAt: '2026-06-01T15:05:01Z' }],
    ['identifiedAt', { identifiedAt: '2026-01-15' }],
    ['ubigeo', { ubigeo: undefined }],
    ['ubigeo', { ubigeo: '99' }],
    ['alias', { alias: 'A'.repeat(201) }],
    ['policeUnit', { policeUnit: 42 }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, []).when(identify(data)).thenFieldErrors([field]);
  });

  it('refuses a second identification', () => {
    given(decider, [identified]).when(identify()).thenThrows(NotAllowed, 'network_already_identified');
  });
});

describe('LinkCaseToNetwork', () => {
  it('links a case; the same link again appends nothing', () => {
    given(decider, [identified])
      .when(linkCase({ caseId: CASE_ID.toUpperCase() }))
      .then([caseLinked]);
    given(decider, [identified, caseLinked]).when(linkCase()).then([]);
  });

  it('refuses the same case with another date, naming caseId', () => {
    given(decider, [identified, caseLinked])
      .when(linkCase({ linkedAt: '2026-02-03T09:00:00-05:00' }))
      .thenFieldErrors(['caseId']);
  });

  it('refuses a link before the identification or in the future', () => {
    given(decider, [identified])
      .when(linkCase({ linkedAt: '2026-01-15T09:59:59-05:00' }))
      .thenFieldErrors(['linkedAt']);
    given(decider, [identified])
      .when(linkCase({ linkedAt: '2026-06-01T15:06:00Z' }))
      .thenFieldErrors(['linkedAt']);
  });

  it('accepts a link at the very instant of the identification', () => {
    given(decider, [identified])
      .when(linkCase({ linkedAt: '2026-01-15T10:00:00-05:00' }))
      .then([{ ...caseLinked, data: { ...caseLinked.data, linkedAt: '2026-01-15T15:00:00.000Z' } }]);
  });

  it('is not found on an unidentified network or another network id', () => {
    given(decider, []).when(linkCase()).thenThrows(NotFound, 'network_not_found');
    given(decider, [identified])
      .when(linkCase({ networkId: OTHER_ID }))
      .thenThrows(NotFound, 'network_not_found');
  });
});

describe('LinkSuspectToNetwork', () => {
  it('links a suspect of a linked case with a role; a retry appends nothing', () => {
    given(decider, [identified, caseLinked]).when(linkSuspect()).then([suspectLinked]);
    given(decider, [identified, caseLinked, suspectLinked]).when(linkSuspect()).then([]);
  });

  it('refuses a suspect whose case is not linked yet, naming caseId', () => {
    given(decider, [identified]).when(linkSuspect()).thenFieldErrors(['caseId']);
  });

  it('refuses a suspect linked before its case was', () => {
    given(decider, [identified, caseLinked])
      .when(linkSuspect({ linkedAt: '2026-01-31T09:00:00-05:00' }))
      .thenFieldErrors(['linkedAt']);
  });

  it('refuses a role that is not a code, and the same suspect with another role', () => {
    given(decider, [identified, caseLinked])
      .when(linkSuspect({ role: 'jefe de la banda' }))
      .thenFieldErrors(['role']);
    given(decider, [identified, caseLinked, suspectLinked])
      .when(linkSuspect({ role: 'leader' }))
      .thenFieldErrors(['suspectId']);
  });
});

describe('DismantleNetwork', () => {
  it('dismantles once; the same date again appends nothing; another date is a 409', () => {
    given(decider, [identified]).when(dismantle()).then([dismantled]);
    given(decider, [identified, dismantled]).when(dismantle()).then([]);
    given(decider, [identified, dismantled])
      .when(dismantle({ dismantledAt: '2026-04-02T10:00:00-05:00' }))
      .thenThrows(Conflict, 'network_already_dismantled');
  });

  it('refuses a dismantling before the identification', () => {
    given(decider, [identified])
      .when(dismantle({ dismantledAt: '2026-01-01T00:00:00-05:00' }))
      .thenFieldErrors(['dismantledAt']);
  });

  it('still links cases after the dismantling', () => {
    given(decider, [identified, dismantled])
      .when(linkCase({ linkedAt: '2026-05-01T09:00:00-05:00' }))
      .thenState({
        status: 'dismantled',
        cases: [{ caseId: CASE_ID, linkedAt: '2026-05-01T14:00:00.000Z' }],
      });
  });
});

describe('criminal network decider', () => {
  it('folds the history into the state', () => {
    expect(fold(decider, [identified, caseLinked, suspectLinked, dismantled])).toMatchObject({
      status: 'dismantled',
      networkId: NETWORK_ID,
      dismantledAt: dismantled.data.dismantledAt,
      suspects: [{ suspectId: suspectLinked.data.suspectId, role: 'recruiter' }],
    });
  });

  it('ignores a repeated event in evolve', () => {
    const state = fold(decider, [identified, caseLinked, caseLinked, identified]);
    expect(state.status === 'identified' && state.cases).toHaveLength(1);
  });

  it('refuses an unknown command type at run time', () => {
    expect(() => decider.decide(wire({ type: 'DeleteNetwork', data: {} }), decider.initialState())).toThrow(TypeError);
  });

  it('labels every role in both languages and names the stream', () => {
    expect(NETWORK_ROLES).toHaveLength(11);
    for (const role of NETWORK_ROLES) expect(NETWORK_ROLE_LABELS[role].es.length * NETWORK_ROLE_LABELS[role].en.length).toBeGreaterThan(0);
    expect(criminalNetworkStreamName(NETWORK_ID.toUpperCase())).toBe(`criminal-network-${NETWORK_ID}`);
  });
});
