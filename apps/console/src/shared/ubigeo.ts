import catalog from '../../../../seeds/catalogs/ubigeo_inei.csv?raw';

/**
 * The INEI UBIGEO catalog the API validates against (seeds/catalogs/ubigeo_inei.csv), bundled from the same file so
 * the console offers exactly the codes the API accepts: 25 departments, their provinces and 1,891 districts. A
 * place may be a department (2 digits) or province (4) when the district is unknown.
 */
export interface Place {
  code: string;
  name: string;
  /** "Distrito, Provincia, Departamento", for the list and the screen reader. */
  label: string;
  level: 'department' | 'province' | 'district';
  /** Lower-case without accents: "huanuco" finds Huánuco. */
  key: string;
}

export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function build(): Place[] {
  const places = new Map<string, Place>();
  const add = (code: string, name: string, label: string, level: Place['level']) => {
    if (!places.has(code)) places.set(code, { code, name, label, level, key: normalize(`${label} ${code}`) });
  };
  for (const line of catalog.split(/\r?\n/).slice(1)) {
    const [code, department, province, district] = line.split(',');
    if (!code || !district) continue;
    add(code.slice(0, 2), department, department, 'department');
    add(code.slice(0, 4), province, `${province}, ${department}`, 'province');
    add(code, district, `${district}, ${province}, ${department}`, 'district');
  }
  return [...places.values()];
}

export const PLACES: readonly Place[] = build();
const BY_CODE = new Map(PLACES.map((place) => [place.code, place]));
const LEVEL_ORDER = { department: 0, province: 1, district: 2 } as const;

export function placeByCode(code: string | null | undefined): Place | undefined {
  return code ? BY_CODE.get(code) : undefined;
}

export function placeLabel(code: string | null | undefined): string {
  return placeByCode(code)?.label ?? code ?? '';
}

export const DEPARTMENTS: readonly Place[] = PLACES.filter((place) => place.level === 'department');

/**
 * Places whose words all start a word of the place's label (or its code), best first: a name that starts with the
 * query before one that merely contains it, departments before provinces before districts.
 */
export function searchPlaces(query: string, limit = 12): Place[] {
  const terms = normalize(query).split(' ').filter(Boolean);
  if (terms.length === 0) return [];
  const matches: Array<{ place: Place; score: number }> = [];
  for (const place of PLACES) {
    const words = place.key.split(/[ ,]+/);
    if (!terms.every((term) => words.some((word) => word.startsWith(term)))) continue;
    const name = normalize(place.name);
    const score = (name === terms.join(' ') ? 0 : name.startsWith(terms[0]) ? 10 : 20) + LEVEL_ORDER[place.level];
    matches.push({ place, score });
  }
  matches.sort((a, b) => a.score - b.score || a.place.label.localeCompare(b.place.label, 'es'));
  return matches.slice(0, limit).map((match) => match.place);
}
