import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { caseNotFound, idInUse, InvalidCommand, NotAllowed, parseInstant } from '../../../../libs/domain/src/index.js';
import type { CommandResult } from '../../../../libs/event-store/src/index.js';
import { ExecuteStreamCommand, StreamReader, type CommandOptions } from '../shared/execute-stream-command.js';
import { positionOf } from '../shared/read-your-writes.js';
import { IdKeys, RecordIds } from '../shared/record-ids.js';
import { commandMetadata, newId } from '../shared/request-options.js';
import type { AnyStreamType } from '../shared/stream-type.js';
import { STREAM_TYPES, type StreamTypes } from '../shared/stream-types.js';
import type { ReferToProsecutorDto, RegisterCaseDto } from './case.dto.js';

interface ReferralView {
  status: string;
  to: string;
  referredAt: string;
  linkedCaseId?: string | null;
}

type Command = { type: string; data: object };

/**
 * The steps of a police case that reach into other streams. Each step is an idempotent command with a derived
 * key, so a retry after a failure half-way completes the work instead of doubling it. Every id of the body is
 * checked first (new ones are new across the registry, referenced ones exist and belong to this case), and every
 * later step is decided against the current state of its stream before the first append: a refusal appends nothing.
 */
@Injectable()
export class CaseUseCases {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: StreamReader,
    @Inject(STREAM_TYPES) private readonly streams: StreamTypes,
    private readonly ids: IdKeys,
    private readonly records: RecordIds,
  ) {}

  /** Registers the denunciation; one that comes from a hotline referral accepts that referral if still pending. */
  async register(body: RegisterCaseDto, options: CommandOptions) {
    const caseId = newId(body.caseId);
    const victims = body.victims.map((v, i) => ({ ...v, victimId: newId(v.victimId ?? this.ids.derive(caseId, 'victim', String(i))) }));
    const suspects = body.suspects.map((s, i) => ({ ...s, suspectId: newId(s.suspectId ?? this.ids.derive(caseId, 'suspect', String(i))) }));
    await this.records.requireNew('victimId', victims.map((v, i) => ({ path: `victims[${i}].victimId`, id: v.victimId })), caseId);
    await this.records.requireNew('suspectId', suspects.map((s, i) => ({ path: `suspects[${i}].suspectId`, id: s.suspectId })), caseId);
    const referralId = body.referralId?.toLowerCase() ?? null;
    const referral = referralId ? await this.referral(referralId, caseId) : null;
    let acceptance: Command | null = null;
    if (referral?.state.status === 'sent' && referralId) {
      const registeredAt = parseInstant(body.registeredAt) ?? body.registeredAt;
      // Acceptance cannot precede sending (a clock skew between institutions must not refuse the case).
      const acceptedAt = registeredAt < referral.state.referredAt ? referral.state.referredAt : registeredAt;
      acceptance = { type: 'AcceptReferral', data: { referralId, acceptedAt, linkedCaseId: caseId } };
      this.decideNow(this.streams.referral, referral.state, acceptance);
    }
    const data = { ...body, caseId, referralId, victims, suspects };
    const result = await this.execute(this.streams.policeCase, { type: 'RegisterCase', data }, options);
    const accepted = acceptance
      ? await this.execute(this.streams.referral, acceptance, { idempotencyKey: `accepted-by-case-${caseId}`, correlationId: options.correlationId })
      : null;
    return {
      caseId, version: result.version, position: positionOf(result, ...(accepted ? [accepted] : [])),
      victimIds: victims.map((v) => v.victimId), suspectIds: suspects.map((s) => s.suspectId),
    };
  }

  /**
   * Sends the case to the prosecutor and opens the prosecution there. A case goes to the prosecutor once, so an
   * id the client did not send is the one the case already names (a retry), else derived from the case under the
   * server's key: a retry (with its Idempotency-Key) names the same prosecution and completes an opening that a
   * crash interrupted. A prosecution belongs to exactly one case: an id another case holds, or that opened another
   * case's prosecution, is a 409 before anything is appended.
   */
  async referToProsecutor(caseId: string, body: ReferToProsecutorDto, options: CommandOptions) {
    const id = caseId.toLowerCase();
    const policeCase = await this.reader.readExisting<{ prosecutionIds?: string[] }>(this.streams.policeCase, id, caseNotFound);
    const prosecutionId = newId(body.prosecutionId ?? policeCase.state.prosecutionIds?.at(-1) ?? this.ids.derive(id, 'prosecution'));
    await this.records.requireNew('prosecutionId', [{ path: 'prosecutionId', id: prosecutionId }], id);
    const prosecution = await this.reader.read<{ caseId?: string }>(this.streams.prosecution, prosecutionId);
    if (prosecution.version > 0 && prosecution.state.caseId !== id) throw idInUse(['prosecutionId']);
    const open = {
      type: 'OpenProsecution',
      data: { prosecutionId, caseId: id, office: body.office, openedAt: parseInstant(body.referredAt) ?? body.referredAt },
    };
    if (prosecution.version === 0) this.decideNow(this.streams.prosecution, prosecution.state, open);
    const data = { caseId: id, referredAt: body.referredAt, office: body.office, prosecutionId };
    const result = await this.execute(this.streams.policeCase, { type: 'ReferToProsecutor', data }, options);
    const opened = await this.execute(this.streams.prosecution, open, { correlationId: options.correlationId });
    return { caseId: id, version: result.version, position: positionOf(result, opened), prosecutionId };
  }

  async execute(stream: StreamTypes[keyof StreamTypes], command: Command, options: CommandOptions): Promise<CommandResult<unknown>> {
    return this.commandBus.execute(new ExecuteStreamCommand(stream, { ...command, metadata: commandMetadata() }, options));
  }

  /** Decides a later step against its stream's current state without appending: its refusal is thrown now. */
  private decideNow(stream: AnyStreamType, state: unknown, command: Command): void {
    stream.decider.decide({ ...command, metadata: commandMetadata() }, state);
  }

  private async referral(referralId: string, caseId: string) {
    const found = await this.reader.read<ReferralView>(this.streams.referral, referralId);
    if (found.version === 0) {
      throw new InvalidCommand([{ field: 'referralId', reason: 'La derivación no existe', reasonEn: 'The referral does not exist' }]);
    }
    // Registering a case is the police's answer: a referral to a shelter or MIMP stays in their queue. Checked
    // before anything is appended, so a refusal leaves neither a case nor an acceptance behind.
    if (found.state.to !== 'PNP') {
      throw new InvalidCommand([{
        field: 'referralId', reason: 'La derivación no está dirigida a la Policía (PNP)', reasonEn: 'The referral is not addressed to the police (PNP)',
      }]);
    }
    // Pending (this case accepts it), or already accepted by this very case (a retry): never another case's.
    if (found.state.status !== 'sent' && found.state.linkedCaseId !== caseId) {
      throw new NotAllowed('referral_not_pending', 'La derivación ya no está pendiente de respuesta', 'The referral is no longer awaiting an answer', [{
        field: 'referralId', reason: 'ya fue respondida y no está vinculada a este caso', reasonEn: 'it was already answered and is not linked to this case',
      }]);
    }
    return found;
  }
}
