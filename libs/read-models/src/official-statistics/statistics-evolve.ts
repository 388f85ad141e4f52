import { departmentOfReferral, departmentOfUbigeo, isTraffickingRelated, limaMonth, referralDeadlineMinutes } from '#domain';
import type { Recorded } from '../shared/registry-events.js';
import { applyAssistanceEvent, assistanceAffectedKeys } from './statistics-assistance-evolve.js';
import { applyCaseEvent, caseAffectedKeys } from './statistics-case-evolve.js';
import { actVictims, syncActVictims } from './reconciliation.js';
import { applyNetworkEvent, networkAffectedKeys } from './statistics-network-evolve.js';
import { applyProtectionEvent, protectionAffectedKeys } from './statistics-protection-evolve.js';
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
      return (
        caseAffectedKeys(event, units) ??
        networkAffectedKeys(event) ??
        protectionAffectedKeys(event, units) ??
        assistanceAffectedKeys(event) ??
        []
      );
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
        // The deadline recorded on the referral (or its destination's documented default), never today's configuration.
        deadlineAt: new Date(Date.parse(d.referredAt) + referralDeadlineMinutes(d) * 60_000).toISOString(),
        answeredAt: null,
        revokedAt: null,
      });
      return;
    }
    case 'ReferralAccepted': {
      const { acceptedAt } = event.data;
      return update(units, 'referral', event.data.referralId, (u) => ({
        ...u,
        status: 'accepted',
        hours: (Date.parse(acceptedAt) - Date.parse(u.referredAt)) / 3_600_000,
        answeredAt: u.answeredAt ?? acceptedAt,
      }));
    }
    case 'ReferralRejected': {
      const { rejectedAt } = event.data;
      return update(units, 'referral', event.data.referralId, (u) => ({
        ...u,
        status: 'rejected',
        answeredAt: u.answeredAt ?? rejectedAt,
      }));
    }
    case 'ReferralCompleted':
      return update(units, 'referral', event.data.referralId, (u) => ({ ...u, status: 'completed' }));
    case 'ReferralRevoked': {
      // Only a revocation before any answer ends the wait; after an acceptance it changes nothing of the deadline.
      const { revokedAt } = event.data;
      return update(units, 'referral', event.data.referralId, (u) => ({
        ...u,
        status: 'revoked',
        revokedAt: u.answeredAt ? (u.revokedAt ?? null) : (u.revokedAt ?? revokedAt),
      }));
    }
    default:
      if (applyCaseEvent(event, units, position)) {
        if (event.type === 'VictimIdentified' || event.type === 'VictimVoided' || event.type === 'CaseMarkedSameFacts')
          syncActVictims(units, event.data.caseId);
      } else if (!applyNetworkEvent(event, units) && !applyProtectionEvent(event, units) && !applyAssistanceEvent(event, units))
        applyProsecutionEvent(event, units);
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
        links: { denunciation: units.get('case', caseId) !== undefined, prosecution: true, victims: actVictims(units.get('case', caseId)) },
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
        // Total like the rest: a trial recorded without its date (never through the API) counts in no month.
        ...(typeof d.openedAt === 'string' && !Number.isNaN(Date.parse(d.openedAt)) ? { opened: month(d.openedAt) } : {}),
        links: {
          denunciation: units.get('case', caseId) !== undefined,
          prosecution: prosecution !== undefined,
          victims: actVictims(units.get('case', caseId)),
        },
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
