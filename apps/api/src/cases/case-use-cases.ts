import { Injectable } from '@nestjs/common';
import { caseNotFound, idInUse, InvalidCommand, NotAllowed, parseInstant, type AcceptReferral, type OpenProsecution } from '#domain';
import { CommandService, positionOf, type CommandOptions, type Unstamped } from '../shared/command-service.js';
import { IdKeys, RecordIds } from '../shared/record-ids.js';
import { newId } from '../shared/request-options.js';
import type { ReferToProsecutorDto, RegisterCaseDto } from './case.dto.js';

/**
 * The steps of a police case that reach into other streams. Each step is an idempotent command with a derived
 * key, so a retry after a failure half-way completes the work instead of doubling it. Every id of the body is
 * checked first (new ones are new across the registry, referenced ones exist and belong to this case), and every
 * later step is decided against the current state of its stream before the first append: a refusal appends nothing.
 */
@Injectable()
export class CaseUseCases {
  constructor(
    private readonly commands: CommandService,
    private readonly ids: IdKeys,
    private readonly records: RecordIds,
  ) {}

  /** Registers the denunciation; one that comes from a hotline referral accepts that referral if still pending. */
  async register(body: RegisterCaseDto, options: CommandOptions) {
    const caseId = newId(body.caseId);
    const victims = body.victims.map((v, i) => ({ ...v, victimId: newId(v.victimId ?? this.ids.derive(caseId, 'victim', String(i))) }));
    const suspects = body.suspects.map((s, i) => ({
      ...s,
      suspectId: newId(s.suspectId ?? this.ids.derive(caseId, 'suspect', String(i))),
    }));
    await this.records.requireNew(
      'victimId',
      victims.map((v, i) => ({ path: `victims[${i}].victimId`, id: v.victimId })),
      caseId,
    );
    await this.records.requireNew(
      'suspectId',
      suspects.map((s, i) => ({ path: `suspects[${i}].suspectId`, id: s.suspectId })),
      caseId,
    );
    const referralId = body.referralId?.toLowerCase() ?? null;
    const referral = referralId ? await this.referral(referralId, caseId) : null;
    let acceptance: Unstamped<AcceptReferral> | null = null;
    if (referral?.status === 'sent' && referralId) {
      const registeredAt = parseInstant(body.registeredAt) ?? body.registeredAt;
      // Acceptance cannot precede sending (a clock skew between institutions must not refuse the case).
      const acceptedAt = registeredAt < referral.referredAt ? referral.referredAt : registeredAt;
      acceptance = { type: 'AcceptReferral', data: { referralId, acceptedAt, linkedCaseId: caseId } };
      this.commands.decide('referral', referral, acceptance);
    }
    const data = { ...body, caseId, referralId, victims, suspects };
    const result = await this.commands.execute('policeCase', { type: 'RegisterCase', data }, options);
    const accepted = acceptance
      ? await this.commands.execute('referral', acceptance, {
          idempotencyKey: `accepted-by-case-${caseId}`,
          correlationId: options.correlationId,
        })
      : null;
    return {
      caseId,
      version: result.version,
      position: positionOf(result, ...(accepted ? [accepted] : [])),
      victimIds: victims.map((v) => v.victimId),
      suspectIds: suspects.map((s) => s.suspectId),
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
    const policeCase = (await this.commands.readExisting('policeCase', id, caseNotFound)).state;
    const named = policeCase.status === 'unregistered' ? undefined : policeCase.prosecutionIds.at(-1);
    const prosecutionId = newId(body.prosecutionId ?? named ?? this.ids.derive(id, 'prosecution'));
    await this.records.requireNew('prosecutionId', [{ path: 'prosecutionId', id: prosecutionId }], id);
    const prosecution = await this.commands.read('prosecution', prosecutionId);
    if (prosecution.state.status !== 'unopened' && prosecution.state.caseId !== id) throw idInUse(['prosecutionId']);
    const open: Unstamped<OpenProsecution> = {
      type: 'OpenProsecution',
      data: { prosecutionId, caseId: id, office: body.office, openedAt: parseInstant(body.referredAt) ?? body.referredAt },
    };
    if (prosecution.version === 0) this.commands.decide('prosecution', prosecution.state, open);
    const data = { caseId: id, referredAt: body.referredAt, office: body.office, prosecutionId };
    const result = await this.commands.execute('policeCase', { type: 'ReferToProsecutor', data }, options);
    const opened = await this.commands.execute('prosecution', open, { correlationId: options.correlationId });
    return { caseId: id, version: result.version, position: positionOf(result, opened), prosecutionId };
  }

  private async referral(referralId: string, caseId: string) {
    const found = (await this.commands.read('referral', referralId)).state;
    if (found.status === 'unsent') {
      throw new InvalidCommand([{ field: 'referralId', reason: 'La derivación no existe', reasonEn: 'The referral does not exist' }]);
    }
    // Registering a case is the police's answer: a referral to a shelter or MIMP stays in their queue. Checked
    // before anything is appended, so a refusal leaves neither a case nor an acceptance behind.
    if (found.to !== 'PNP') {
      throw new InvalidCommand([
        {
          field: 'referralId',
          reason: 'La derivación no está dirigida a la Policía (PNP)',
          reasonEn: 'The referral is not addressed to the police (PNP)',
        },
      ]);
    }
    // Pending (this case accepts it), or already accepted by this very case (a retry): never another case's.
    if (found.status !== 'sent' && !('linkedCaseId' in found && found.linkedCaseId === caseId)) {
      throw new NotAllowed(
        'referral_not_pending',
        'La derivación ya no está pendiente de respuesta',
        'The referral is no longer awaiting an answer',
        [
          {
            field: 'referralId',
            reason: 'ya fue respondida y no está vinculada a este caso',
            reasonEn: 'it was already answered and is not linked to this case',
          },
        ],
      );
    }
    return found;
  }
}
