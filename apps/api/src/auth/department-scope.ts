import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import {
  callNotFound,
  caseNotFound,
  departmentOfReferral,
  departmentOfUbigeo,
  InvalidCommand,
  networkNotFound,
  prosecutionNotFound,
  referralNotFound,
  trialNotFound,
} from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { EVENT_LOG, type Actor } from '#platform';
import { STREAM_TYPES, type StreamKind, type StreamTypes } from '../shared/stream-types.js';
import { Forbidden, outsideScope } from './auth.errors.js';
import type { ScopeRule } from './access.js';
import { mayRevokeReferral, REFERRAL_RECEIVERS } from './endpoint-policy.js';

/** A department code ('08'), or 'unknown' for a record without a place (visible to national tokens only). */
type Department = string;
type RecordKind = keyof StreamTypes;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path parameters that name a record, and the answer for a record that does not exist. */
const RECORDS: Record<string, { kind: RecordKind; notFound: () => Error }> = {
  callId: { kind: 'hotlineCall', notFound: callNotFound },
  referralId: { kind: 'referral', notFound: referralNotFound },
  caseId: { kind: 'policeCase', notFound: caseNotFound },
  prosecutionId: { kind: 'prosecution', notFound: prosecutionNotFound },
  trialId: { kind: 'trial', notFound: trialNotFound },
  networkId: { kind: 'criminalNetwork', notFound: networkNotFound },
};

/** Body fields that refer to an existing record (the @Access scope rules of POST /cases, /trials, …/accept). */
export const CASE_REFERRAL = {
  field: 'referralId',
  kind: 'referral',
  es: 'La derivación no existe',
  en: 'The referral does not exist',
} as const;
export const TRIAL_PROSECUTION = {
  field: 'prosecutionId',
  kind: 'prosecution',
  es: 'La investigación fiscal no existe',
  en: 'The prosecution does not exist',
} as const;
/** A case linked to a network: out of scope it reads as missing, a 400 naming caseId. */
export const NETWORK_CASE = { field: 'caseId', kind: 'policeCase', es: 'El caso no existe', en: 'The case does not exist' } as const;
export const LINKED_CASE = { field: 'linkedCaseId', kind: 'policeCase', es: 'El caso no existe', en: 'The case does not exist' } as const;

/**
 * Department scope (DESIGN: "police and regional users are scoped to their departments"). A record outside the
 * token's departments answers exactly like a missing one (404), so its existence does not leak; creating or
 * moving a record outside them is a 403 naming the field. Records are read from the log, not from a read model,
 * so a record created a moment ago is already in scope; personal fields are never unsealed here.
 */
@Injectable()
export class DepartmentScope {
  constructor(
    @Inject(EVENT_LOG) private readonly store: EventStore,
    @Inject(STREAM_TYPES) private readonly streams: StreamTypes,
  ) {}

  /** The path's record ids always; places, a referenced record and a referral's side as the route's @Access says. */
  async check(actor: Actor, rule: ScopeRule, request: Request): Promise<void> {
    const scoped = actor.departments.length > 0;
    const inScope = (department: Department) => !scoped || actor.departments.includes(department);
    for (const [name, value] of Object.entries(request.params ?? {})) {
      const record = RECORDS[name];
      if (!record || typeof value !== 'string' || !UUID.test(value)) continue; // not a record id: the route's pipe answers 404
      if (scoped) {
        const department = await this.departmentOf(record.kind, value.toLowerCase());
        if (department !== null && !inScope(department)) throw record.notFound();
      }
      // Only once the record is known to be in scope: a 403 here would otherwise reveal that it exists.
      if (record.kind === 'referral' && rule.referral === 'receiver') await this.checkReceiver(actor, value.toLowerCase());
      if (record.kind === 'referral' && rule.referral === 'sender') await this.checkSender(actor, value.toLowerCase());
    }
    if (!scoped) return;
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const { field, required } of rule.places ?? []) {
      // A dotted field names a place inside an object of the body: `changes.ubigeo` of a correction.
      const value = field
        .split('.')
        .reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), body);
      if (value === undefined && !required) continue;
      const department = typeof value === 'string' && /^\d{2}/.test(value) ? value.slice(0, 2) : value == null ? 'unknown' : null;
      if (department !== null && !inScope(department)) throw outsideScope(field); // null: malformed, validation answers
    }
    const reference = rule.reference;
    const id = reference ? body[reference.field] : undefined;
    if (reference && typeof id === 'string' && UUID.test(id)) {
      const department = await this.departmentOf(reference.kind, id.toLowerCase());
      if (department !== null && !inScope(department)) {
        throw new InvalidCommand([{ field: reference.field, reason: reference.es, reasonEn: reference.en }]);
      }
    }
  }

  /** The department of a record, or null when it does not exist (the controller answers 404 then). */
  async departmentOf(kind: RecordKind, id: string): Promise<Department | null> {
    const state = await this.state(kind, id);
    if (state === null) return null;
    switch (kind) {
      case 'hotlineCall':
        return departmentOfUbigeo(state.callerUbigeo);
      case 'policeCase':
        return departmentOfUbigeo(state.ubigeo);
      case 'referral':
        return departmentOfReferral(state.ubigeo, typeof state.ubigeo === 'string' ? null : await this.sourceDepartment(id));
      case 'prosecution':
        return typeof state.caseId === 'string' ? ((await this.departmentOf('policeCase', state.caseId)) ?? 'unknown') : 'unknown';
      case 'trial':
        if (typeof state.caseId === 'string') return (await this.departmentOf('policeCase', state.caseId)) ?? 'unknown';
        return typeof state.prosecutionId === 'string'
          ? ((await this.departmentOf('prosecution', state.prosecutionId)) ?? 'unknown')
          : 'unknown';
      case 'criminalNetwork':
        return departmentOfUbigeo(state.ubigeo);
      case 'witnessProtection':
        return typeof state.prosecutionId === 'string'
          ? ((await this.departmentOf('prosecution', state.prosecutionId)) ?? 'unknown')
          : 'unknown';
      case 'victimAssistance':
        return typeof state.caseId === 'string' ? ((await this.departmentOf('policeCase', state.caseId)) ?? 'unknown') : 'unknown';
    }
  }

  /**
   * The department of a referral's source as it stood when the referral was sent (the source's events before the
   * sending), as the pending queue and the statistics place it: a later correction of the call does not move it.
   * A victim's referral without a place would need the victim's case: until victims have their own stream
   * (README, limits) it is national (null).
   */
  private async sourceDepartment(referralId: string): Promise<Department | null> {
    const sent = (await this.store.readStream(this.streams.referral.streamName(referralId))).find((e) => e.type === 'ReferralSent');
    const source = sent?.data.source as { kind: string; id: string } | undefined;
    const kind = source?.kind === 'hotline_call' ? 'hotlineCall' : source?.kind === 'case' ? 'policeCase' : null;
    if (!sent || !source || !kind) return null;
    const state = await this.state(kind, source.id, sent.globalPosition);
    const department = state === null ? 'unknown' : departmentOfUbigeo(kind === 'hotlineCall' ? state.callerUbigeo : state.ubigeo);
    return department === 'unknown' ? null : department;
  }

  private async checkReceiver(actor: Actor, referralId: string): Promise<void> {
    const receives = REFERRAL_RECEIVERS[actor.role];
    if (!receives) return; // admin; other roles are refused by the policy table already
    const state = await this.state('referral', referralId);
    if (state !== null && !receives.includes(String(state.to))) {
      throw new Forbidden([
        {
          field: 'to',
          reason: 'la derivación está dirigida a otra institución',
          reasonEn: 'the referral is addressed to another institution',
        },
      ]);
    }
  }

  private async checkSender(actor: Actor, referralId: string): Promise<void> {
    const events = await this.store.readStream(this.streams.referral.streamName(referralId));
    const sent = events.find((e) => e.type === 'ReferralSent');
    if (!sent) return; // the controller answers 404
    const sourceKind = String((sent.data.source as { kind?: unknown } | undefined)?.kind);
    const sentBy = typeof sent.metadata?.actor === 'string' ? sent.metadata.actor.split(':')[0] : null;
    if (!mayRevokeReferral(actor.role, { sourceKind, sentBy })) {
      throw new Forbidden([
        {
          field: 'source',
          reason: 'solo la institución que envió la derivación puede revocarla',
          reasonEn: 'only the institution that sent the referral may revoke it',
        },
      ]);
    }
  }

  /** The record's state folded from its (still sealed) events (those before a log position, if given), or null when it was never created. */
  private async state(kind: StreamKind, id: string, before = Infinity): Promise<Record<string, unknown> | null> {
    const stream = this.streams[kind];
    const events = (await this.store.readStream(stream.streamName(id))).filter((e) => e.globalPosition < before);
    if (events.length === 0) return null;
    const decider = stream.decider as unknown as { evolve(state: unknown, event: RecordedEvent): unknown; initialState(): unknown };
    return events.reduce((s, e) => decider.evolve(s, e), decider.initialState()) as Record<string, unknown>;
  }
}
