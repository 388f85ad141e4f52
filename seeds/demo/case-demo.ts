import { DAY, DEMO_YEAR, post, type DemoContext, type DemoRequest, type JourneyClock } from './demo-request.js';
import { SeededRandom } from './random.js';

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

/** How the victims were recruited and controlled, as HTCDS records it. */
const RECRUITMENT: Weights<string> = [
  ['job_offer', 45],
  ['internet_or_app', 20],
  ['friend_or_acquaintance', 12],
  ['relative', 8],
  ['intimate_partner', 8],
  ['study_or_travel_offer', 4],
  ['other', 3],
];
const CONTROL: Weights<string> = [
  ['withheld_documents', 20],
  ['debt_bondage', 18],
  ['threats', 18],
  ['takes_earnings', 12],
  ['restricted_movement', 10],
  ['physical_violence', 8],
  ['isolation', 6],
  ['false_promises', 8],
];
/** Labour exploitation by ISIC section: mining (B), agriculture (A), domestic work (T), trade (G), hospitality (I). */
const SECTORS: Weights<string> = [
  ['B', 30],
  ['A', 20],
  ['T', 20],
  ['G', 15],
  ['I', 15],
];
/** Where Peruvians exploited abroad were taken, and where foreign victims were recruited. */
const ABROAD: Weights<string> = [
  ['CL', 40],
  ['AR', 30],
  ['EC', 20],
  ['BO', 10],
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
  const casePurposes = purposes(random);
  const unit = origin.policeUnit ?? policeUnit(context, origin.place);
  // The qualification draws from a generator of the case's own, so the rest of the demo year stays as it was.
  const own = new SeededRandom(seedOf(caseId));
  const qualification = qualify(own, origin.place, casePurposes, victims, suspects.length);
  const requests: DemoRequest[] = [
    post('/cases', {
      caseId,
      registeredAt,
      occurredAt: factsDate(random, registeredAt),
      policeUnit: unit,
      ubigeo: origin.place,
      source: origin.source,
      ...(origin.referralId ? { referralId: origin.referralId } : {}),
      purposes: casePurposes,
      victims,
      suspects,
      ...qualification,
      ...(own.chance(0.6) ? { references: { policeReport: `Atestado ${own.int(1, 999)}-${DEMO_YEAR}-${shortUnit(unit)}` } } : {}),
    }),
  ];
  if (own.chance(0.06)) {
    // A few cases are completed afterwards: the console and the reports show corrections.
    const control = qualification.control.includes('threats')
      ? [...qualification.control, 'isolation']
      : [...qualification.control, 'threats'];
    requests.push(
      post(
        `/cases/${caseId}/corrections`,
        { changes: { control, recruitment: ['internet_or_app'] }, reason: 'Ampliación de la declaración de la víctima (demo)' },
        `demo-${caseId}-correction`,
      ),
    );
  }
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

export interface DemoQualification {
  offences: string[];
  aggravatingCircumstances: string[];
  places: Record<string, unknown>;
  recruitment: string[];
  control: string[];
  labourSectors: string[];
  sexualExploitation: string[];
}

/**
 * The case's qualification under the law in force in the demo year (Ley 31146, since 2021), its aggravating
 * circumstances from the victims, places by role (about one Peruvian case in eight exploited abroad; foreign
 * victims recruited in their country and exploited in Peru), recruitment, control and sectors.
 */
function qualify(
  random: SeededRandom,
  place: string,
  purposes: readonly string[],
  victims: ReadonlyArray<Record<string, unknown>>,
  suspects: number,
): DemoQualification {
  const minors = victims.some((v) => typeof v.age === 'number' && v.age < 18);
  const aggravatingCircumstances = [
    ...(minors ? ['victim_minor'] : []),
    ...(victims.length > 1 ? ['several_victims'] : []),
    ...(suspects > 1 && random.chance(0.5) ? ['several_perpetrators'] : []),
  ];
  const offences = [aggravatingCircumstances.length > 0 ? 'cp129b-l31146' : 'cp129a-l31146'];
  if (purposes.includes('sexual_exploitation') && random.chance(0.3)) offences.push('cp129c-l31146');
  if (purposes.includes('forced_labour')) offences.push('cp129o-l31146');
  if (purposes.includes('servitude')) offences.push('cp129n-l31146');
  const foreign = victims.find((v) => typeof v.nationality === 'string' && v.nationality !== 'PE' && v.nationality !== 'unknown');
  const abroad = !foreign && random.chance(0.12);
  const places = {
    recruitment: foreign ? { country: foreign.nationality } : { ubigeo: place },
    transit: abroad || foreign ? [{ ubigeo: random.pick(['15', '23', '24']) }] : [],
    exploitation: abroad ? { country: random.weighted(ABROAD) } : { ubigeo: place },
  };
  const labour = purposes.some((p) => p === 'labour_exploitation' || p === 'forced_labour' || p === 'servitude');
  const sexual = purposes.includes('sexual_exploitation');
  const first = random.weighted(CONTROL);
  const second = random.weighted(CONTROL);
  return {
    offences,
    aggravatingCircumstances,
    places,
    recruitment: [random.weighted(RECRUITMENT)],
    control: first === second ? [first] : [first, second],
    labourSectors: labour ? [random.weighted(SECTORS)] : [],
    sexualExploitation: sexual ? [random.chance(0.8) ? 'prostitution' : 'remote_interactive_services'] : [],
  };
}

/** A seed from a case id (its first 8 hex digits): the same case, the same qualification. */
const seedOf = (caseId: string): number => Number.parseInt(caseId.replace(/-/g, '').slice(0, 8), 16);

/** "DIRCTPTIM Cusco" → "DIRCTPTIM", "Comisaría Wanchaq" → "COMISARIA": the unit's part of a report number. */
const shortUnit = (unit: string): string => unit.split(' ')[0].normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

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
