import { randomUUID } from 'node:crypto';
import {
  caseStreamName,
  criminalNetworkStreamName,
  fold,
  hotlineCallStreamName,
  prosecutionStreamName,
  referralStreamName,
  trialStreamName,
  victimAssistanceStreamName,
  witnessProtectionStreamName,
  type Decider,
} from '#domain';
import type { NewEvent } from '#event-store';
import * as network from '../../libs/domain/src/criminal-network/criminal-network.fixtures.js';
import * as call from '../../libs/domain/src/hotline-call/hotline-call.fixtures.js';
import * as policeCase from '../../libs/domain/src/police-case/police-case.fixtures.js';
import * as prosecution from '../../libs/domain/src/prosecution/prosecution.fixtures.js';
import * as referral from '../../libs/domain/src/referral/referral.fixtures.js';
import * as trial from '../../libs/domain/src/trial/trial.fixtures.js';
import { assistanceActs, protectionActs } from './personal-data-acts.js';

/**
 * Personal data and free text planted everywhere a command takes them, each value distinct so a test can search
 * the integration messages for every one of them. Stored events would hold these sealed; the log built here holds
 * them in clear, the worst case for the contract.
 */
export const PLANTED = {
  victimName: 'Rosa Mamani Quispe',
  victimDocument: '44556677',
  victimPhone: '+51 984 112 233',
  victimAddress: 'Jr. Las Flores 123, Puerto Maldonado',
  otherVictimName: 'Lucía Huamán Torres',
  otherVictimDocument: 'X98765432',
  correctedName: 'Rosa Elena Mamani Quispe',
  correctedPhone: '+51 955 000 111',
  suspectRole: 'tío de Rosa, maneja la combi',
  callSummary: 'La llamante dice que su hija Rosa trabaja en un bar de Laberinto',
  classifyReason: 'La madre de Rosa confirmó la captación',
  correctReason: 'El operador escribió mal el nombre de la hija',
  unitName: 'Comisaría PNP Laberinto, suboficial Ccori',
  rejectReason: 'El comisario Ccori dice que no es su jurisdicción',
  revokeReason: 'Enviada por error al suboficial Ccori',
  policeUnit: 'DIRCTPTIM Puerto Maldonado, mayor Zapata',
  correctedPoliceUnit: 'DEPINCRI Tambopata, capitán Ríos',
  factsReason: 'El capitán Ríos corrigió la fecha',
  victimReason: 'Rosa dio su segundo nombre al fiscal',
  voidVictimReason: 'Lucía no es víctima, es la hermana de Rosa',
  voidSuspectReason: 'El tío de Rosa fue confundido con otro',
  externalReference: 'SIDPOL-2026-778899',
  caseOffice: 'Fiscalía de Tambopata, fiscal Condori',
  closeReason: 'Rosa se retractó ante el fiscal Condori',
  reopenReason: 'Rosa volvió a denunciar en abril',
  sameFactsReason: 'La misma denuncia de Rosa en dos comisarías',
  prosecutionOffice: 'Fiscalía Provincial Especializada de Madre de Dios, fiscal Condori',
  archiveReason: 'No se ubicó a Rosa para su declaración',
  dismissReason: 'El juez Salas sobreseyó por falta de pruebas de Rosa',
  court: 'Juzgado Penal Colegiado de Madre de Dios, juez Salas',
  appellant: 'Abogado Pérez, defensa del tío de Rosa',
  networkAlias: 'Los Topos de Laberinto',
  networkUnit: 'DIVINTRAP, comandante Vera',
  shelterName: 'CAR Santa Rosita de Puerto Maldonado',
  assistanceNotes: 'Rosa llegó con su hermana Lucía y pidió no ver al tío',
  witnessReference: 'testigo Juan Ccori Apaza',
  protectionNotes: 'Juan vive en el jirón Ayacucho 45',
} as const;

export interface LogStream {
  streamId: string;
  events: NewEvent[];
}

/** Runs commands through a decider, each on the state the previous ones left, as the application does. */
function run<C, E extends { type: string; data: object }, S>(decider: Decider<C, E, S>, commands: readonly C[]): NewEvent[] {
  const events: E[] = [];
  for (const command of commands) events.push(...decider.decide(command, fold(decider as Decider<unknown, E, S>, events)));
  return events.map((event) => ({
    eventId: randomUUID(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: { actor: 'test' },
  }));
}

const P = PLANTED;

/** Every record kind, through its real decider, with personal data and free text wherever a command takes them. */
export function personalDataLog(): LogStream[] {
  const victim = policeCase.victimInput({
    fullName: P.victimName,
    documentNumber: P.victimDocument,
    phone: P.victimPhone,
    address: P.victimAddress,
  });
  const other = policeCase.victimInput({
    victimId: policeCase.VICTIM_ID_2,
    fullName: P.otherVictimName,
    documentNumber: P.otherVictimDocument,
  });
  const caseEvents = run(policeCase.decider, [
    policeCase.register({ policeUnit: P.policeUnit, victims: [victim], suspects: [policeCase.suspectInput({ role: P.suspectRole })] }),
    policeCase.addVictims([other]),
    policeCase.addSuspects([policeCase.suspectInput({ suspectId: policeCase.SUSPECT_ID_2, role: P.suspectRole })]),
    policeCase.recordOperation(),
    policeCase.correctFacts({ policeUnit: P.correctedPoliceUnit, occurredAt: '2026-02-19T22:00:00-05:00' }, { reason: P.factsReason }),
    policeCase.correctVictim({ fullName: P.correctedName, phone: P.correctedPhone }, { reason: P.victimReason }),
    policeCase.voidVictim({ victimId: policeCase.VICTIM_ID_2, reason: P.voidVictimReason }),
    policeCase.voidSuspect({ suspectId: policeCase.SUSPECT_ID_2, reason: P.voidSuspectReason }),
    policeCase.recordReferences({ policeReport: P.externalReference }),
    policeCase.assignNumber(),
    policeCase.markSameFacts({ reason: P.sameFactsReason }),
    policeCase.refer({ office: P.caseOffice }),
    policeCase.close({ reason: P.closeReason }),
    policeCase.reopen({ reason: P.reopenReason }),
  ]);
  const { stage, LOCAL } = prosecution;
  const preliminary = stage('preliminary-investigation', LOCAL.preliminary);
  const prosecutions = [
    [prosecution.PROSECUTION_ID, [preliminary, stage('archive', LOCAL.archive, P.archiveReason)]],
    [
      prosecution.OTHER_PROSECUTION_ID,
      [preliminary, stage('formalization', LOCAL.formalization), stage('dismissal', LOCAL.dismissal, P.dismissReason)],
    ],
    [randomUUID(), [preliminary, stage('formalization', LOCAL.formalization), stage('accusation', LOCAL.accusation)]],
  ] as const;
  return [
    {
      streamId: hotlineCallStreamName(call.CALL_ID),
      events: run(call.decider, [
        call.record({ summary: P.callSummary, topic: 'trafficking' }),
        call.classify('labour_complaint', P.classifyReason),
        call.correct({ summary: P.victimName }, P.correctReason),
        call.close(),
      ]),
    },
    ...[
      [referral.REFERRAL_ID, [referral.accept(), referral.complete()]],
      [referral.OTHER_REFERRAL_ID, [referral.reject({ reason: P.rejectReason })]],
      [randomUUID(), [referral.revoke({ reason: P.revokeReason })]],
    ].map(([referralId, after]) => ({
      streamId: referralStreamName(referralId as string),
      events: run(referral.decider, [
        referral.send({ referralId, unitName: P.unitName }),
        ...(after as []).map((c: object) => withId(c, 'referralId', referralId as string)),
      ]),
    })),
    { streamId: caseStreamName(policeCase.CASE_ID), events: caseEvents },
    ...prosecutions.map(([prosecutionId, stages]) => ({
      streamId: prosecutionStreamName(prosecutionId),
      events: run(prosecution.decider, [
        prosecution.open({ prosecutionId, office: P.prosecutionOffice }),
        ...stages.map((s) => withId(s, 'prosecutionId', prosecutionId)),
      ]),
    })),
    {
      streamId: trialStreamName(trial.TRIAL_ID),
      events: run(trial.decider, [
        trial.open({ court: P.court }),
        trial.rule(),
        trial.appeal({ appellant: P.appellant }),
        trial.rule({ ruledAt: '2026-08-03T10:00:00-05:00', verdict: 'conviction' }),
        trial.declareFinal(),
      ]),
    },
    {
      streamId: criminalNetworkStreamName(network.NETWORK_ID),
      events: run(network.decider, [
        network.identify({ alias: P.networkAlias, policeUnit: P.networkUnit }),
        network.linkCase(),
        network.linkSuspect(),
        network.dismantle(),
      ]),
    },
    ...assistanceActs(P).map(({ victimId, commands, decider }) => ({
      streamId: victimAssistanceStreamName(victimId),
      events: run(decider, commands),
    })),
    ...protectionActs(P).map(({ prosecutionId, commands, decider }) => ({
      streamId: witnessProtectionStreamName(prosecutionId),
      events: run(decider, commands),
    })),
  ];
}

/** A fixture's command for another record: its id replaced. */
function withId<C extends object>(command: C, field: string, value: string): C {
  const { data } = command as { data: Record<string, unknown> };
  return { ...command, data: { ...data, [field]: value } };
}
