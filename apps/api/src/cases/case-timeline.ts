import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseNotFound } from '../../../../libs/domain/src/index.js';
import type { EventStore, RecordedEvent } from '../../../../libs/event-store/src/index.js';
import { EVENT_STORE } from '../../../../libs/platform/src/index.js';
import { queryReferralsFromSources, queryTrialsOfProsecutions } from '../../../../libs/read-models/src/index.js';
import { STREAM_TYPES, type StreamTypes } from '../shared/stream-types.js';
import { milestoneOf, sender, type Milestone } from './milestones.js';

const DAY_MS = 86_400_000;

/** Calendar day in Lima (UTC−5 all year), so "called on the 3rd, referred on the 5th" is two days. */
const limaDay = (iso: string): number => Math.floor((Date.parse(iso) - 5 * 3_600_000) / DAY_MS);

/**
 * Every milestone of a case across institutions, oldest first: the call and its referral that led to it, the
 * police case, referrals made from it, the prosecution(s) and the trial(s). Streams are read directly (always
 * current); only the links that no stream records the other way (trials of a prosecution, referrals from the
 * case) come from read models.
 */
@Injectable()
export class CaseTimeline {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(STREAM_TYPES) private readonly streams: StreamTypes,
    private readonly dataSource: DataSource,
  ) {}

  async of(caseId: string) {
    const caseEvents = await this.store.readStream(this.streams.policeCase.streamName(caseId));
    if (caseEvents.length === 0) throw caseNotFound();
    const registered = caseEvents.find((e) => e.type === 'CaseRegistered');
    const referralId = registered?.data.referralId as string | null | undefined;
    const victimIds = caseEvents.filter((e) => e.type === 'VictimIdentified').map((e) => String(e.data.victimId));
    const prosecutionIds = caseEvents.filter((e) => e.type === 'CaseReferredToProsecutor').map((e) => String(e.data.prosecutionId));

    const events: RecordedEvent[] = [...caseEvents];
    if (referralId) {
      const referral = await this.store.readStream(this.streams.referral.streamName(referralId));
      events.push(...referral);
      const source = referral.find((e) => e.type === 'ReferralSent')?.data.source as { kind: string; id: string } | undefined;
      if (source?.kind === 'hotline_call') events.push(...(await this.store.readStream(this.streams.hotlineCall.streamName(source.id))));
    }
    for (const id of await queryReferralsFromSources(this.dataSource, [caseId, ...victimIds])) {
      events.push(...(await this.store.readStream(this.streams.referral.streamName(id))));
    }
    for (const prosecutionId of prosecutionIds) {
      events.push(...(await this.store.readStream(this.streams.prosecution.streamName(prosecutionId))));
    }
    for (const id of await queryTrialsOfProsecutions(this.dataSource, prosecutionIds)) {
      events.push(...(await this.store.readStream(this.streams.trial.streamName(id))));
    }

    const referrals = new Map(events.filter((e) => e.type === 'ReferralSent')
      .map((e) => [String(e.data.referralId), { to: String(e.data.to), from: sender(e.data) }]));
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
