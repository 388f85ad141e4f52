import { DAY, post, type DemoContext, type DemoRequest, type JourneyClock } from './demo-request.js';
import type { SeededRandom } from './random.js';

type Weights<T> = ReadonlyArray<readonly [T, number]>;

/** Sexual and labour exploitation lead; every purpose of art. 153 appears over a year. */
const PURPOSES: Weights<string> = [
  ['sexual_exploitation', 45],
  ['labour_exploitation', 30],
  ['forced_labour', 6],
  ['servitude', 4],
  ['begging', 6],
  ['sale_of_children', 3],
  ['organ_trafficking', 1],
  ['other', 5],
];
/** Age groups at the facts (about 40% minors), as [from, to] ranges. */
const VICTIM_AGES: Weights<readonly [number, number]> = [
  [[3, 11], 8],
  [[12, 17], 34],
  [[18, 24], 24],
  [[25, 29], 12],
  [[30, 44], 14],
  [[45, 59], 5],
  [[60, 75], 2],
];
const VICTIM_NATIONALITIES: Weights<string> = [
  ['PE', 70],
  ['VE', 14],
  ['CO', 5],
  ['EC', 3],
  ['BO', 3],
  ['unknown', 5],
];
const SUSPECT_NATIONALITIES: Weights<string> = [
  ['PE', 80],
  ['VE', 9],
  ['CO', 4],
  ['EC', 1],
  ['BO', 1],
  ['unknown', 5],
];
const SUSPECT_ROLES: Weights<string | null> = [
  ['captador', 35],
  ['explotador', 30],
  ['transportista', 10],
  ['administrador del local', 10],
  [null, 15],
];

/** A police case as the demo registered it: what the prosecution and trial steps need. */
export interface RegisteredCase {
  caseId: string;
  suspectIds: string[];
  department: string;
  requests: DemoRequest[];
}

export interface CaseOrigin {
  source: 'hotline_referral' | 'walk_in' | 'police_operation' | 'other_institution' | 'ex_officio';
  referralId?: string;
  /** UBIGEO of the place of the facts (department, province or district). */
  place: string;
  policeUnit?: string;
}

/**
 * A denunciation with its victims and suspects, then the police work on it: an operation for some (always for
 * those that came from one), and a victim or suspect identified later for a few. The clock is at the
 * registration when called; it is left at the last step.
 */
export function registerCase(context: DemoContext, clock: JourneyClock, origin: CaseOrigin): RegisteredCase {
  const { random } = context;
  const caseId = random.uuid();
  const registeredAt = clock.now;
  const department = origin.place.slice(0, 2);
  const victims = Array.from(
    {
      length: random.weighted([
        [1, 45],
        [2, 30],
        [3, 15],
        [4, 10],
      ] as const),
    },
    () => victim(context, origin.place),
  );
  const suspects = Array.from(
    {
      length: random.weighted([
        [0, 20],
        [1, 40],
        [2, 25],
        [3, 15],
      ] as const),
    },
    () => suspect(random),
  );
  const requests: DemoRequest[] = [
    post('/cases', {
      caseId,
      registeredAt,
      occurredAt: factsDate(random, registeredAt),
      policeUnit: origin.policeUnit ?? policeUnit(context, origin.place),
      ubigeo: origin.place,
      source: origin.source,
      ...(origin.referralId ? { referralId: origin.referralId } : {}),
      purposes: purposes(random),
      victims,
      suspects,
    }),
  ];
  const suspectIds = suspects.map((s) => s.suspectId as string);
  if (random.chance(0.15)) {
    requests.push(post(`/cases/${caseId}/victims`, { victims: [victim(context, origin.place)] }, `demo-${caseId}-victims`));
  }
  if (random.chance(0.15)) {
    const late = suspect(random);
    suspectIds.push(late.suspectId as string);
    requests.push(post(`/cases/${caseId}/suspects`, { suspects: [late] }, `demo-${caseId}-suspects`));
  }
  if (origin.source === 'police_operation' || random.chance(0.12)) {
    const operationId = random.uuid();
    const conductedAt = clock.advance(2, 3 * DAY);
    if (conductedAt !== null) {
      const rescued = random.weighted([
        [0, 10],
        [1, 25],
        [2, 25],
        [3, 15],
        [5, 10],
        [8, 10],
        [12, 5],
      ] as const);
      const detained = random.weighted([
        [0, 25],
        [1, 35],
        [2, 25],
        [3, 10],
        [5, 5],
      ] as const);
      requests.push(post(`/cases/${caseId}/operations`, { operationId, conductedAt, rescued, detained }, `demo-${caseId}-operation`));
    }
  }
  return { caseId, suspectIds, department, requests };
}

function victim(context: DemoContext, place: string): Record<string, unknown> {
  const { random } = context;
  const victimId = random.uuid();
  const sex = random.weighted([
    ['female', 72],
    ['male', 22],
    ['other', 2],
    ['unknown', 4],
  ] as const);
  const ages = random.weighted(VICTIM_AGES);
  const age = random.chance(0.08) ? null : random.int(ages[0], ages[1]);
  const nationality = random.weighted(VICTIM_NATIONALITIES);
  const person: Record<string, unknown> = { victimId, sex, age, nationality };
  if (random.chance(0.7)) {
    // Obviously fictitious personal data: the API seals it, the demo shows that it does.
    const number = ++context.people.named;
    person.fullName = `Persona Demo ${String(number).padStart(4, '0')}`;
    person.documentType = nationality === 'PE' ? 'DNI' : nationality === 'unknown' ? 'OTHER' : random.pick(['CE', 'PASSPORT']);
    person.documentNumber = digits(random, 8);
    if (random.chance(0.6)) person.phone = `900 ${digits(random, 3)} ${digits(random, 3)}`;
    if (random.chance(0.5)) person.address = `Calle Ficticia ${random.int(1, 999)}, ${context.ubigeo.name(place) ?? 'Lima'}`;
  }
  return person;
}

function suspect(random: SeededRandom): Record<string, unknown> {
  return {
    suspectId: random.uuid(),
    sex: random.weighted([
      ['male', 65],
      ['female', 30],
      ['unknown', 5],
    ] as const),
    age: random.chance(0.15) ? null : random.int(19, 64),
    nationality: random.weighted(SUSPECT_NATIONALITIES),
    role: random.weighted(SUSPECT_ROLES),
  };
}

/** Usually one or two purposes; unknown (none) for a few denunciations. */
function purposes(random: SeededRandom): string[] {
  if (random.chance(0.08)) return [];
  const first = random.weighted(PURPOSES);
  const second = random.chance(0.22) ? random.weighted(PURPOSES) : first;
  return first === second ? [first] : [first, second];
}

/** The facts: days to months before the denunciation, within the demo year; unknown for some. */
function factsDate(random: SeededRandom, registeredAt: string): string | null {
  if (random.chance(0.15)) return null;
  const registered = Date.parse(registeredAt);
  const yearStart = Date.UTC(new Date(registered).getUTCFullYear(), 0, 1, 5);
  const earliest = Math.max(yearStart, registered - 120 * 86_400_000);
  return new Date(earliest + Math.floor(random.next() * (registered - earliest))).toISOString();
}

function policeUnit(context: DemoContext, place: string): string {
  const departmentName = context.ubigeo.departmentName(place) ?? 'Lima';
  return place.length === 6 && context.random.chance(0.6) ? `Comisaría ${context.ubigeo.name(place)}` : `DIRCTPTIM ${departmentName}`;
}

const digits = (random: SeededRandom, length: number): string => Array.from({ length }, () => random.int(0, 9)).join('');
