import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  caseStreamName,
  CountryCatalog,
  createPoliceCaseDecider,
  fold,
  UbigeoCatalog,
  type PoliceCaseCommand,
  type PoliceCaseEvent,
  type PoliceCaseState,
} from '#domain';
import { PostgresEventStore } from '#event-store';
import { createTestDatabase, type TestDatabase } from '#test-support/database.js';
import { linkageKeyOf } from './document-linkage.js';
import { LocalKeyWrapper } from './key-wrapper.js';
import { SealingEventStore } from './sealing-event-store.js';
import { STREAM_SEALINGS } from './stream-sealing.js';
import { SubjectKeyStore } from './subject-key-store.js';

const decider = createPoliceCaseDecider({
  ubigeo: new UbigeoCatalog([{ ubigeo: '080101', departamento: 'Cusco', provincia: 'Cusco', distrito: 'Cusco' }]),
  countries: new CountryCatalog([
    { alpha2: 'PE', alpha3: 'PER', numeric: '604', name_es: 'Perú', name_en: 'Peru' },
    { alpha2: 'BO', alpha3: 'BOL', numeric: '068', name_es: 'Bolivia', name_en: 'Bolivia' },
  ]),
});
const metadata = { now: '2026-03-01T15:20:00.000Z', actor: 'officer-1' };

const TEXT = {
  fullName: 'Rosa Huamán Quispe',
  correctedName: 'Rosa Elena Huamán Quispe',
  document: '71234567',
  correctedDocument: '71234568',
  phone: '+51 984 111 222',
  correctedAddress: 'Jr. Tupac Amaru 45, Wanchaq',
  correctionReason: 'La madre de Rosa Huamán dio el nombre completo',
  factsReason: 'El atestado de la Comisaría Huancaro corrige la unidad',
  policeUnit: 'Comisaría Sectorial Huancaro',
  voidReason: 'Juan Quispe fue registrado por error',
  reopenReason: 'Nueva declaración de Rosa Huamán',
  sameFactsReason: 'Denuncia repetida por la tía de Rosa Huamán',
};

describe('sealing of police-case corrections', () => {
  let db: TestDatabase;
  let keys: SubjectKeyStore;
  let store: SealingEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    const master = randomBytes(32);
    keys = new SubjectKeyStore(db.pool, new LocalKeyWrapper(master), linkageKeyOf(master));
    store = new SealingEventStore(new PostgresEventStore(db.pool), keys);
  });
  afterAll(async () => db.close());

  /** Decides each command on the stream as the store opens it, and appends what it produces. */
  async function run(caseId: string, commands: PoliceCaseCommand[]): Promise<PoliceCaseEvent[]> {
    const produced: PoliceCaseEvent[] = [];
    for (const command of commands) {
      const stream = await store.readStream(caseStreamName(caseId));
      const state = fold(decider, stream as unknown as PoliceCaseEvent[]);
      const events = decider.decide(command, state);
      const next = events.map((event) => ({ eventId: randomUUID(), type: event.type, data: event.data as Record<string, unknown> }));
      if (next.length > 0) await store.append(caseStreamName(caseId), next, stream.length === 0 ? 'any' : stream.length);
      produced.push(...events);
    }
    return produced;
  }

  const stored = async (caseId: string) =>
    (
      await db.pool.query<{ type: string; data: Record<string, unknown>; text: string }>(
        'SELECT event_type AS type, data, data::text AS text FROM events WHERE stream_id = $1 ORDER BY stream_position',
        [caseStreamName(caseId)],
      )
    ).rows;

  const registration = (caseId: string, victimId: string, suspectId: string): PoliceCaseCommand => ({
    type: 'RegisterCase',
    data: {
      caseId,
      registeredAt: '2026-03-01T09:00:00-05:00',
      occurredAt: null,
      policeUnit: 'Comisaría Cusco',
      ubigeo: '080101',
      source: 'walk_in',
      purposes: ['labour_exploitation'],
      victims: [
        {
          victimId,
          sex: 'female',
          age: 17,
          nationality: 'PE',
          fullName: TEXT.fullName,
          documentType: 'DNI',
          documentNumber: TEXT.document,
        },
      ],
      suspects: [{ suspectId, sex: 'male', age: 40, nationality: 'BO', role: null }],
    },
    metadata,
  });

  it('seals corrected personal fields under the victim and every reason under the case; reads them back clear', async () => {
    const [caseId, victimId, suspectId] = [randomUUID(), randomUUID(), randomUUID()];
    const produced = await run(caseId, [
      registration(caseId, victimId, suspectId),
      {
        type: 'CorrectVictim',
        data: {
          caseId,
          victimId,
          changes: {
            fullName: TEXT.correctedName,
            documentNumber: TEXT.correctedDocument,
            phone: TEXT.phone,
            address: TEXT.correctedAddress,
          },
          reason: TEXT.correctionReason,
        },
        metadata,
      },
      {
        type: 'CorrectCaseFacts',
        data: { caseId, changes: { policeUnit: TEXT.policeUnit }, reason: TEXT.factsReason },
        metadata,
      },
      { type: 'VoidSuspect', data: { caseId, suspectId, reason: TEXT.voidReason }, metadata },
      { type: 'CloseCase', data: { caseId, closedAt: '2026-03-01T10:00:00-05:00', reason: 'Concluida' }, metadata },
      { type: 'ReopenCase', data: { caseId, reopenedAt: '2026-03-01T10:05:00-05:00', reason: TEXT.reopenReason }, metadata },
      { type: 'MarkSameFacts', data: { caseId, sameAsCaseId: randomUUID(), reason: TEXT.sameFactsReason }, metadata },
      { type: 'VoidVictim', data: { caseId, victimId, reason: TEXT.voidReason }, metadata },
    ]);
    const rows = await stored(caseId);
    const log = rows.map((row) => row.text).join('\n');
    for (const text of Object.values(TEXT)) expect(log).not.toContain(text);
    expect(rows.map((row) => row.type)).toEqual([
      'CaseRegistered',
      'VictimIdentified',
      'SuspectIdentified',
      'VictimCorrected',
      'CaseFactsCorrected',
      'SuspectVoided',
      'CaseClosed',
      'CaseReopened',
      'CaseMarkedSameFacts',
      'VictimVoided',
    ]);

    const corrected = rows[3]!.data as { changes: { personal: Record<string, string> }; linkId: string; reason: string };
    expect(Object.keys(corrected.changes.personal).sort()).toEqual(['address', 'documentNumber', 'documentType', 'fullName', 'phone']);
    for (const value of Object.values(corrected.changes.personal)) expect(value.startsWith(`sealed:v2:${victimId}:`)).toBe(true);
    expect(corrected.reason.startsWith(`sealed:v2:${caseId}:`)).toBe(true);
    // A new document, a new link id: not the one of the document at identification.
    expect(corrected.linkId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(corrected.linkId).not.toBe((rows[1]!.data as { linkId: string }).linkId);
    expect(((rows[4]!.data as { changes: { policeUnit: string } }).changes.policeUnit ?? '').startsWith(`sealed:v2:${caseId}:`)).toBe(true);

    // Opened, the events are the decider's own (no link id), so a retried command compares equal.
    const opened = await store.readStream(caseStreamName(caseId));
    expect(opened.map(({ type, data }) => ({ type, data }))).toEqual(produced);
    const state = fold(decider, opened as unknown as PoliceCaseEvent[]) as Extract<PoliceCaseState, { victims: unknown }>;
    expect(state.victims[0]).toMatchObject({
      voided: true,
      personal: { fullName: TEXT.correctedName, documentNumber: TEXT.correctedDocument },
    });
    expect(state).toMatchObject({ policeUnit: TEXT.policeUnit, status: 'open' });

    // The projections that index free text see the corrected police unit clear.
    const [facts] = await store.openFreeText(opened.filter((event) => event.type === 'CaseFactsCorrected'));
    expect(facts!.data).toMatchObject({ changes: { policeUnit: TEXT.policeUnit }, reason: TEXT.factsReason });
  });

  it('links a corrected document like any other record of it, null once the document is removed, none when it is kept', async () => {
    const [caseId, victimId, otherCase, otherVictim] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await run(otherCase, [registration(otherCase, otherVictim, randomUUID())]);
    await run(otherCase, [
      {
        type: 'CorrectVictim',
        data: { caseId: otherCase, victimId: otherVictim, changes: { documentNumber: TEXT.correctedDocument }, reason: 'Dígito errado' },
        metadata,
      },
    ]);
    await run(caseId, [
      registration(caseId, victimId, randomUUID()),
      {
        type: 'CorrectVictim',
        data: { caseId, victimId, changes: { documentNumber: TEXT.correctedDocument }, reason: 'Dígito errado' },
        metadata,
      },
      { type: 'CorrectVictim', data: { caseId, victimId, changes: { phone: TEXT.phone }, reason: 'Nuevo teléfono' }, metadata },
      {
        type: 'CorrectVictim',
        data: { caseId, victimId, changes: { documentType: null, documentNumber: null }, reason: 'Sin documento' },
        metadata,
      },
    ]);
    const otherLink = ((await stored(otherCase))[3]!.data as { linkId: string }).linkId;
    const [sameDocument, phoneOnly, removed] = (await stored(caseId)).slice(3).map((row) => row.data);
    expect(sameDocument).toMatchObject({ linkId: otherLink });
    expect(phoneOnly).not.toHaveProperty('linkId');
    expect(removed).toMatchObject({ linkId: null, changes: { personal: { documentType: null, documentNumber: null } } });
  });

  it('names the victim among the subjects of a correction, with the new document only when it changed', () => {
    const sealing = STREAM_SEALINGS.find((candidate) => candidate.streamPrefix === caseStreamName(''))!;
    const [caseId, victimId] = [randomUUID(), randomUUID()];
    const event = (personal: Record<string, string | null>) => ({
      type: 'VictimCorrected',
      data: { caseId, victimId, changes: { personal }, reason: 'x' },
    });
    expect(sealing.subjectsOf(event({ documentType: 'DNI', documentNumber: '1' }))).toEqual([
      { id: victimId, kind: 'victim', document: { type: 'DNI', number: '1' } },
      { id: caseId, kind: 'record' },
    ]);
    expect(sealing.subjectsOf(event({ fullName: 'A' }))).toEqual([
      { id: victimId, kind: 'victim' },
      { id: caseId, kind: 'record' },
    ]);
  });

  it("reads an erased victim's corrected fields as null, the case's reasons still clear", async () => {
    const [caseId, victimId] = [randomUUID(), randomUUID()];
    await run(caseId, [
      registration(caseId, victimId, randomUUID()),
      {
        type: 'CorrectVictim',
        data: { caseId, victimId, changes: { fullName: TEXT.correctedName, age: 18, phone: TEXT.phone }, reason: TEXT.correctionReason },
        metadata,
      },
    ]);
    await keys.erase(victimId, 'Solicitud de la titular (Ley 29733)', 'admin-1');
    const { events, erased } = await store.readOpenStream(caseStreamName(caseId));
    expect(erased.has(victimId)).toBe(true);
    expect(events[3]!.data).toEqual({
      caseId,
      victimId,
      changes: { age: 18, ageGroup: '18-24', minor: false, personal: { fullName: null, phone: null } },
      reason: TEXT.correctionReason,
    });
    await expect(
      run(caseId, [{ type: 'CorrectVictim', data: { caseId, victimId, changes: { fullName: 'Otra' }, reason: 'x' }, metadata }]),
    ).rejects.toMatchObject({ code: 'personal_data_erased' });
  });
});
