/**
 * Test data for the referral specs: a trafficking call referred to the police 4 minutes before the registry
 * handles commands, answered a minute later, then completed or revoked.
 */
import type { CommandMetadata } from '../shared/decider.js';
import { UbigeoCatalog } from '../reference/ubigeo.js';
import type { AcceptReferral, CompleteReferral, RejectReferral, RevokeReferral, SendReferral } from './referral.commands.js';
import { createReferralDecider } from './referral.decider.js';
import type {
  ReferralAccepted,
  ReferralCompleted,
  ReferralEvent,
  ReferralRejected,
  ReferralRevoked,
  ReferralSent,
} from './referral.events.js';
import type { ReferralState } from './referral.state.js';

export const NOW = '2026-03-01T15:20:00.000Z';
export const metadata: CommandMetadata = { now: NOW, actor: 'operator-7' };
export const REFERRAL_ID = '3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
export const OTHER_REFERRAL_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
export const CALL_ID = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
export const CASE_ID = 'c0ffee00-1234-4abc-8def-0123456789ab';

export const ubigeo = new UbigeoCatalog([
  { ubigeo: '150101', departamento: 'Lima', provincia: 'Lima', distrito: 'Lima' },
  { ubigeo: '150102', departamento: 'Lima', provincia: 'Lima', distrito: 'Ancón' },
  { ubigeo: '080101', departamento: 'Cusco', provincia: 'Cusco', distrito: 'Cusco' },
]);
export const decider = createReferralDecider({ ubigeo });

/**
 * Lets a spec send what a careless client could send, bypassing the command's static types, except for the codes
 * (`Codes`): the edge parses those, so a spec cannot send an unknown one to the decider.
 */
type Wire<Data, Codes extends keyof Data = never> = Partial<Record<Exclude<keyof Data, Codes>, unknown>> & Partial<Pick<Data, Codes>>;
type SendWire = Wire<Omit<SendReferral['data'], 'source'>, 'to'> & {
  source?: { kind: SendReferral['data']['source']['kind']; id: unknown };
};

export const send = (data: SendWire = {}): SendReferral => ({
  type: 'SendReferral',
  data: {
    referralId: REFERRAL_ID,
    source: { kind: 'hotline_call', id: CALL_ID },
    sourceTraffickingRelated: true,
    to: 'PNP',
    unitName: 'Comisaría de Ancón',
    ubigeo: '150102',
    referredAt: '2026-03-01T10:16:00-05:00',
    ...(data as object),
  },
  metadata,
});

export const sent: ReferralSent = {
  type: 'ReferralSent',
  data: {
    referralId: REFERRAL_ID,
    source: { kind: 'hotline_call', id: CALL_ID },
    to: 'PNP',
    unitName: 'Comisaría de Ancón',
    ubigeo: '150102',
    referredAt: '2026-03-01T15:16:00.000Z',
    deadlineMinutes: 24 * 60,
  },
};

export const accept = (data: Wire<AcceptReferral['data']> = {}): AcceptReferral => ({
  type: 'AcceptReferral',
  data: { referralId: REFERRAL_ID, acceptedAt: '2026-03-01T10:17:00-05:00', linkedCaseId: CASE_ID, ...(data as object) },
  metadata,
});

export const accepted: ReferralAccepted = {
  type: 'ReferralAccepted',
  data: { referralId: REFERRAL_ID, acceptedAt: '2026-03-01T15:17:00.000Z', linkedCaseId: CASE_ID },
};

export const reject = (data: Wire<RejectReferral['data']> = {}): RejectReferral => ({
  type: 'RejectReferral',
  data: {
    referralId: REFERRAL_ID,
    rejectedAt: '2026-03-01T10:17:00-05:00',
    reason: 'Fuera de la jurisdicción de la comisaría',
    ...(data as object),
  },
  metadata,
});

export const rejected: ReferralRejected = {
  type: 'ReferralRejected',
  data: {
    referralId: REFERRAL_ID,
    rejectedAt: '2026-03-01T15:17:00.000Z',
    reason: 'Fuera de la jurisdicción de la comisaría',
  },
};

export const complete = (data: Wire<CompleteReferral['data'], 'reason'> = {}): CompleteReferral => ({
  type: 'CompleteReferral',
  data: {
    referralId: REFERRAL_ID,
    completedAt: '2026-03-01T10:18:00-05:00',
    successful: true,
    reason: 'case_opened',
    ...(data as object),
  },
  metadata,
});

export const completed: ReferralCompleted = {
  type: 'ReferralCompleted',
  data: { referralId: REFERRAL_ID, completedAt: '2026-03-01T15:18:00.000Z', successful: true, reason: 'case_opened' },
};

export const revoke = (data: Wire<RevokeReferral['data']> = {}): RevokeReferral => ({
  type: 'RevokeReferral',
  data: {
    referralId: REFERRAL_ID,
    revokedAt: '2026-03-01T10:18:00-05:00',
    reason: 'Enviada a la unidad equivocada',
    ...(data as object),
  },
  metadata,
});

export const revoked: ReferralRevoked = {
  type: 'ReferralRevoked',
  data: { referralId: REFERRAL_ID, revokedAt: '2026-03-01T15:18:00.000Z', reason: 'Enviada a la unidad equivocada' },
};

/** One stream reaching each status, for the refusal matrices. */
export const STREAMS: Record<ReferralState['status'], ReferralEvent[]> = {
  unsent: [],
  sent: [sent],
  accepted: [sent, accepted],
  rejected: [sent, rejected],
  completed: [sent, accepted, completed],
  revoked: [sent, revoked],
};
