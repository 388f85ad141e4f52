import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '#event-store';
import { toCloudEvent, toIntegrationMessage } from './integration-contract.js';

const callId = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  globalPosition: 7,
  transactionId: '812',
  streamId: `hotline-call-${callId}`,
  streamPosition: 1,
  eventId: '0b6f8c1e-3f0a-4a8e-9d0f-5a1c2b3d4e5f',
  type,
  schemaVersion: 1,
  data,
  metadata: { actor: 'operator:ana.quispe' },
  recordedAt: '2025-03-03T14:00:02.118Z',
  hash: 'h',
});

/** The allow-list decides what leaves, whatever the event carries. */
describe('the integration contract', () => {
  it('sends a value only when it has its declared kind: a sealed value or a text in a code field becomes null', () => {
    const event = recorded('HotlineCallReceived', {
      callId,
      receivedAt: '2025-03-03T09:00:00-05:00',
      channel: 'sealed:v1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8',
      language: 'quechua de Ayacucho, habla poco castellano',
      callerUbigeo: 'Av. Los Próceres 455',
      anonymous: 'yes',
      topic: { nested: 'Rosa' },
      summary: 'Rosa Mamani',
      newField: 'a field added to the event later',
    });
    expect(toCloudEvent(event, 'urn:test')?.data).toEqual({
      callId,
      receivedAt: '2025-03-03T09:00:00-05:00',
      channel: null,
      language: null,
      topic: null,
      anonymous: null,
      callerUbigeo: null,
    });
  });

  it('counts a list instead of sending it, and publishes nothing for a type not listed', () => {
    const trialId = 'a1b2c3d4-0000-4000-8000-000000000001';
    const ruling = recorded('RulingIssued', {
      trialId,
      ruledAt: '2025-06-01T10:00:00-05:00',
      verdict: 'conviction',
      sentenceYears: 15,
      defendants: ['c1b2c3d4-0000-4000-8000-000000000002', 'c1b2c3d4-0000-4000-8000-000000000003'],
      instance: 1,
    });
    expect(toCloudEvent(ruling, 'urn:test')?.data).toEqual({
      trialId,
      ruledAt: '2025-06-01T10:00:00-05:00',
      verdict: 'conviction',
      instance: 1,
      defendantCount: 2,
    });
    expect(toIntegrationMessage(recorded('VictimAdded', { fullName: 'Rosa Mamani' }), 'urn:test')).toBeNull();
    expect(toIntegrationMessage(recorded('HotlineCallClosed', { callId }), 'urn:test')).toMatchObject({
      topic: 'registro.hotline-calls',
      key: `hotline-call-${callId}`,
      headers: { ce_type: 'pe.gob.registro-trata.HotlineCallClosed.v1' },
    });
  });

  it('sends a list of codes only when every item is a code, and a correction as the names of the fields it changed', () => {
    const caseId = 'd1b2c3d4-0000-4000-8000-000000000004';
    const registered = recorded('CaseRegistered', {
      caseId,
      registeredAt: '2026-03-01T14:00:00.000Z',
      occurredAt: null,
      policeUnit: 'Comisaría de Tambopata',
      ubigeo: '1701',
      source: 'walk_in',
      referralId: null,
      purposes: ['sexual_exploitation', 'la víctima dice que su tío la llevó'],
    });
    expect(toCloudEvent(registered, 'urn:test')?.data).toEqual({
      caseId,
      registeredAt: '2026-03-01T14:00:00.000Z',
      occurredAt: null,
      ubigeo: '1701',
      source: 'walk_in',
      referralId: null,
      purposes: null,
      offences: null,
    });
    const corrected = recorded('CaseFactsCorrected', {
      caseId,
      changes: { policeUnit: 'DIRCTPTIM Madre de Dios', occurredAt: null, purposes: ['labour_exploitation'] },
      reason: 'Error de digitación: Rosa Mamani',
    });
    expect(toCloudEvent(corrected, 'urn:test')?.data).toEqual({
      caseId,
      changedFields: ['policeUnit', 'occurredAt', 'purposes'],
      registeredAt: null,
      occurredAt: null,
      ubigeo: null,
      purposes: ['labour_exploitation'],
      offences: null,
    });
  });
});
