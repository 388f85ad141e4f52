import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseNotFound } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { EVENT_LOG, type Actor } from '#platform';
import { queryReferralsFromSources, queryTrialsOfProsecutions } from '#read-models';
import { DepartmentScope } from '../auth/department-scope.js';
import { STREAM_TYPES, type StreamTypes } from '../shared/stream-types.js';
import { milestoneOf, sender, type Milestone } from './milestones.js';

const DAY_MS = 86_400_000;

/** Calendar day in Lima (UTC−5 all year), so "called on the 3rd, referred on the 5th" is two days. */
const limaDay = (iso: string): number => Math.floor((Date.parse(iso) - 5 * 3_600_000) / DAY_MS);

/**
 * Every milestone of a case across institutions, oldest first: the call and its referral that led to it, the
 * police case, referrals made from it, the prosecution(s) and the trial(s). Streams are read directly (always
 * current); only the links that no stream records the other way (trials of a prosecution, referrals from the
 * case) come from read models. A link is followed only when it is owned (the referral this case accepted, a
 * referral sent from this case or one of its victims, a prosecution opened for this case, a trial on one of those
 * prosecutions), and every stream read is in the caller's departments: anything else is left out, as if absent.
 */
@Injectable()
export class CaseTimeline {
  constructor(
    @Inject(EVENT_LOG) private readonly store: EventStore,
    @Inject(STREAM_TYPES) private readonly streams: StreamTypes,
    private readonly dataSource: DataSource,
    private readonly scope: DepartmentScope,
  ) {}

  async of(caseId: string, actor: Actor) {
    const caseEvents = await this.store.readStream(this.streams.policeCase.streamName(caseId));
    if (caseEvents.length === 0) throw caseNotFound();
    const visible = async (kind: keyof StreamTypes, id: string) => {
      if (actor.departments.length === 0) return true;
      const department = await this.scope.departmentOf(kind, id);
      return department !== null && actor.departments.includes(department);
    };
    const registered = caseEvents.find((e) => e.type === 'CaseRegistered');
    const referralId = registered?.data.referralId as string | null | undefined;
    const victimIds = caseEvents.filter((e) => e.type === 'VictimIdentified').map((e) => String(e.data.victimId));
    const claimedProsecutionIds = caseEvents.filter((e) => e.type === 'CaseReferredToProsecutor').map((e) => String(e.data.prosecutionId));

    const events: RecordedEvent[] = [...caseEvents];
    if (referralId && (await visible('referral', referralId))) {
      const referral = await this.store.readStream(this.streams.referral.streamName(referralId));
      if (referral.some((e) => e.type === 'ReferralAccepted' && e.data.linkedCaseId === caseId)) {
        events.push(...referral);
        const source = referral.find((e) => e.type === 'ReferralSent')?.data.source as { kind: string; id: string } | undefined;
        if (source?.kind === 'hotline_call' && (await visible('hotlineCall', source.id))) {
          events.push(...(await this.store.readStream(this.streams.hotlineCall.streamName(source.id))));
        }
      }
    }
    for (const id of await queryReferralsFromSources(this.dataSource, [caseId, ...victimIds])) {
      if (!(await visible('referral', id))) continue;
      const referral = await this.store.readStream(this.streams.referral.streamName(id));
      const source = referral.find((e) => e.type === 'ReferralSent')?.data.source as { kind: string; id: string } | undefined;
      const owned = (source?.kind === 'case' && source.id === caseId) || (source?.kind === 'victim' && victimIds.includes(source.id));
      if (owned) events.push(...referral);
    }
    const prosecutionIds: string[] = [];
    for (const prosecutionId of claimedProsecutionIds) {
      if (!(await visible('prosecution', prosecutionId))) continue;
      const prosecution = await this.store.readStream(this.streams.prosecution.streamName(prosecutionId));
      if (!prosecution.some((e) => e.type === 'ProsecutionOpened' && e.data.caseId === caseId)) continue;
      prosecutionIds.push(prosecutionId);
      events.push(...prosecution);
    }
    for (const id of await queryTrialsOfProsecutions(this.dataSource, prosecutionIds)) {
      if (!(await visible('trial', id))) continue;
      const trial = await this.store.readStream(this.streams.trial.streamName(id));
      const opened = trial.find((e) => e.type === 'TrialOpened');
      const owned =
        opened !== undefined && prosecutionIds.includes(String(opened.data.prosecutionId)) && (opened.data.caseId ?? caseId) === caseId;
      if (owned) events.push(...trial);
    }

    const referrals = new Map(
      events
        .filter((e) => e.type === 'ReferralSent')
        .map((e) => [String(e.data.referralId), { to: String(e.data.to), from: sender(e.data) }]),
    );
    const milestones = events
      .map((event) => milestoneOf(event, referrals))
      .filter((m): m is Milestone => m !== null)
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.position - b.position);
    const first = milestones[0]?.occurredAt;
    return {
      caseId,
      firstContactAt: first ?? null,
      milestones: milestones.map(({ position: _position, ...milestone }, i) => ({
        ...milestone,
        daysSincePrevious: i === 0 ? 0 : limaDay(milestone.occurredAt) - limaDay(milestones[i - 1].occurredAt),
        daysSinceFirstContact: limaDay(milestone.occurredAt) - limaDay(first!),
      })),
    };
  }
}
