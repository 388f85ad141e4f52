/**
 * Events hold only what the command said, normalized (lower-case ids, UTC instants). Never the handling time
 * or the actor: those live in the store's envelope, so a retried command yields byte-identical events.
 */
import type { DomainEvent } from '../shared/decider.js';

export type ProsecutionOpened = DomainEvent<
  'ProsecutionOpened',
  { prosecutionId: string; caseId: string; office: string; openedAt: string }
>;

/** Investigación preliminar (CPP art. 330): the prosecutor checks whether there is a crime to pursue. */
export type PreliminaryInvestigationOpened = DomainEvent<'PreliminaryInvestigationOpened', { prosecutionId: string; occurredAt: string }>;

/** Archivo (CPP art. 334): no grounds to formalize; the reason is what a victim's lawyer would contest. */
export type ProsecutionArchived = DomainEvent<'ProsecutionArchived', { prosecutionId: string; occurredAt: string; reason: string }>;

/** Formalización de la investigación preparatoria (CPP art. 336). */
export type InvestigationFormalized = DomainEvent<'InvestigationFormalized', { prosecutionId: string; occurredAt: string }>;

/** Acusación (CPP art. 349): the case is sent to trial. */
export type AccusationFiled = DomainEvent<'AccusationFiled', { prosecutionId: string; occurredAt: string }>;

/** Sobreseimiento (CPP art. 344): the formalized investigation ends without an accusation. */
export type ProsecutionDismissed = DomainEvent<
  'ProsecutionDismissed',
  { prosecutionId: string; occurredAt: string; reason: string | null }
>;

export type ProsecutionEvent =
  | ProsecutionOpened
  | PreliminaryInvestigationOpened
  | ProsecutionArchived
  | InvestigationFormalized
  | AccusationFiled
  | ProsecutionDismissed;

export const PROSECUTION_EVENT_TYPES = [
  'ProsecutionOpened',
  'PreliminaryInvestigationOpened',
  'ProsecutionArchived',
  'InvestigationFormalized',
  'AccusationFiled',
  'ProsecutionDismissed',
] as const satisfies readonly ProsecutionEvent['type'][];
