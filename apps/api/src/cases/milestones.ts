import type { RecordedEvent } from '../../../../libs/event-store/src/index.js';

export interface Milestone {
  milestone: string;
  label: string;
  institution: string;
  occurredAt: string;
  stream: string;
  detail: Record<string, unknown>;
  /** Log position, to keep milestones of the same instant in the order they were recorded. */
  position: number;
}

type Describe = (data: Record<string, unknown>) => { at: unknown; institution: string; label: string; detail?: Record<string, unknown> };

const HOTLINE = 'LINEA_0800';
const PNP = 'PNP';
const MP = 'MINISTERIO_PUBLICO';
const PJ = 'PODER_JUDICIAL';
export const sender = (d: Record<string, unknown>) => {
  const kind = (d.source as { kind?: string } | undefined)?.kind;
  return kind === 'hotline_call' ? HOTLINE : PNP;
};

/** Which events are milestones, when they happened (their own time, not when they were recorded) and where. */
const MILESTONES: Record<string, Describe> = {
  HotlineCallReceived: (d) => ({ at: d.receivedAt, institution: HOTLINE, label: 'Llamada recibida', detail: { channel: d.channel, topic: d.topic } }),
  HotlineCallClosed: (d) => ({ at: d.closedAt, institution: HOTLINE, label: 'Llamada cerrada', detail: { outcome: d.outcome } }),
  ReferralSent: (d) => ({ at: d.referredAt, institution: sender(d), label: 'Derivación enviada', detail: { to: d.to, referralId: d.referralId } }),
  ReferralAccepted: (d) => ({ at: d.acceptedAt, institution: 'DESTINO', label: 'Derivación aceptada', detail: { referralId: d.referralId } }),
  ReferralRejected: (d) => ({ at: d.rejectedAt, institution: 'DESTINO', label: 'Derivación rechazada', detail: { referralId: d.referralId } }),
  ReferralCompleted: (d) => ({ at: d.completedAt, institution: 'DESTINO', label: 'Derivación concluida', detail: { referralId: d.referralId, successful: d.successful } }),
  ReferralRevoked: (d) => ({ at: d.revokedAt, institution: 'ORIGEN', label: 'Derivación anulada', detail: { referralId: d.referralId } }),
  CaseRegistered: (d) => ({ at: d.registeredAt, institution: PNP, label: 'Denuncia registrada', detail: { source: d.source, ubigeo: d.ubigeo } }),
  OperationConducted: (d) => ({ at: d.conductedAt, institution: PNP, label: 'Operativo', detail: { rescued: d.rescued, detained: d.detained } }),
  CaseReferredToProsecutor: (d) => ({ at: d.referredAt, institution: PNP, label: 'Caso remitido a la fiscalía', detail: { prosecutionId: d.prosecutionId } }),
  CaseClosed: (d) => ({ at: d.closedAt, institution: PNP, label: 'Caso cerrado' }),
  ProsecutionOpened: (d) => ({ at: d.openedAt, institution: MP, label: 'Ingreso a fiscalía', detail: { prosecutionId: d.prosecutionId } }),
  PreliminaryInvestigationOpened: (d) => ({ at: d.occurredAt, institution: MP, label: 'Investigación preliminar' }),
  ProsecutionArchived: (d) => ({ at: d.occurredAt, institution: MP, label: 'Archivo' }),
  InvestigationFormalized: (d) => ({ at: d.occurredAt, institution: MP, label: 'Formalización de la investigación' }),
  AccusationFiled: (d) => ({ at: d.occurredAt, institution: MP, label: 'Acusación' }),
  ProsecutionDismissed: (d) => ({ at: d.occurredAt, institution: MP, label: 'Sobreseimiento' }),
  TrialOpened: (d) => ({ at: d.openedAt, institution: PJ, label: 'Inicio del juicio', detail: { trialId: d.trialId } }),
  RulingIssued: (d) => ({ at: d.ruledAt, institution: PJ, label: 'Sentencia', detail: { verdict: d.verdict, sentenceYears: d.sentenceYears } }),
  RulingAppealed: (d) => ({ at: d.appealedAt, institution: PJ, label: 'Apelación' }),
  RulingBecameFinal: (d) => ({ at: d.finalAt, institution: PJ, label: 'Sentencia firme', detail: { verdict: d.verdict } }),
};

/**
 * The milestone an event marks, or null. A referral's answer is given by its destination and its revocation by
 * its sender, which only the referral's first event names: `referrals` maps referral ids to them.
 */
export function milestoneOf(event: RecordedEvent, referrals: ReadonlyMap<string, { to: string; from: string }>): Milestone | null {
  const describe = MILESTONES[event.type];
  if (!describe) return null;
  const { at, institution, label, detail } = describe(event.data);
  if (typeof at !== 'string') return null;
  const referral = referrals.get(String(event.data.referralId));
  return {
    milestone: event.type,
    label,
    institution: institution === 'DESTINO' ? (referral?.to ?? institution) : institution === 'ORIGEN' ? (referral?.from ?? institution) : institution,
    occurredAt: at,
    stream: event.streamId,
    detail: detail ?? {},
    position: event.globalPosition,
  };
}
