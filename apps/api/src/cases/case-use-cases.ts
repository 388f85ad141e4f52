import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InvalidCommand, parseInstant } from '../../../../libs/domain/src/index.js';
import type { CommandResult } from '../../../../libs/event-store/src/index.js';
import { ExecuteStreamCommand, StreamReader, type CommandOptions } from '../shared/execute-stream-command.js';
import { positionOf } from '../shared/read-your-writes.js';
import { commandMetadata, derivedId, newId } from '../shared/request-options.js';
import { STREAM_TYPES, type StreamTypes } from '../shared/stream-types.js';
import type { ReferToProsecutorDto, RegisterCaseDto } from './case.dto.js';

interface ReferralView {
  status: string;
  to: string;
  referredAt: string;
}

/**
 * The steps of a police case that reach into other streams. Each step is an idempotent command with a derived
 * key, so a retry after a failure half-way completes the work instead of doubling it.
 */
@Injectable()
export class CaseUseCases {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: StreamReader,
    @Inject(STREAM_TYPES) private readonly streams: StreamTypes,
  ) {}

  /** Registers the denunciation; one that comes from a hotline referral accepts that referral if still pending. */
  async register(body: RegisterCaseDto, options: CommandOptions) {
    const caseId = newId(body.caseId);
    const referral = body.referralId ? await this.referral(body.referralId) : null;
    const victims = body.victims.map((v, i) => ({ ...v, victimId: newId(v.victimId ?? derivedId(caseId, 'victim', String(i))) }));
    const suspects = body.suspects.map((s, i) => ({ ...s, suspectId: newId(s.suspectId ?? derivedId(caseId, 'suspect', String(i))) }));
    const data = { ...body, caseId, referralId: body.referralId?.toLowerCase() ?? null, victims, suspects };
    const result = await this.execute(this.streams.policeCase, { type: 'RegisterCase', data }, options);
    let accepted: CommandResult<unknown> | null = null;
    if (referral?.state.status === 'sent' && body.referralId) {
      const registeredAt = parseInstant(body.registeredAt) ?? body.registeredAt;
      // Acceptance cannot precede sending (a clock skew between institutions must not refuse the case).
      const acceptedAt = registeredAt < referral.state.referredAt ? referral.state.referredAt : registeredAt;
      accepted = await this.execute(this.streams.referral, {
        type: 'AcceptReferral', data: { referralId: body.referralId.toLowerCase(), acceptedAt, linkedCaseId: caseId },
      }, { idempotencyKey: `accepted-by-case-${caseId}`, correlationId: options.correlationId });
    }
    return {
      caseId, version: result.version, position: positionOf(result, ...(accepted ? [accepted] : [])),
      victimIds: victims.map((v) => v.victimId), suspectIds: suspects.map((s) => s.suspectId),
    };
  }

  /**
   * Sends the case to the prosecutor and opens the prosecution there. A case goes to the prosecutor once, so an
   * id the client did not send is derived from the case: a retry (with its Idempotency-Key) names the same
   * prosecution and completes an opening that a crash interrupted.
   */
  async referToProsecutor(caseId: string, body: ReferToProsecutorDto, options: CommandOptions) {
    const id = caseId.toLowerCase();
    const prosecutionId = newId(body.prosecutionId ?? derivedId(id, 'prosecution'));
    const data = { caseId: id, referredAt: body.referredAt, office: body.office, prosecutionId };
    const result = await this.execute(this.streams.policeCase, { type: 'ReferToProsecutor', data }, options);
    const opened = await this.execute(this.streams.prosecution, {
      type: 'OpenProsecution',
      data: { prosecutionId, caseId: id, office: body.office, openedAt: parseInstant(body.referredAt) ?? body.referredAt },
    }, { correlationId: options.correlationId });
    return { caseId: id, version: result.version, position: positionOf(result, opened), prosecutionId };
  }

  async execute(stream: StreamTypes[keyof StreamTypes], command: { type: string; data: object }, options: CommandOptions): Promise<CommandResult<unknown>> {
    return this.commandBus.execute(new ExecuteStreamCommand(stream, { ...command, metadata: commandMetadata() }, options));
  }

  private async referral(referralId: string) {
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
    return found;
  }
}
