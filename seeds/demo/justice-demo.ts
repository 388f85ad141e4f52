import type { RegisteredCase } from './case-demo.js';
import { DAY, post, type DemoContext, type DemoRequest, type JourneyClock } from './demo-request.js';

const ARCHIVE_REASONS = [
  'No se acreditaron los elementos del delito de trata',
  'No se identificó a los presuntos autores',
  'Los hechos no constituyen delito',
  'Prescripción de la acción penal',
];
const DISMISSAL_REASONS = ['Insuficiencia de elementos de convicción', 'El hecho no se realizó o no es atribuible al imputado', null];
const COURTS = ['Juzgado Penal Colegiado', 'Juzgado Penal Colegiado Supraprovincial', 'Juzgado Penal Unipersonal'];

/**
 * What became of a case after the police: about 70% go to the prosecutor, who opens a preliminary investigation,
 * archives most (about 60%) and formalizes the rest; a formalized investigation mostly ends in an accusation,
 * some in a dismissal. An accusation with suspects goes to trial weeks later: few convictions, more acquittals,
 * some appealed and ruled again, some final. Some cases are closed at the end. The clock is left at the last step.
 */
export function followCase(context: DemoContext, clock: JourneyClock, found: RegisteredCase): DemoRequest[] {
  const { random } = context;
  const { caseId } = found;
  const requests: DemoRequest[] = [];
  const departmentName = context.ubigeo.departmentName(found.department) ?? 'Lima';
  let closing: { chance: number; reason: string } = { chance: 0.45, reason: 'Sin elementos para continuar la investigación policial' };
  const referredAt = random.chance(0.7) ? clock.advance(DAY, 30 * DAY) : null;
  if (referredAt !== null) {
    const prosecutionId = random.uuid();
    const office = `Fiscalía Provincial Especializada en Delitos de Trata de Personas de ${departmentName}`;
    requests.push(
      post(`/cases/${caseId}/prosecutor-referral`, { referredAt, office, prosecutionId }, `demo-${caseId}-prosecutor-referral`),
    );
    const outcome = prosecute(context, clock, prosecutionId, found, requests, departmentName);
    closing =
      outcome === 'archived'
        ? { chance: 0.3, reason: 'Investigación fiscal archivada' }
        : outcome === 'dismissed'
          ? { chance: 0.4, reason: 'Sobreseimiento de la investigación' }
          : outcome === 'final'
            ? { chance: 0.5, reason: 'Sentencia firme' }
            : { chance: 0, reason: '' };
  }
  if (closing.chance > 0 && random.chance(closing.chance)) {
    const closedAt = clock.advance(7 * DAY, 60 * DAY);
    if (closedAt !== null) requests.push(post(`/cases/${caseId}/closure`, { closedAt, reason: closing.reason }, `demo-${caseId}-closure`));
  }
  return requests;
}

type ProsecutionOutcome = 'archived' | 'dismissed' | 'accused' | 'final' | 'open';

function prosecute(
  context: DemoContext,
  clock: JourneyClock,
  prosecutionId: string,
  found: RegisteredCase,
  requests: DemoRequest[],
  departmentName: string,
): ProsecutionOutcome {
  const { random } = context;
  const stage = (name: string, minHours: number, maxHours: number, reason?: string | null): boolean => {
    const occurredAt = clock.advance(minHours, maxHours);
    if (occurredAt === null) return false;
    const body = reason === undefined ? { occurredAt } : { occurredAt, reason };
    requests.push(post(`/prosecutions/${prosecutionId}/${name}`, body, `demo-${prosecutionId}-${name}`));
    return true;
  };
  if (!stage('preliminary-investigation', DAY, 14 * DAY)) return 'open';
  if (random.chance(0.6)) return stage('archive', 3 * DAY, 90 * DAY, random.pick(ARCHIVE_REASONS)) ? 'archived' : 'open';
  if (!stage('formalization', 7 * DAY, 60 * DAY)) return 'open';
  if (random.chance(0.2)) return stage('dismissal', 14 * DAY, 90 * DAY, random.pick(DISMISSAL_REASONS)) ? 'dismissed' : 'open';
  if (!stage('accusation', 14 * DAY, 90 * DAY)) return 'open';
  // A trial needs defendants: an accusation against persons not yet identified waits.
  if (found.suspectIds.length === 0) return 'accused';
  return trial(context, clock, prosecutionId, found.suspectIds, requests, departmentName);
}

function trial(
  context: DemoContext,
  clock: JourneyClock,
  prosecutionId: string,
  defendants: string[],
  requests: DemoRequest[],
  departmentName: string,
): ProsecutionOutcome {
  const { random } = context;
  const openedAt = clock.advance(7 * DAY, 42 * DAY);
  if (openedAt === null) return 'accused';
  const trialId = random.uuid();
  requests.push(post('/trials', { trialId, prosecutionId, openedAt, court: `${random.pick(COURTS)} de ${departmentName}` }));
  const rule = (instance: number, verdict: string): boolean => {
    const ruledAt = clock.advance(14 * DAY, 90 * DAY);
    if (ruledAt === null) return false;
    const sentenceYears = verdict === 'conviction' ? random.int(8, 25) : null;
    requests.push(
      post(`/trials/${trialId}/rulings`, { ruledAt, verdict, sentenceYears, defendants }, `demo-${trialId}-ruling-${instance}`),
    );
    return true;
  };
  let verdict = random.chance(0.4) ? 'conviction' : 'acquittal';
  if (!rule(1, verdict)) return 'accused';
  if (random.chance(0.3)) {
    const appealedAt = clock.advance(3 * DAY, 10 * DAY);
    if (appealedAt === null) return 'accused';
    const appellant = verdict === 'conviction' ? 'defensa' : 'Ministerio Público';
    requests.push(post(`/trials/${trialId}/appeals`, { appealedAt, appellant }, `demo-${trialId}-appeal`));
    if (random.chance(0.25)) verdict = verdict === 'conviction' ? 'acquittal' : 'conviction';
    if (!rule(2, verdict)) return 'accused';
  }
  if (!random.chance(0.6)) return 'accused';
  const finalAt = clock.advance(3 * DAY, 30 * DAY);
  if (finalAt === null) return 'accused';
  requests.push(post(`/trials/${trialId}/finality`, { finalAt }, `demo-${trialId}-finality`));
  return 'final';
}
