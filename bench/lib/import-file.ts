import { CASE_FILE_COLUMNS, CALL_FILE_COLUMNS } from '../../apps/cli/src/import/import-layout.js';

/** A seeded generator (mulberry32, as test/support/random.ts): the same file on every run. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { int, chance: (p: number) => next() < p, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] };
}

const UBIGEOS = ['150101', '080101', '170101', '130101', '040101', '2501', '21'];
const UNITS = ['DIRCTPTIM Lima', 'DEPINCRI Cusco', 'Comisaría Puerto Maldonado', 'DIVINCRI Trujillo'];

/** The offence in force on a Lima date (trafficking under the text of the day). */
export const offenceOn = (date: string): string =>
  date < '2014-10-22' ? 'cp153-l28950' : date < '2021-03-31' ? 'cp153-l30251' : 'cp129a-l31146';

const quote = (cell: string): string => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const line = (cells: readonly string[]): string => cells.map(quote).join(',');

export interface GeneratedFile {
  csv: string;
  rows: number;
  cases: number;
  victims: number;
  /** A victim's document number, to look for in clear in the events table. */
  someDocumentNumber: string;
}

/**
 * A historic cases file of about `rows` rows (one per victim per case; some cases without victims), deterministic
 * for a seed: dates 2008–2024 with the trafficking offence in force on each, places in Peru and abroad, every list
 * column used.
 */
export function generateCasesFile(rows: number, seed = 7): GeneratedFile {
  const random = seededRandom(seed);
  const out = [line(CASE_FILE_COLUMNS)];
  let cases = 0;
  let victims = 0;
  let someDocumentNumber = '';
  while (out.length - 1 < rows) {
    cases++;
    const day = new Date(Date.UTC(2008, 0, 1) + random.int(0, 16 * 365) * 86_400_000).toISOString().slice(0, 10);
    const abroad = random.chance(0.2);
    const facts: Record<string, string> = {
      source_case_id: `H-${seed}-${cases}`,
      registered_at: `${day}T10:30:00-05:00`,
      occurred_at: random.chance(0.8) ? day : '',
      police_unit: random.pick(UNITS),
      ubigeo: random.pick(UBIGEOS),
      source: random.pick(['walk_in', 'police_operation', 'other_institution', 'ex_officio']),
      purposes: random.pick(['sexual_exploitation', 'labour_exploitation', 'sexual_exploitation;labour_exploitation']),
      offences: offenceOn(day),
      aggravating_circumstances: random.pick(['', 'victim_minor', 'several_victims;victim_minor']),
      recruitment_place: random.pick(['', '1601', '08']),
      transit_places: random.pick(['', '1501;1701', 'BO']),
      exploitation_place: abroad ? random.pick(['CL', 'AR', 'EC']) : random.pick(['', '170101', '1501']),
      recruitment_methods: random.pick(['job_offer', 'internet_or_app;job_offer', '']),
      control_means: random.pick(['debt_bondage;threats', 'withheld_documents', '']),
      labour_sectors: random.pick(['', 'B', 'A;T']),
      sexual_exploitation_types: random.pick(['', 'prostitution']),
      police_report: random.chance(0.5) ? `DENUNCIA-${cases}` : '',
      prosecutor_file: random.chance(0.3) ? `CF-${2000 + cases}` : '',
      court_file: '',
    };
    const count = random.chance(0.05) ? 0 : random.int(1, 3);
    if (count === 0) out.push(line(CASE_FILE_COLUMNS.map((c) => facts[c] ?? '')));
    for (let v = 1; v <= count && out.length - 1 < rows; v++) {
      victims++;
      const document = String(10_000_000 + seed * 1_000_000 + victims).slice(-8);
      someDocumentNumber ||= document;
      const person: Record<string, string> = {
        source_victim_id: `V${v}`,
        victim_sex: random.pick(['female', 'male', 'unknown']),
        victim_age: random.chance(0.9) ? String(random.int(8, 45)) : '',
        victim_nationality: random.pick(['PE', 'VE', 'CO', 'unknown']),
        victim_full_name: `Persona Histórica ${victims}`,
        victim_document_type: 'DNI',
        victim_document_number: document,
        victim_phone: random.chance(0.5) ? `9${String(victims).padStart(8, '0')}` : '',
        victim_address: random.chance(0.3) ? `Jr. Prueba ${victims}, Lima` : '',
      };
      out.push(line(CASE_FILE_COLUMNS.map((c) => facts[c] ?? person[c] ?? '')));
    }
  }
  return { csv: `${out.join('\n')}\n`, rows: out.length - 1, cases, victims, someDocumentNumber };
}

/** A historic calls file of `rows` calls. */
export function generateCallsFile(rows: number, seed = 3): string {
  const random = seededRandom(seed);
  const out = [line(CALL_FILE_COLUMNS)];
  for (let i = 1; i <= rows; i++) {
    const day = new Date(Date.UTC(2012, 0, 1) + random.int(0, 12 * 365) * 86_400_000).toISOString().slice(0, 10);
    const cells: Record<string, string> = {
      source_call_id: `C-${seed}-${i}`,
      received_at: `${day}T15:00:00-05:00`,
      channel: random.pick(['phone', 'whatsapp', 'web']),
      language: random.pick(['es', 'qu']),
      caller_ubigeo: random.pick(['', '150101', '08']),
      anonymous: random.pick(['true', 'false']),
      topic: random.pick(['trafficking', 'information', 'missing_person']),
      summary: random.chance(0.5) ? `Llamada histórica ${i}` : '',
    };
    out.push(line(CALL_FILE_COLUMNS.map((c) => cells[c])));
  }
  return `${out.join('\n')}\n`;
}
