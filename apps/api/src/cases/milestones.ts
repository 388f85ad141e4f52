import type { RecordedEvent } from '#event-store';

export interface Milestone {
  milestone: string;
  /** Spanish, for display; `labelEn` the same in English. */
  label: string;
  labelEn: string;
  institution: string;
  occurredAt: string;
  stream: string;
  detail: Record<string, unknown>;
  /** Log position, to keep milestones of the same instant in the order they were recorded. */
  position: number;
}

/** An event's milestone; `recordedAt` is the time of the events that have none of their own (corrections). */
type Describe = (
  data: Record<string, unknown>,
  recordedAt: string,
) => {
  at: unknown;
  institution: string;
  label: string;
  labelEn: string;
  detail?: Record<string, unknown>;
};

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
  HotlineCallReceived: (d) => ({
    at: d.receivedAt,
    institution: HOTLINE,
    label: 'Llamada recibida',
    labelEn: 'Call received',
    detail: { channel: d.channel, topic: d.topic },
  }),
  HotlineCallClosed: (d) => ({
    at: d.closedAt,
    institution: HOTLINE,
    label: 'Llamada cerrada',
    labelEn: 'Call closed',
    detail: { outcome: d.outcome },
  }),
  ReferralSent: (d) => ({
    at: d.referredAt,
    institution: sender(d),
    label: 'Derivación enviada',
    labelEn: 'Referral sent',
    detail: { to: d.to, referralId: d.referralId },
  }),
  ReferralAccepted: (d) => ({
    at: d.acceptedAt,
    institution: 'DESTINO',
    label: 'Derivación aceptada',
    labelEn: 'Referral accepted',
    detail: { referralId: d.referralId },
  }),
  ReferralRejected: (d) => ({
    at: d.rejectedAt,
    institution: 'DESTINO',
    label: 'Derivación rechazada',
    labelEn: 'Referral rejected',
    detail: { referralId: d.referralId },
  }),
  ReferralCompleted: (d) => ({
    at: d.completedAt,
    institution: 'DESTINO',
    label: 'Derivación concluida',
    labelEn: 'Referral completed',
    detail: { referralId: d.referralId, successful: d.successful },
  }),
  ReferralRevoked: (d) => ({
    at: d.revokedAt,
    institution: 'ORIGEN',
    label: 'Derivación anulada',
    labelEn: 'Referral revoked',
    detail: { referralId: d.referralId },
  }),
  CaseRegistered: (d) => ({
    at: d.registeredAt,
    institution: PNP,
    label: 'Denuncia registrada',
    labelEn: 'Denunciation registered',
    detail: { source: d.source, ubigeo: d.ubigeo },
  }),
  OperationConducted: (d) => ({
    at: d.conductedAt,
    institution: PNP,
    label: 'Operativo',
    labelEn: 'Police operation',
    detail: { rescued: d.rescued, detained: d.detained },
  }),
  CaseReferredToProsecutor: (d) => ({
    at: d.referredAt,
    institution: PNP,
    label: 'Caso remitido a la fiscalía',
    labelEn: 'Case sent to the prosecutor',
    detail: { prosecutionId: d.prosecutionId },
  }),
  CaseClosed: (d) => ({ at: d.closedAt, institution: PNP, label: 'Caso cerrado', labelEn: 'Case closed' }),
  ProsecutionOpened: (d) => ({
    at: d.openedAt,
    institution: MP,
    label: 'Ingreso a fiscalía',
    labelEn: 'Received by the prosecutor',
    detail: { prosecutionId: d.prosecutionId },
  }),
  PreliminaryInvestigationOpened: (d) => ({
    at: d.occurredAt,
    institution: MP,
    label: 'Investigación preliminar',
    labelEn: 'Preliminary investigation',
  }),
  ProsecutionArchived: (d) => ({ at: d.occurredAt, institution: MP, label: 'Archivo', labelEn: 'Archived' }),
  InvestigationFormalized: (d) => ({
    at: d.occurredAt,
    institution: MP,
    label: 'Formalización de la investigación',
    labelEn: 'Investigation formalized',
  }),
  AccusationFiled: (d) => ({ at: d.occurredAt, institution: MP, label: 'Acusación', labelEn: 'Accusation' }),
  ProsecutionDismissed: (d) => ({ at: d.occurredAt, institution: MP, label: 'Sobreseimiento', labelEn: 'Dismissal' }),
  TrialOpened: (d) => ({
    at: d.openedAt,
    institution: PJ,
    label: 'Inicio del juicio',
    labelEn: 'Trial opened',
    detail: { trialId: d.trialId },
  }),
  RulingIssued: (d) => ({
    at: d.ruledAt,
    institution: PJ,
    label: 'Sentencia',
    labelEn: 'Ruling',
    detail: { verdict: d.verdict, sentenceYears: d.sentenceYears },
  }),
  RulingAppealed: (d) => ({ at: d.appealedAt, institution: PJ, label: 'Apelación', labelEn: 'Appeal' }),
  RulingBecameFinal: (d) => ({
    at: d.finalAt,
    institution: PJ,
    label: 'Sentencia firme',
    labelEn: 'Final ruling',
    detail: { verdict: d.verdict },
  }),
  // Corrections of the record (issue 13): when they were recorded, which fields changed, never a value or the reason.
  // The registry number's assignment is no milestone: it is part of the registration.
  CaseFactsCorrected: (d, recordedAt) => ({
    at: recordedAt,
    institution: PNP,
    label: 'Hechos corregidos',
    labelEn: 'Facts corrected',
    detail: { changed: namesOf(d.changes) },
  }),
  VictimCorrected: (d, recordedAt) => {
    const changes = (d.changes ?? {}) as Record<string, unknown>;
    const personal = Object.keys((changes.personal ?? {}) as object);
    const changed = [...namesOf(changes).filter((name) => !['personal', 'ageGroup', 'minor'].includes(name)), ...personal];
    return { at: recordedAt, institution: PNP, label: 'Víctima corregida', labelEn: 'Victim corrected', detail: { changed } };
  },
  VictimVoided: (_, recordedAt) => ({ at: recordedAt, institution: PNP, label: 'Víctima anulada', labelEn: 'Victim voided' }),
  SuspectVoided: (_, recordedAt) => ({ at: recordedAt, institution: PNP, label: 'Persona investigada anulada', labelEn: 'Suspect voided' }),
  CaseReopened: (d) => ({ at: d.reopenedAt, institution: PNP, label: 'Caso reabierto', labelEn: 'Case reopened' }),
  CaseMarkedSameFacts: (d, recordedAt) => ({
    at: recordedAt,
    institution: PNP,
    label: 'Marcado como los mismos hechos',
    labelEn: 'Marked as the same facts',
    detail: { sameAsCaseId: d.sameAsCaseId },
  }),
  ExternalReferencesRecorded: (d, recordedAt) => ({
    at: recordedAt,
    institution: PNP,
    label: 'Referencias registradas',
    labelEn: 'References recorded',
    detail: { changed: namesOf(d.references) },
  }),
};

const namesOf = (value: unknown): string[] => (value !== null && typeof value === 'object' ? Object.keys(value) : []);

/**
 * The milestone an event marks, or null. A referral's answer is given by its destination and its revocation by
 * its sender, which only the referral's first event names: `referrals` maps referral ids to them.
 */
export function milestoneOf(event: RecordedEvent, referrals: ReadonlyMap<string, { to: string; from: string }>): Milestone | null {
  const describe = MILESTONES[event.type];
  if (!describe) return null;
  const { at, institution, label, labelEn, detail } = describe(event.data, event.recordedAt);
  if (typeof at !== 'string') return null;
  const referral = referrals.get(String(event.data.referralId));
  return {
    milestone: event.type,
    label,
    labelEn,
    institution:
      institution === 'DESTINO' ? (referral?.to ?? institution) : institution === 'ORIGEN' ? (referral?.from ?? institution) : institution,
    occurredAt: at,
    stream: event.streamId,
    detail: detail ?? {},
    position: event.globalPosition,
  };
}
