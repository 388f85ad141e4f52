import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import {
  caseNotFound,
  CASE_STREAM_PREFIX,
  departmentOfUbigeo,
  idInUse,
  InvalidCommand,
  NotAllowed,
  NotFound,
  parseInstant,
  type AcceptReferral,
  type CaseRegistered,
  type OpenProsecution,
} from '#domain';
import { PG_POOL, reserveRegistryNumber, SealingEventStore } from '#platform';
import { currentActor } from '../auth/request-context.js';
import { commandMetadata, CommandService, positionOf, type CommandOptions, type Unstamped } from '../shared/command-service.js';
import { IdKeys, RecordIds } from '../shared/record-ids.js';
import { newId, type HeaderMap } from '../shared/request-options.js';
import {
  casePlaces,
  givenReferences,
  type CorrectCaseFactsDto,
  type MarkSameFactsDto,
  type ReferToProsecutorDto,
  type RegisterCaseDto,
} from './case.dto.js';

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
    private readonly store: SealingEventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
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
    const { places, references, ...rest } = body;
    const data = {
      ...rest,
      ...(places ? { places: casePlaces(places) } : {}),
      ...(references ? { references: givenReferences(references) } : {}),
      caseId,
      referralId,
      victims,
      suspects,
    };
    const result = await this.commands.execute('policeCase', { type: 'RegisterCase', data }, options);
    const numbered = await this.assignRegistryNumber(caseId, options.correlationId);
    const accepted = acceptance
      ? await this.commands.execute('referral', acceptance, {
          idempotencyKey: `accepted-by-case-${caseId}`,
          correlationId: options.correlationId,
        })
      : null;
    return {
      caseId,
      version: numbered.version,
      position: positionOf(result, numbered, ...(accepted ? [accepted] : [])),
      registryNumber: numbered.registryNumber,
      victimIds: victims.map((v) => v.victimId),
      suspectIds: suspects.map((s) => s.suspectId),
    };
  }

  /**
   * Gives a registered case its registry number: reserved in the numbering stream of the department and Lima year
   * of its registration (as registered: a later correction of the place or the time does not move it), then recorded
   * on the case. Both steps are idempotent, so a retried registration gets the same number and completes an
   * assignment a crash interrupted; a case that has its number keeps it.
   */
  async assignRegistryNumber(
    caseId: string,
    correlationId?: string,
  ): Promise<{ version: number; lastGlobalPosition: number | null; registryNumber: string }> {
    const { state, version, events } = await this.commands.read('policeCase', caseId);
    if (state.status === 'unregistered') throw caseNotFound();
    // Already numbered (a retry): answered as the assignment was, at its version and position.
    const assignedEvent = events.find((e) => e.type === 'RegistryNumberAssigned');
    if (state.registryNumber) {
      return {
        version: assignedEvent?.streamPosition ?? version,
        lastGlobalPosition: assignedEvent?.globalPosition ?? null,
        registryNumber: state.registryNumber,
      };
    }
    const registered = events.find((e) => e.type === 'CaseRegistered')?.data as CaseRegistered['data'] | undefined;
    const ubigeo = registered?.ubigeo ?? state.ubigeo;
    const registeredAt = registered?.registeredAt ?? state.registeredAt;
    const registryNumber = await reserveRegistryNumber(this.store, this.ids.eventIds, caseId, ubigeo, registeredAt, {
      actor: commandMetadata().actor,
      correlationId,
    });
    const assigned = await this.commands.execute(
      'policeCase',
      { type: 'AssignRegistryNumber', data: { caseId, registryNumber } },
      { idempotencyKey: 'registry-number', correlationId },
    );
    return { version: assigned.version, lastGlobalPosition: assigned.lastGlobalPosition, registryNumber };
  }

  /** Corrects the facts; `changes` must name at least one field (one that changes nothing is a no-op). */
  correctFacts(caseId: string, body: CorrectCaseFactsDto, headers: HeaderMap) {
    const { places, ...given } = body.changes ?? {};
    const changes = Object.fromEntries(
      Object.entries({ ...given, ...(places ? { places: casePlaces(places) } : {}) }).filter(([, value]) => value !== undefined),
    );
    if (Object.keys(changes).length === 0) {
      throw new InvalidCommand([
        { field: 'changes', reason: 'debe indicar al menos un dato a corregir', reasonEn: 'must give at least one field to correct' },
      ]);
    }
    return this.commands.accept('policeCase', { type: 'CorrectCaseFacts', data: { caseId, changes, reason: body.reason } }, headers);
  }

  /**
   * Marks the case as reporting the same facts as another, which must exist (in the user's departments: one outside
   * them answers as missing) and not be marked itself, so the statistics always keep a case of the chain.
   */
  async markSameFacts(caseId: string, body: MarkSameFactsDto, headers: HeaderMap) {
    const id = caseId.toLowerCase();
    const sameAsCaseId = body.sameAsCaseId.toLowerCase();
    if (sameAsCaseId === id) {
      throw new InvalidCommand([{ field: 'sameAsCaseId', reason: 'no puede ser el mismo caso', reasonEn: 'cannot be the case itself' }]);
    }
    const other = (await this.commands.read('policeCase', sameAsCaseId)).state;
    const departments = currentActor()?.departments ?? [];
    if (other.status === 'unregistered' || (departments.length > 0 && !departments.includes(departmentOfUbigeo(other.ubigeo)))) {
      throw new NotFound('case_not_found', 'La denuncia no está registrada', 'The case has not been registered', [
        { field: 'sameAsCaseId', reason: 'el caso no existe', reasonEn: 'the case does not exist' },
      ]);
    }
    if (other.sameAsCaseId) {
      throw new NotAllowed(
        'case_already_same_facts',
        'El otro caso ya está marcado como los mismos hechos que un tercero',
        'The other case is itself marked as the same facts as another one',
        [
          {
            field: 'sameAsCaseId',
            reason: 'márquelo como los mismos hechos que el caso que se mantiene',
            reasonEn: 'mark it as the same facts as the case that is kept',
          },
        ],
      );
    }
    return this.commands.accept('policeCase', { type: 'MarkSameFacts', data: { caseId: id, sameAsCaseId, reason: body.reason } }, headers);
  }

  /**
   * The cases marked as reporting the same facts as this one, read from the log (a mark made a moment ago is there);
   * those outside the user's departments are left out, as they would answer 404 themselves.
   */
  async sameFactsCases(caseId: string): Promise<Array<{ caseId: string; registryNumber: string | null }>> {
    const { rows } = await this.pool.query<{ stream_id: string }>(
      `SELECT DISTINCT stream_id FROM events WHERE event_type = 'CaseMarkedSameFacts' AND data->>'sameAsCaseId' = $1 ORDER BY stream_id`,
      [caseId.toLowerCase()],
    );
    const cases = rows.filter((r) => r.stream_id.startsWith(CASE_STREAM_PREFIX)).map((r) => r.stream_id.slice(CASE_STREAM_PREFIX.length));
    const departments = currentActor()?.departments ?? [];
    const found = await Promise.all(
      cases.map(async (id) => {
        const { state } = await this.commands.read('policeCase', id);
        if (state.status === 'unregistered') return null;
        if (departments.length > 0 && !departments.includes(departmentOfUbigeo(state.ubigeo))) return null;
        return { caseId: id, registryNumber: state.registryNumber };
      }),
    );
    return found.filter((c): c is { caseId: string; registryNumber: string | null } => c !== null);
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
