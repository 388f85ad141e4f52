import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { callNotFound, referralNotFound, type ReferralState } from '#domain';
import type { Actor } from '#platform';
import { isCallReferredTo } from '#read-models';
import { CommandService } from '../shared/command-service.js';
import { CALL_READERS_BY_REFERRAL, mayReadReferral, SHELTER_DETAIL_READERS } from './endpoint-policy.js';

/** A referral as a reader may see it: a shelter's unit and place withheld from everyone but protection. */
export type ReferralView = ReferralState & { destinationDetailsWithheld: boolean };

/**
 * Need-to-know beyond role and department (endpoint-policy.ts has the rules): who reads which call and which
 * referral, and which of a referral's details. A record the reader has no need to know answers 404, exactly like
 * a missing one, so its existence does not leak.
 */
@Injectable()
export class NeedToKnow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: CommandService,
  ) {}

  /** Police and protection read a call only once it was referred to them (not revoked); 404 otherwise. */
  async checkCallReader(actor: Actor, callId: string): Promise<void> {
    const destinations = CALL_READERS_BY_REFERRAL[actor.role];
    if (!destinations) return;
    if (!(await isCallReferredTo(this.dataSource, callId, destinations))) throw callNotFound();
  }

  /** The referral for this reader: 404 without need to know; a shelter's unit and place only for protection. */
  async referral(actor: Actor, referralId: string): Promise<{ view: ReferralView; version: number }> {
    const { state, events, version } = await this.commands.read('referral', referralId.toLowerCase());
    const sent = events.find((e) => e.type === 'ReferralSent');
    if (!sent || state.status === 'unsent') throw referralNotFound();
    const sentBy = typeof sent.metadata?.actor === 'string' ? sent.metadata.actor.split(':')[0] : null;
    if (!mayReadReferral(actor.role, { to: state.to, sourceKind: state.source.kind, sentBy })) throw referralNotFound();
    const withheld = state.to === 'SHELTER' && !SHELTER_DETAIL_READERS.includes(actor.role);
    const view = withheld ? { ...state, unitName: null, ubigeo: null } : state;
    return { view: { ...view, destinationDetailsWithheld: withheld }, version };
  }
}
