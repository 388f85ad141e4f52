import { isTraffickingRelated, type UbigeoCatalog } from '#domain';
import { DEMO_SEED, DEMO_YEAR, demoLimit, post, type DemoRequest } from './demo-request.js';
import { SeededRandom } from './random.js';

/** Roughly the weight of each department in the hotline's traffic (Lima dominates; mining and border regions stand out). */
export const DEPARTMENT_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['15', 34],
  ['07', 4],
  ['04', 6],
  ['13', 6],
  ['08', 6],
  ['20', 5],
  ['21', 5],
  ['16', 5],
  ['12', 4],
  ['14', 4],
  ['17', 4],
  ['02', 3],
  ['06', 3],
  ['11', 3],
  ['22', 3],
  ['25', 2],
  ['10', 2],
  ['03', 1],
  ['05', 2],
  ['09', 1],
  ['18', 1],
  ['19', 1],
  ['23', 1],
  ['24', 1],
  ['01', 2],
];
/** Where trafficking calls concentrate: gold-mining Madre de Dios, Cusco, Puno, Loreto. */
export const TRAFFICKING_FACTOR: Record<string, number> = { '17': 3, '08': 1.8, '21': 1.8, '16': 1.6, '15': 0.9 };
const MONTH_WEIGHTS = [0.9, 0.85, 1, 1, 1.05, 1, 1.1, 1.05, 1, 1.05, 1, 1.2]; // campaigns in July and December

const SUMMARIES: Record<string, readonly string[]> = {
  trafficking: [
    'Refiere oferta de trabajo en otra región con retención de documentos.',
    'Reporta a adolescente llevada a zona minera con promesa de empleo.',
    'Comunica posible captación por redes sociales para trabajo en bar.',
  ],
  migrant_smuggling: ['Consulta sobre cruce irregular de frontera ofrecido por un tercero.'],
  missing_person: ['Familiar reporta desaparición; se orienta sobre denuncia policial.'],
  labour_complaint: ['Reclamo por jornada excesiva y falta de pago.'],
  information: ['Consulta sobre qué es la trata de personas y cómo denunciar.', 'Pide información sobre la línea y sus servicios.'],
  other: ['Llamada ajena al servicio; se deriva a la línea correspondiente.'],
};

export interface HotlineCall {
  callId: string;
  receivedAt: string;
  /** Where the caller was, as recorded (null: not given). */
  callerUbigeo: string | null;
  /** The department the call came from, even when the caller gave no place (the generator knows it). */
  department: string;
  /** Topic trafficking, as recorded or after re-classification: only these may be referred. */
  traffickingRelated: boolean;
  /** Recording, then re-classification and correction if any: undated steps that follow the receipt. */
  requests: DemoRequest[];
  /** How the hotline closed it (97% of calls), or null while it stays open. */
  closure: { closedAt: string; outcome: string } | null;
}

/**
 * A deterministic year of hotline traffic, as HTTP requests: most calls ask for information; about 9% are
 * recorded as trafficking (the order of the hotline's 544 trafficking calls in its seed year), and a few
 * missing-person or labour calls are re-classified as trafficking later; some are corrected; nearly all are
 * closed. The random draws are those of the command-bus generator this replaced, so the calls did not change.
 */
export function generateHotlineCalls(ubigeo: UbigeoCatalog, now: string, calls = 6000, seed = DEMO_SEED): HotlineCall[] {
  const random = new SeededRandom(seed);
  const districtsByDepartment = groupDistricts(ubigeo);
  const limit = demoLimit(now);
  const result: HotlineCall[] = [];
  for (let i = 0; i < calls; i++) {
    const callId = random.uuid();
    const received = randomInstant(random);
    const department = random.weighted(DEPARTMENT_WEIGHTS);
    const place = random.weighted([
      ['none', 20],
      ['department', 10],
      ['district', 70],
    ] as const);
    const callerUbigeo =
      place === 'none' ? null : place === 'department' ? department : random.pick(districtsByDepartment.get(department)!);
    const traffickingShare = 0.09 * (TRAFFICKING_FACTOR[department] ?? 0.8);
    const topic = random.chance(traffickingShare)
      ? 'trafficking'
      : random.weighted([
          ['information', 48],
          ['labour_complaint', 16],
          ['missing_person', 12],
          ['migrant_smuggling', 4],
          ['other', 20],
        ] as const);
    const language = random.weighted([
      ['es', 93],
      ['qu', 5],
      ['ay', 1],
      ['other', 1],
    ] as const);
    const receivedAt = received.toISOString();
    const requests: DemoRequest[] = [
      post('/hotline-calls', {
        callId,
        receivedAt,
        channel: random.weighted([
          ['phone', 70],
          ['whatsapp', 15],
          ['web', 7],
          ['email', 3],
          ['in_person', 5],
        ] as const),
        language,
        callerUbigeo,
        anonymous: random.chance(0.35),
        topic,
        summary: random.chance(0.8) ? random.pick(SUMMARIES[topic]) : null,
      }),
    ];
    let traffickingRelated = isTraffickingRelated(topic);
    if (topic !== 'trafficking' && (topic === 'missing_person' || topic === 'labour_complaint') && random.chance(0.06)) {
      requests.push(
        post(
          `/hotline-calls/${callId}/classification`,
          { topic: 'trafficking', reason: 'Indicios de captación y explotación' },
          `demo-${callId}-classification`,
        ),
      );
      traffickingRelated = true;
    }
    if (random.chance(0.03)) {
      const corrected = language === 'qu' ? 'es' : 'qu';
      requests.push(
        post(
          `/hotline-calls/${callId}/correction`,
          { language: corrected, reason: 'Idioma registrado por error' },
          `demo-${callId}-correction`,
        ),
      );
    }
    let closure: HotlineCall['closure'] = null;
    if (random.chance(0.97)) {
      // Calls of the year's last days close by its end at the latest (never after the demo period).
      const closedAt = new Date(Math.min(received.getTime() + random.int(3, 60 * 24 * 3) * 60_000, limit));
      const outcome =
        topic === 'trafficking'
          ? random.weighted([
              ['referred', 70],
              ['information_provided', 25],
              ['dropped', 5],
            ] as const)
          : random.weighted([
              ['information_provided', 75],
              ['no_action_required', 12],
              ['dropped', 8],
              ['duplicate', 2],
              ['other', 3],
            ] as const);
      if (closedAt.getTime() > received.getTime()) closure = { closedAt: closedAt.toISOString(), outcome };
    }
    result.push({ callId, receivedAt, callerUbigeo, department, traffickingRelated, requests, closure });
  }
  return result;
}

export const closeCall = (callId: string, closedAt: string, outcome: string): DemoRequest =>
  post(`/hotline-calls/${callId}/closure`, { closedAt, outcome }, `demo-${callId}-closure`);

export function randomInstant(random: SeededRandom): Date {
  const month = random.weighted(MONTH_WEIGHTS.map((w, m) => [m, w] as const));
  const day = random.int(1, new Date(Date.UTC(DEMO_YEAR, month + 1, 0)).getUTCDate());
  const hour = random.weighted([
    [7, 2],
    [9, 6],
    [11, 7],
    [13, 6],
    [15, 7],
    [17, 6],
    [19, 4],
    [21, 2],
    [23, 1],
  ] as const);
  // Lima is UTC-5 all year.
  return new Date(Date.UTC(DEMO_YEAR, month, day, hour + 5, random.int(0, 59), random.int(0, 59)));
}

export function groupDistricts(ubigeo: UbigeoCatalog): Map<string, string[]> {
  const byDepartment = new Map<string, string[]>();
  for (const code of ubigeo.districtCodes()) {
    const list = byDepartment.get(code.slice(0, 2)) ?? [];
    list.push(code);
    byDepartment.set(code.slice(0, 2), list);
  }
  return byDepartment;
}
