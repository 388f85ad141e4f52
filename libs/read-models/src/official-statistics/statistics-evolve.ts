import { departmentOfReferral, departmentOfUbigeo, isTraffickingRelated, limaMonth } from '#domain';
import type { Recorded } from '../shared/registry-events.js';
import { applyAssistanceEvent, assistanceAffectedKeys } from './statistics-assistance-evolve.js';
import { applyCaseEvent, caseAffectedKeys } from './statistics-case-evolve.js';
import type { UnitKind, UnitOf, UnitStates } from './statistics-units.js';

/**
 * How each event changes the statistical units. Department and period are fixed when a unit is created (or
 * corrected): a prosecution or trial counts in its denunciation's department.
 */
const dept = departmentOfUbigeo;
const month = limaMonth;

export { departmentVictimUnitId, victimUnitId } from './statistics-case-evolve.js';

/** The unit keys an event changes (itself, and the denunciation whose funnel it advances). */
export function affectedKeys(event: Recorded, units: UnitStates): string[] {
  switch (event.type) {
    case 'HotlineCallReceived':
    case 'HotlineCallClassified':
    case 'HotlineCallCorrected':
    case 'HotlineCallClosed':
      return [`call:${event.data.callId}`];
    case 'ReferralSent':
    case 'ReferralAccepted':
    case 'ReferralRejected':
    case 'ReferralCompleted':
    case 'ReferralRevoked':
      return [`referral:${event.data.referralId}`];
    case 'ProsecutionOpened':
      return [`prosecution:${event.data.prosecutionId}`, `case:${event.data.caseId}`];
    case 'AccusationFiled':
    case 'ProsecutionArchived':
    case 'ProsecutionDismissed': {
      const id = event.data.prosecutionId;
      return [`prosecution:${id}`, `case:${units.get('prosecution', id)?.caseId}`];
    }
    case 'TrialOpened': {
      const d = event.data;
      return [`trial:${d.trialId}`, `case:${d.caseId ?? units.get('prosecution', d.prosecutionId)?.caseId}`];
    }
    case 'RulingIssued':
      return [`trial:${event.data.trialId}`, `case:${units.get('trial', event.data.trialId)?.caseId}`];
    default:
      return caseAffectedKeys(event, units) ?? assistanceAffectedKeys(event) ?? [];
  }
}

/** Applies one event to the unit states; events for units never created are ignored (total, like evolve). */
export function applyEvent(event: Recorded, units: UnitStates, position: number): void {
  switch (event.type) {
    case 'HotlineCallReceived': {
      const d = event.data;
      if (!units.get('call', d.callId)) {
        units.set('call', d.callId, {
          kind: 'call',
          period: month(d.receivedAt),
          dept: dept(d.callerUbigeo),
          trafficking: isTraffickingRelated(d.topic),
          closed: false,
        });
      }
      return;
    }
    case 'HotlineCallClassified': {
      const { topic } = event.data;
      return update(units, 'call', event.data.callId, (u) => ({ ...u, trafficking: isTraffickingRelated(topic) }));
    }
    case 'HotlineCallCorrected': {
      const changes = event.data.changes ?? {};
      return update(units, 'call', event.data.callId, (u) => ({
        ...u,
        ...(typeof changes.receivedAt === 'string' ? { period: month(changes.receivedAt) } : {}),
        ...('callerUbigeo' in changes ? { dept: dept(changes.callerUbigeo) } : {}),
      }));
    }
    case 'HotlineCallClosed':
      return update(units, 'call', event.data.callId, (u) => ({ ...u, closed: true }));
    default:
      return applyJusticeEvent(event, units, position);
  }
}

function update<K extends UnitKind>(units: UnitStates, kind: K, id: string | undefined, change: (unit: UnitOf<K>) => UnitOf<K>): void {
  const unit = units.get(kind, id);
  if (unit && id) units.set(kind, id, change(unit));
}

function applyJusticeEvent(event: Recorded, units: UnitStates, position: number): void {
  switch (event.type) {
    case 'ReferralSent': {
      const d = event.data;
      const { source } = d;
      if (units.get('referral', d.referralId)) return;
      const origin =
        source.kind === 'hotline_call' ? units.get('call', source.id) : source.kind === 'case' ? units.get('case', source.id) : undefined;
      const sourceDept = origin && origin.dept !== 'unknown' ? origin.dept : null;
      units.set('referral', d.referralId, {
        kind: 'referral',
        period: month(d.referredAt),
        dept: departmentOfReferral(d.ubigeo, sourceDept),
        to: d.to,
        source: source.kind,
        status: 'sent',
        referredAt: d.referredAt,
        hours: null,
      });
      return;
    }
    case 'ReferralAccepted': {
      const { acceptedAt } = event.data;
      return update(units, 'referral', event.data.referralId, (u) => ({
        ...u,
        status: 'accepted',
        hours: (Date.parse(acceptedAt) - Date.parse(u.referredAt)) / 3_600_000,
      }));
    }
    case 'ReferralRejected':
      return update(units, 'referral', event.data.referralId, (u) => ({ ...u, status: 'rejected' }));
    case 'ReferralCompleted':
      return update(units, 'referral', event.data.referralId, (u) => ({ ...u, status: 'completed' }));
    case 'ReferralRevoked':
      return update(units, 'referral', event.data.referralId, (u) => ({ ...u, status: 'revoked' }));
    default:
      if (!applyCaseEvent(event, units, position) && !applyAssistanceEvent(event, units)) applyProsecutionEvent(event, units);
  }
}

const STAGE_OF = {
  AccusationFiled: 'accused',
  ProsecutionArchived: 'archived',
  ProsecutionDismissed: 'dismissed',
} as const;

function applyProsecutionEvent(event: Recorded, units: UnitStates): void {
  switch (event.type) {
    case 'ProsecutionOpened': {
      const d = event.data;
      if (units.get('prosecution', d.prosecutionId)) return;
      const { caseId } = d;
      units.set('prosecution', d.prosecutionId, {
        kind: 'prosecution',
        caseId,
        dept: units.get('case', caseId)?.dept ?? 'unknown',
        opened: month(d.openedAt),
        accused: null,
        archived: null,
        dismissed: null,
      });
      update(units, 'case', caseId, (u) => ({ ...u, investigation: true, prosecutions: [...u.prosecutions, d.prosecutionId] }));
      return;
    }
    case 'AccusationFiled':
    case 'ProsecutionArchived':
    case 'ProsecutionDismissed': {
      const d = event.data;
      const stage = STAGE_OF[event.type];
      const prosecution = units.get('prosecution', d.prosecutionId);
      if (!prosecution || prosecution[stage]) return;
      units.set('prosecution', d.prosecutionId, { ...prosecution, [stage]: month(d.occurredAt) });
      if (stage === 'accused') update(units, 'case', prosecution.caseId, (u) => ({ ...u, accusation: true }));
      return;
    }
    case 'TrialOpened': {
      const d = event.data;
      if (units.get('trial', d.trialId)) return;
      const prosecution = units.get('prosecution', d.prosecutionId);
      const caseId = d.caseId ?? prosecution?.caseId ?? null;
      units.set('trial', d.trialId, {
        kind: 'trial',
        caseId,
        dept: units.get('case', caseId)?.dept ?? prosecution?.dept ?? 'unknown',
        ruled: null,
        verdict: null,
      });
      update(units, 'case', caseId ?? undefined, (u) => ({ ...u, trials: [...u.trials, d.trialId] }));
      return;
    }
    case 'RulingIssued': {
      // Sanctions count the first-instance ruling, in the month it was handed down; appeals do not recount.
      const d = event.data;
      const trial = units.get('trial', d.trialId);
      if (!trial || trial.ruled || d.instance !== 1) return;
      units.set('trial', d.trialId, { ...trial, ruled: month(d.ruledAt), verdict: d.verdict });
      update(units, 'case', trial.caseId ?? undefined, (u) => ({ ...u, ruling: true }));
      return;
    }
  }
}
