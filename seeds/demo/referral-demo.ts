import { registerCase, type CaseOrigin } from './case-demo.js';
import { clockAt, DAY, post, type DemoContext, type DemoJourney, type DemoRequest, type JourneyClock } from './demo-request.js';
import { closeCall, type HotlineCall } from './hotline-demo.js';
import { followCase } from './justice-demo.js';

type Weights<T> = ReadonlyArray<readonly [T, number]>;
type Fate = 'case' | 'completed' | 'rejected' | 'revoked' | 'pending';

const DESTINATIONS: Weights<string> = [
  ['PNP', 65],
  ['MINISTERIO_PUBLICO', 12],
  ['MIMP', 12],
  ['DEMUNA', 6],
  ['SHELTER', 5],
];
/** The police answer by registering a denunciation (the prosecutor by accepting); about a sixth never answer. */
const LAW_ENFORCEMENT_FATES: Weights<Fate> = [
  ['case', 70],
  ['rejected', 7],
  ['revoked', 5],
  ['pending', 18],
];
/** Protection services accept and later report back; more of them never answer at all. */
const PROTECTION_FATES: Weights<Fate> = [
  ['completed', 50],
  ['rejected', 15],
  ['revoked', 5],
  ['pending', 30],
];
const REJECTION_REASONS = [
  'Fuera de competencia territorial',
  'Información insuficiente para intervenir',
  'No corresponde a la institución',
  'Derivación duplicada',
];
const REVOCATION_REASONS = [
  'Derivada por error a otra institución',
  'La víctima fue ubicada por otra vía',
  'Datos de contacto equivocados',
];
const FAILURES: Weights<string> = [
  ['victim_declined', 35],
  ['unreachable', 35],
  ['outside_competence', 10],
  ['duplicate', 10],
  ['other', 10],
];

/**
 * One call and everything that followed it. About 45% of trafficking-related calls are referred (mostly to the
 * police), minutes to a day after the call; the hotline closes the call as referred right after. The rest are
 * never referred: the gap the registry exposes. The referral's fate follows (see the weights above); a police
 * case registered from it goes on to the prosecutor and the courts.
 */
export function callJourney(context: DemoContext, call: HotlineCall): DemoJourney {
  const { random } = context;
  const requests = [...call.requests];
  const clock = clockAt(context, call.receivedAt);
  const referredAt = call.traffickingRelated && random.chance(0.45) ? clock.advance(2 / 60, DAY) : null;
  if (referredAt === null) {
    if (call.closure) requests.push(closeCall(call.callId, call.closure.closedAt, call.closure.outcome));
    return { id: call.callId, requests };
  }
  const referralId = random.uuid();
  const to = random.weighted(DESTINATIONS);
  const ubigeo = call.callerUbigeo ?? (random.chance(0.5) ? call.department : null);
  const unitName = unitFor(context, to, call.department);
  requests.push(post(`/hotline-calls/${call.callId}/referrals`, { referralId, to, unitName, ubigeo, referredAt }));
  if (call.closure) {
    const closedAt = clock.advance(1 / 60, 6);
    if (closedAt !== null) requests.push(closeCall(call.callId, closedAt, 'referred'));
  }
  const lawEnforcement = to === 'PNP' || to === 'MINISTERIO_PUBLICO';
  const fate = random.weighted(lawEnforcement ? LAW_ENFORCEMENT_FATES : PROTECTION_FATES);
  const place = call.callerUbigeo ?? call.department;
  const origin: CaseOrigin = { source: 'hotline_referral', referralId, place, policeUnit: to === 'PNP' ? unitName : undefined };
  requests.push(...answer(context, clock, referralId, to, fate, origin));
  return { id: call.callId, requests };
}

function answer(context: DemoContext, clock: JourneyClock, referralId: string, to: string, fate: Fate, origin: CaseOrigin): DemoRequest[] {
  const { random } = context;
  const path = `/referrals/${referralId}`;
  const key = (step: string) => `demo-${referralId}-${step}`;
  switch (fate) {
    case 'case': {
      // The police accept a referral by registering the denunciation that names it; the API accepts the referral.
      // Only a referral to the police can be answered so (the API refuses any other): the prosecutor accepts
      // their own and takes it from there, outside the police's denunciations.
      if (clock.advance(2, 7 * DAY) === null) return [];
      if (to !== 'PNP') return [post(`${path}/accept`, { acceptedAt: clock.now }, key('accept'))];
      const found = registerCase(context, clock, origin);
      return [...found.requests, ...followCase(context, clock, found)];
    }
    case 'completed': {
      const acceptedAt = clock.advance(1, 3 * DAY);
      if (acceptedAt === null) return [];
      const accepted = post(`${path}/accept`, { acceptedAt }, key('accept'));
      const completedAt = clock.advance(DAY, 30 * DAY);
      if (completedAt === null) return [accepted];
      const successful = random.chance(0.6);
      const reason = successful ? (to === 'SHELTER' ? 'victim_sheltered' : 'victim_assisted') : random.weighted(FAILURES);
      return [accepted, post(`${path}/complete`, { completedAt, successful, reason }, key('complete'))];
    }
    case 'rejected': {
      const rejectedAt = clock.advance(2, 10 * DAY);
      return rejectedAt === null ? [] : [post(`${path}/reject`, { rejectedAt, reason: random.pick(REJECTION_REASONS) }, key('reject'))];
    }
    case 'revoked': {
      const revokedAt = clock.advance(1, 5 * DAY);
      return revokedAt === null ? [] : [post(`${path}/revoke`, { revokedAt, reason: random.pick(REVOCATION_REASONS) }, key('revoke'))];
    }
    case 'pending':
      return [];
  }
}

function unitFor(context: DemoContext, to: string, department: string): string {
  const name = context.ubigeo.departmentName(department) ?? 'Lima';
  switch (to) {
    case 'PNP':
      return `DIRCTPTIM ${name}`;
    case 'MINISTERIO_PUBLICO':
      return `Fiscalía Especializada en Trata de Personas de ${name}`;
    case 'MIMP':
      return `Centro Emergencia Mujer ${name}`;
    case 'DEMUNA':
      return `DEMUNA ${name}`;
    default:
      return `Hogar de refugio temporal ${name}`;
  }
}
