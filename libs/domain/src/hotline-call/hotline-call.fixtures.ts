/** Test data for the hotline-call specs: one call received 5 minutes before the registry handles commands. */
import type { CommandMetadata } from '../shared/decider.js';
import { UbigeoCatalog } from '../reference/ubigeo.js';
import type { ClassifyHotlineCall, CloseHotlineCall, CorrectHotlineCall, RecordHotlineCall } from './hotline-call.commands.js';
import type { HotlineCallOutcome, HotlineCallTopic } from './hotline-call.codes.js';
import { createHotlineCallDecider } from './hotline-call.decider.js';
import type { HotlineCallClassified, HotlineCallClosed, HotlineCallReceived } from './hotline-call.events.js';

export const NOW = '2026-03-01T15:20:00.000Z';
export const metadata: CommandMetadata = { now: NOW, actor: 'operator-7' };
export const CALL_ID = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
export const OTHER_CALL_ID = '0b6e1f1c-2f1d-4a8e-8f9a-3c2d1e0f9a8b';

export const ubigeo = new UbigeoCatalog([
  { ubigeo: '150101', departamento: 'Lima', provincia: 'Lima', distrito: 'Lima' },
  { ubigeo: '150102', departamento: 'Lima', provincia: 'Lima', distrito: 'Ancón' },
  { ubigeo: '080101', departamento: 'Cusco', provincia: 'Cusco', distrito: 'Cusco' },
]);
export const decider = createHotlineCallDecider({ ubigeo });

/** Lets a spec send what a careless client could send, bypassing the command's static types. */
export const wire = (value: unknown): never => value as never;

/** Codes are typed: the edge parses them, so a spec cannot send an unknown one to the decider. */
type CodeFields = 'channel' | 'language' | 'topic';
type WireData = Partial<Record<Exclude<keyof RecordHotlineCall['data'], CodeFields>, unknown>> &
  Partial<Pick<RecordHotlineCall['data'], CodeFields>>;

export const record = (data: WireData = {}): RecordHotlineCall => ({
  type: 'RecordHotlineCall',
  data: {
    callId: CALL_ID,
    receivedAt: '2026-03-01T10:15:00-05:00',
    channel: 'phone',
    language: 'es',
    callerUbigeo: '150101',
    anonymous: false,
    topic: 'information',
    summary: 'Pregunta por oferta de trabajo en Madre de Dios',
    ...(data as object),
  },
  metadata,
});

export const received: HotlineCallReceived = {
  type: 'HotlineCallReceived',
  data: {
    callId: CALL_ID,
    receivedAt: '2026-03-01T15:15:00.000Z',
    channel: 'phone',
    language: 'es',
    callerUbigeo: '150101',
    anonymous: false,
    topic: 'information',
    summary: 'Pregunta por oferta de trabajo en Madre de Dios',
  },
};

export const classify = (topic: HotlineCallTopic, reason?: unknown, callId: string = CALL_ID): ClassifyHotlineCall => ({
  type: 'ClassifyHotlineCall',
  data: { callId, topic, ...(reason === undefined ? {} : { reason: wire(reason) }) },
  metadata,
});

export const classified = (topic: HotlineCallTopic, previousTopic: HotlineCallTopic): HotlineCallClassified => ({
  type: 'HotlineCallClassified',
  data: { callId: CALL_ID, topic, previousTopic, reason: null },
});

export const correct = (changes: unknown, reason: unknown = 'Error de digitación'): CorrectHotlineCall => ({
  type: 'CorrectHotlineCall',
  data: { callId: CALL_ID, changes: wire(changes), reason: wire(reason) },
  metadata,
});

export const close = (closedAt: unknown = '2026-03-01T10:18:00-05:00', outcome: HotlineCallOutcome = 'referred'): CloseHotlineCall => ({
  type: 'CloseHotlineCall',
  data: { callId: CALL_ID, closedAt: wire(closedAt), outcome },
  metadata,
});

export const closed: HotlineCallClosed = {
  type: 'HotlineCallClosed',
  data: { callId: CALL_ID, closedAt: '2026-03-01T15:18:00.000Z', outcome: 'referred' },
};
