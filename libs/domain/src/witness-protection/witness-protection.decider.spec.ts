import { describe, it } from '@jest/globals';
import { given } from '../testing/given-when-then.js';
import type { GrantProtectionMeasure, RecordGesellInterview } from './witness-protection.commands.js';
import { createWitnessProtectionDecider } from './witness-protection.decider.js';
import type { GesellInterviewHeld, ProtectionMeasureGranted } from './witness-protection.events.js';

const decider = createWitnessProtectionDecider();
const PROSECUTION_ID = '5b0c3c3e-1d2f-4a5b-8c6d-7e8f9a0b1c2d';
const VICTIM_ID = '6c1d4d4f-2e3a-4b6c-9d7e-8f9a0b1c2d3e';
const WITNESS_ID = '7d2e5e5a-3f4b-4c7d-8e8f-9a0b1c2d3e4f';
const MEASURE_ID = '8e3f6f6b-4a5c-4d8e-9f9a-0b1c2d3e4f5a';
const INTERVIEW_ID = '9f4a7a7c-5b6d-4e9f-8a0b-1c2d3e4f5a6b';
const metadata = { now: '2026-03-10T12:00:00.000Z', actor: 'prosecutor:test' };
const context = { prosecutionOpenedAt: '2026-03-01T15:00:00.000Z', caseVictimIds: [VICTIM_ID] };

const grant = (data: Partial<GrantProtectionMeasure['data']> = {}): GrantProtectionMeasure => ({
  type: 'GrantProtectionMeasure',
  data: {
    ...context,
    prosecutionId: PROSECUTION_ID,
    measureId: MEASURE_ID,
    protectedPerson: 'victim',
    victimId: VICTIM_ID,
    measure: 'identity_reserve',
    grantedAt: '2026-03-02T10:00:00-05:00',
    ...data,
  },
  metadata,
});
const granted: ProtectionMeasureGranted = {
  type: 'ProtectionMeasureGranted',
  data: {
    prosecutionId: PROSECUTION_ID,
    measureId: MEASURE_ID,
    protectedPerson: 'victim',
    personId: VICTIM_ID,
    witnessReference: null,
    measure: 'identity_reserve',
    grantedAt: '2026-03-02T15:00:00.000Z',
    endsAt: null,
    notes: null,
  },
};
const interview = (data: Partial<RecordGesellInterview['data']> = {}): RecordGesellInterview => ({
  type: 'RecordGesellInterview',
  data: {
    ...context,
    prosecutionId: PROSECUTION_ID,
    interviewId: INTERVIEW_ID,
    victimId: VICTIM_ID,
    heldAt: '2026-03-03T09:00:00-05:00',
    ...data,
  },
  metadata,
});
const held: GesellInterviewHeld = {
  type: 'GesellInterviewHeld',
  data: { prosecutionId: PROSECUTION_ID, interviewId: INTERVIEW_ID, victimId: VICTIM_ID, heldAt: '2026-03-03T14:00:00.000Z' },
};

describe('GrantProtectionMeasure', () => {
  it('grants a measure to a victim of the case, times in UTC, the context left out of the event', () => {
    given(decider)
      .when(grant({ victimId: VICTIM_ID.toUpperCase() }))
      .then([granted]);
  });

  it('grants a measure to a witness under its own id, with its reference and an end date', () => {
    const command = grant({
      protectedPerson: 'witness',
      victimId: null,
      witnessId: WITNESS_ID,
      witnessReference: 'Testigo TP-12',
      measure: 'police_protection',
      endsAt: '2026-09-02T00:00:00-05:00',
      notes: 'Rondas diarias',
    });
    given(decider)
      .when(command)
      .then([
        {
          type: 'ProtectionMeasureGranted',
          data: {
            ...granted.data,
            protectedPerson: 'witness',
            personId: WITNESS_ID,
            witnessReference: 'Testigo TP-12',
            measure: 'police_protection',
            endsAt: '2026-09-02T05:00:00.000Z',
            notes: 'Rondas diarias',
          },
        },
      ]);
  });

  it('refuses a victim that is not of the case, naming the field', () => {
    given(decider)
      .when(grant({ victimId: WITNESS_ID }))
      .thenFieldErrors(['victimId']);
  });

  it('refuses a witness without a reference and an unknown measure code', () => {
    given(decider)
      .when(grant({ protectedPerson: 'witness', victimId: null, witnessId: WITNESS_ID, measure: 'hide' as never }))
      .thenFieldErrors(['witnessReference', 'measure']);
  });

  it('refuses a grant before the prosecution opened, in the future, or ending before it starts', () => {
    given(decider)
      .when(grant({ grantedAt: '2026-03-01T09:00:00-05:00' }))
      .thenFieldErrors(['grantedAt']);
    given(decider)
      .when(grant({ grantedAt: '2026-03-11T12:00:00Z' }))
      .thenFieldErrors(['grantedAt']);
    given(decider)
      .when(grant({ endsAt: '2026-03-01T00:00:00Z' }))
      .thenFieldErrors(['endsAt']);
  });

  it('does nothing when the same measure is sent again, and refuses its id with other data', () => {
    given(decider, [granted]).when(grant()).then([]);
    given(decider, [granted])
      .when(grant({ measure: 'address_reserve' }))
      .thenFieldErrors(['measureId']);
  });

  it('keeps every measure and interview in the state', () => {
    given(decider, [granted, held])
      .when(grant({ measureId: '0a5b8b8d-6c7e-4f0a-9b1c-2d3e4f5a6b7c', measure: 'gesell_testimony' }))
      .thenState({ status: 'recorded', prosecutionId: PROSECUTION_ID });
  });
});

describe('RecordGesellInterview', () => {
  it('records an interview of a victim of the case', () => {
    given(decider, [granted]).when(interview()).then([held]);
  });

  it('does nothing on a retry and refuses the same id on another day', () => {
    given(decider, [held]).when(interview()).then([]);
    given(decider, [held])
      .when(interview({ heldAt: '2026-03-04T09:00:00-05:00' }))
      .thenFieldErrors(['interviewId']);
  });

  it('refuses another victim, a bad id and a date before the opening', () => {
    given(decider)
      .when(interview({ victimId: WITNESS_ID, interviewId: 'x', heldAt: '2026-02-28T00:00:00Z' }))
      .thenFieldErrors(['interviewId', 'victimId', 'heldAt']);
  });
});
