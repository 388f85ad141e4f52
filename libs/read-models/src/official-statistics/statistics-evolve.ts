import type { RecordedEvent } from '../../../event-store/src/index.js';
import { departmentOfReferral, departmentOfUbigeo, limaMonth } from '../../../domain/src/index.js';
import type { UnitKind, UnitOf, UnitStates } from './statistics-units.js';

/**
 * How each event changes the statistical units. Department and period are fixed when a unit is created (or
 * corrected): a prosecution or trial counts in its denunciation's department.
 */
const dept = departmentOfUbigeo;
const month = (instant: unknown) => limaMonth(String(instant));
const str = (value: unknown) => String(value);

/**
 * A victim is one person however many denunciations name them: with an identity document, the unit is keyed by
 * its random link id (the first registration decides period and department), else by the victimId. An event's
 * `documentHash` (recorded before link ids) is never a key: the projection maps it to its link id first
 * (statistics-ledger.projection.ts).
 */
export const victimUnitId = (d: Record<string, unknown>) =>
  (typeof d.linkId === 'string' && d.linkId !== '' ? `link:${d.linkId}` : str(d.victimId));

/**
 * The same person as a department's reports count them: deduplicated only among that department's denunciations,
 * so a department's figures never depend on whether the document was registered in another department (else a
 * regional user could register a throw-away case with a document and learn from its own exact count whether that
 * document exists anywhere in Peru).
 */
export const departmentVictimUnitId = (d: Record<string, unknown>, department: string) =>
  (typeof d.linkId === 'string' && d.linkId !== '' ? `local:link:${d.linkId}:${department}` : `local:id:${str(d.victimId)}`);

/** The unit keys an event changes (itself, and the denunciation whose funnel it advances). */
export function affectedKeys(event: RecordedEvent, units: UnitStates): string[] {
  const d = event.data;
  switch (event.type) {
    case 'HotlineCallReceived': case 'HotlineCallClassified': case 'HotlineCallCorrected': case 'HotlineCallClosed':
      return [`call:${str(d.callId)}`];
    case 'ReferralSent': case 'ReferralAccepted': case 'ReferralRejected': case 'ReferralCompleted': case 'ReferralRevoked':
      return [`referral:${str(d.referralId)}`];
    case 'CaseRegistered': case 'SuspectIdentified':
      return [`case:${str(d.caseId)}`];
    case 'VictimIdentified': {
      const denunciation = units.get('case', str(d.caseId));
      return [`victim:${victimUnitId(d)}`, ...(denunciation ? [`victim:${departmentVictimUnitId(d, denunciation.dept)}`] : [])];
    }
    case 'ProsecutionOpened':
      return [`prosecution:${str(d.prosecutionId)}`, `case:${str(d.caseId)}`];
    case 'AccusationFiled': case 'ProsecutionArchived': case 'ProsecutionDismissed':
      return [`prosecution:${str(d.prosecutionId)}`, `case:${units.get('prosecution', str(d.prosecutionId))?.caseId}`];
    case 'TrialOpened':
      return [`trial:${str(d.trialId)}`];
    case 'RulingIssued':
      return [`trial:${str(d.trialId)}`, `case:${units.get('trial', str(d.trialId))?.caseId}`];
    default:
      return [];
  }
}

/** Applies one event to the unit states; events for units never created are ignored (total, like evolve). */
export function applyEvent(event: RecordedEvent, units: UnitStates): void {
  const d = event.data;
  switch (event.type) {
    case 'HotlineCallReceived':
      if (!units.get('call', str(d.callId))) {
        units.set('call', str(d.callId), {
          kind: 'call', period: month(d.receivedAt), dept: dept(d.callerUbigeo), trafficking: d.topic === 'trafficking', closed: false,
        });
      }
      return;
    case 'HotlineCallClassified':
      return update(units, 'call', str(d.callId), (u) => ({ ...u, trafficking: d.topic === 'trafficking' }));
    case 'HotlineCallCorrected': {
      const changes = (d.changes ?? {}) as Record<string, unknown>;
      return update(units, 'call', str(d.callId), (u) => ({
        ...u,
        ...(typeof changes.receivedAt === 'string' ? { period: month(changes.receivedAt) } : {}),
        ...('callerUbigeo' in changes ? { dept: dept(changes.callerUbigeo) } : {}),
      }));
    }
    case 'HotlineCallClosed':
      return update(units, 'call', str(d.callId), (u) => ({ ...u, closed: true }));
    default:
      return applyJusticeEvent(event, units);
  }
}

function update<K extends UnitKind>(units: UnitStates, kind: K, id: string | undefined, change: (unit: UnitOf<K>) => UnitOf<K>): void {
  const unit = units.get(kind, id);
  if (unit && id) units.set(kind, id, change(unit));
}

function applyJusticeEvent(event: RecordedEvent, units: UnitStates): void {
  const d = event.data;
  switch (event.type) {
    case 'ReferralSent': {
      const source = d.source as { kind: string; id: string };
      if (units.get('referral', str(d.referralId))) return;
      const origin = source.kind === 'hotline_call' ? units.get('call', source.id) : source.kind === 'case' ? units.get('case', source.id) : undefined;
      const sourceDept = origin && origin.dept !== 'unknown' ? origin.dept : null;
      units.set('referral', str(d.referralId), {
        kind: 'referral', period: month(d.referredAt), dept: departmentOfReferral(d.ubigeo, sourceDept), to: str(d.to), source: source.kind, status: 'sent',
        referredAt: str(d.referredAt), hours: null,
      });
      return;
    }
    case 'ReferralAccepted':
      return update(units, 'referral', str(d.referralId), (u) => ({
        ...u, status: 'accepted', hours: (Date.parse(str(d.acceptedAt)) - Date.parse(u.referredAt)) / 3_600_000,
      }));
    case 'ReferralRejected':
      return update(units, 'referral', str(d.referralId), (u) => ({ ...u, status: 'rejected' }));
    case 'ReferralCompleted':
      return update(units, 'referral', str(d.referralId), (u) => ({ ...u, status: 'completed' }));
    case 'ReferralRevoked':
      return update(units, 'referral', str(d.referralId), (u) => ({ ...u, status: 'revoked' }));
    default:
      return applyCaseEvent(event, units);
  }
}

function applyCaseEvent(event: RecordedEvent, units: UnitStates): void {
  const d = event.data;
  switch (event.type) {
    case 'CaseRegistered':
      if (units.get('case', str(d.caseId))) return;
      units.set('case', str(d.caseId), {
        kind: 'case', period: month(d.registeredAt), dept: dept(d.ubigeo), source: str(d.source),
        purposes: (d.purposes as string[] | undefined) ?? [], suspects: 0, investigation: false, accusation: false, ruling: false,
      });
      return;
    case 'SuspectIdentified':
      return update(units, 'case', str(d.caseId), (u) => ({ ...u, suspects: u.suspects + 1 }));
    case 'VictimIdentified': {
      const denunciation = units.get('case', str(d.caseId));
      if (!denunciation) return;
      const victim = {
        kind: 'victim' as const, period: denunciation.period, dept: denunciation.dept, sex: str(d.sex), ageGroup: str(d.ageGroup),
        nationality: str(d.nationality), purposes: denunciation.purposes,
      };
      if (!units.get('victim', victimUnitId(d))) units.set('victim', victimUnitId(d), victim);
      const local = departmentVictimUnitId(d, denunciation.dept);
      if (!units.get('victim', local)) units.set('victim', local, { ...victim, scope: 'department' });
      return;
    }
    default:
      return applyProsecutionEvent(event, units);
  }
}

const STAGE_OF: Record<string, 'accused' | 'archived' | 'dismissed'> = {
  AccusationFiled: 'accused', ProsecutionArchived: 'archived', ProsecutionDismissed: 'dismissed',
};

function applyProsecutionEvent(event: RecordedEvent, units: UnitStates): void {
  const d = event.data;
  switch (event.type) {
    case 'ProsecutionOpened': {
      if (units.get('prosecution', str(d.prosecutionId))) return;
      const caseId = str(d.caseId);
      units.set('prosecution', str(d.prosecutionId), {
        kind: 'prosecution', caseId, dept: units.get('case', caseId)?.dept ?? 'unknown', opened: month(d.openedAt),
        accused: null, archived: null, dismissed: null,
      });
      update(units, 'case', caseId, (u) => ({ ...u, investigation: true }));
      return;
    }
    case 'AccusationFiled': case 'ProsecutionArchived': case 'ProsecutionDismissed': {
      const stage = STAGE_OF[event.type];
      const prosecution = units.get('prosecution', str(d.prosecutionId));
      if (!prosecution || prosecution[stage]) return;
      units.set('prosecution', str(d.prosecutionId), { ...prosecution, [stage]: month(d.occurredAt) });
      if (stage === 'accused') update(units, 'case', prosecution.caseId, (u) => ({ ...u, accusation: true }));
      return;
    }
    case 'TrialOpened': {
      if (units.get('trial', str(d.trialId))) return;
      const prosecution = units.get('prosecution', str(d.prosecutionId));
      const caseId = (d.caseId as string | null) ?? prosecution?.caseId ?? null;
      units.set('trial', str(d.trialId), {
        kind: 'trial', caseId, dept: units.get('case', caseId)?.dept ?? prosecution?.dept ?? 'unknown', ruled: null, verdict: null,
      });
      return;
    }
    case 'RulingIssued': {
      // Sanctions count the first-instance ruling, in the month it was handed down; appeals do not recount.
      const trial = units.get('trial', str(d.trialId));
      if (!trial || trial.ruled || d.instance !== 1) return;
      units.set('trial', str(d.trialId), { ...trial, ruled: month(d.ruledAt), verdict: str(d.verdict) });
      update(units, 'case', trial.caseId ?? undefined, (u) => ({ ...u, ruling: true }));
      return;
    }
  }
}
