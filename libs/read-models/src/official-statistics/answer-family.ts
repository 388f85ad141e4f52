import { recordTableCells, type TableCells } from './report-tables.js';
import type { CellSet } from './statistics-cells.query.js';
import { cellKey } from './statistics-units.js';
import { TOTAL_KEY, type PublishedReport } from './stat-table.js';

/**
 * Disclosure control across answers. Each table is protected on its own (disclosure-control.ts), but an analyst
 * can obtain many answers at one release point — the national monthly report and every department's — and
 * subtract them: national cell − Σ other departments' cells = one department's suppressed cell. This control
 * works on the set of answers an analyst can obtain for one (release point, period): every published figure is a
 * sum of statistics cells (the ledger's cells, recorded while the report is built), so the attacker's knowledge
 * is the linear span of the published figures. A suppressed figure is safe when it is not in that span, when no
 * other answer publishes the very same figure, and when the departments' published parts of a published national
 * figure do not pin each suppressed part to 1. Until that holds, one more figure taking part in the derivation is
 * suppressed (complementary), in every answer that publishes it, and the answers are rebuilt: every round
 * suppresses at least one more nonzero figure, so it ends.
 */

export type ForcedSuppressions = Map<string, Array<{ row: string; column: string }>>;

export interface FamilyAnswer {
  report: PublishedReport;
  tables: Map<string, TableCells>;
}

export interface FamilyFinding {
  answer: number;
  table: string;
  row: string;
  column: string;
  problem: 'published_elsewhere' | 'derivable' | 'pinned_by_bounds';
}

/**
 * Builds every answer of the family under the forced suppressions found so far, until the cross-answer check
 * finds nothing. `build(i, forced)` builds answer i (it must read the same CellSet for every answer).
 */
export function protectFamily(
  count: number,
  cells: CellSet,
  build: (answer: number, forced: ForcedSuppressions) => PublishedReport,
  initial: readonly ForcedSuppressions[] = [],
): FamilyAnswer[] {
  const forced: ForcedSuppressions[] = Array.from(
    { length: count },
    (_, i) => new Map([...(initial[i] ?? new Map())].map(([table, list]) => [table, [...list]])),
  );
  for (;;) {
    const answers = forced.map((f, i) => {
      const { value, tables } = recordTableCells(() => build(i, f));
      return { report: value, tables };
    });
    const complements = familyComplements(answers, cells);
    if (complements.length === 0) return answers;
    for (const c of complements) {
      const list = forced[c.answer].get(c.table) ?? [];
      list.push({ row: c.row, column: c.column });
      forced[c.answer].set(c.table, list);
    }
  }
}

interface Instance {
  answer: number;
  table: string;
  row: string;
  column: string;
  value: number | null;
  margin: boolean;
  signature: string;
  order: number;
}

interface Figure {
  vector: Map<number, number>;
  exact: number;
  instances: Instance[];
}

/** What the cross-answer check finds, judged from the published figures and the cells each one adds up. */
export function familyFindings(answers: readonly FamilyAnswer[], cells: CellSet): FamilyFinding[] {
  return analyse(answers, cells).findings;
}

function familyComplements(answers: readonly FamilyAnswer[], cells: CellSet): Instance[] {
  return analyse(answers, cells).complements;
}

function analyse(answers: readonly FamilyAnswer[], cells: CellSet): { findings: FamilyFinding[]; complements: Instance[] } {
  const figures = collectFigures(answers, cells);
  const findings: FamilyFinding[] = [];
  const complements: Instance[] = [];
  const published = [...figures.values()].filter((f) => f.exact > 0 && f.instances.every((i) => i.value !== null));
  const hidden = [...figures.values()].filter((f) => f.exact > 0 && f.instances.some((i) => i.value === null));
  const finding = (instance: Instance, problem: FamilyFinding['problem']) =>
    findings.push({ answer: instance.answer, table: instance.table, row: instance.row, column: instance.column, problem });

  // The same figure published in one answer and suppressed in another: suppress it everywhere.
  for (const figure of hidden) {
    const shown = figure.instances.filter((i) => i.value !== null);
    if (shown.length === 0) continue;
    finding(
      figure.instances.find((i) => i.value === null)!,
      'published_elsewhere',
    );
    complements.push(...shown);
  }
  if (complements.length > 0) return { findings, complements };

  const basis = new Basis();
  published.forEach((figure, index) => basis.insert(figure.vector, index));
  const chosen = new Set<Figure>();
  for (const figure of hidden) {
    const used = basis.representation(figure.vector);
    if (used === null) continue;
    finding(figure.instances[0], 'derivable');
    const candidates = used.map((index) => published[index]).filter((f) => !chosen.has(f));
    const best = bestFigure(candidates);
    if (best) {
      chosen.add(best);
      complements.push(...best.instances);
    }
  }
  if (complements.length > 0) return { findings, complements };

  for (const pin of pinnedParts(answers, figures)) {
    finding(pin.instance, 'pinned_by_bounds');
    const best = bestFigure(pin.candidates.filter((f) => !chosen.has(f)));
    if (best) {
      chosen.add(best);
      complements.push(...best.instances);
    }
  }
  return { findings, complements };
}

/** The figure to suppress next: body cells before margins, then the smallest, then the first published. */
function bestFigure(candidates: readonly Figure[]): Figure | null {
  let best: Figure | null = null;
  const rank = (f: Figure) => [f.instances.every((i) => i.margin) ? 1 : 0, f.exact, Math.min(...f.instances.map((i) => i.order))];
  for (const figure of candidates) {
    if (best === null) {
      best = figure;
      continue;
    }
    const [a, b] = [rank(figure), rank(best)];
    if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))) best = figure;
  }
  return best;
}

/** Every count figure of every answer, keyed by the cells it adds up (equal sets are one figure). */
function collectFigures(answers: readonly FamilyAnswer[], cells: CellSet): Map<string, Figure> {
  const figures = new Map<string, Figure>();
  let order = 0;
  answers.forEach((answer, a) => {
    for (const table of answer.report.tables) {
      const recorded = answer.tables.get(table.id);
      if (!recorded) continue;
      for (const row of table.rows) {
        table.columns.forEach((column, c) => {
          const vector = figureVector(recorded, row.key, column.key);
          if (vector === null) return;
          const signature = [...vector]
            .sort((x, y) => x[0] - y[0])
            .map(([atom, coefficient]) => `${atom}:${coefficient}`)
            .join(',');
          const exact = [...vector].reduce((sum, [atom, coefficient]) => sum + coefficient * cells.rows[atom].n, 0);
          const instance: Instance = {
            answer: a,
            table: table.id,
            row: row.key,
            column: column.key,
            value: row.values[c],
            signature,
            order: order++,
            margin: row.key === TOTAL_KEY || column.key === TOTAL_KEY,
          };
          const figure = figures.get(signature) ?? { vector, exact, instances: [] };
          figure.instances.push(instance);
          figures.set(signature, figure);
        });
      }
    }
  });
  return figures;
}

/** The cells a published figure adds up: a body cell's, or the union down its row or column for a margin. */
function figureVector(recorded: TableCells, row: string, column: string): Map<number, number> | null {
  const rows = row === TOTAL_KEY && !recorded.rows.includes(TOTAL_KEY) ? recorded.rows.map((_, i) => i) : [recorded.rows.indexOf(row)];
  const columns =
    column === TOTAL_KEY && !recorded.columns.includes(TOTAL_KEY) ? recorded.columns.map((_, i) => i) : [recorded.columns.indexOf(column)];
  if (rows.includes(-1) || columns.includes(-1)) return null;
  const vector = new Map<number, number>();
  for (const r of rows) for (const c of columns) for (const atom of recorded.body[r][c]) vector.set(atom, (vector.get(atom) ?? 0) + 1);
  return vector;
}

/**
 * A published national figure whose department parts (the same table, row and column in each department's
 * answer, adding up exactly the national cells) leave, after the published parts, as much as there are
 * suppressed parts: each suppressed part is 1 (zeros are always published).
 */
function pinnedParts(answers: readonly FamilyAnswer[], figures: Map<string, Figure>): Array<{ instance: Instance; candidates: Figure[] }> {
  const bySignature = new Map<string, Figure>();
  const byAddress = new Map<string, Instance[]>();
  for (const figure of figures.values()) {
    for (const instance of figure.instances) {
      bySignature.set(instance.signature, figure);
      const address = `${instance.table}\u0000${instance.row}\u0000${instance.column}`;
      byAddress.set(address, [...(byAddress.get(address) ?? []), instance]);
    }
  }
  const national = answers.findIndex((a) => a.report.department === null);
  const pins: Array<{ instance: Instance; candidates: Figure[] }> = [];
  if (national < 0) return pins;
  for (const instances of byAddress.values()) {
    const whole = instances.find((i) => i.answer === national);
    if (!whole || whole.value === null) continue;
    const parts = instances.filter((i) => i.answer !== national && answers[i.answer].report.department !== null);
    const union = new Map<number, number>();
    for (const part of parts) for (const [atom, c] of bySignature.get(part.signature)!.vector) union.set(atom, (union.get(atom) ?? 0) + c);
    const total = bySignature.get(whole.signature)!.vector;
    if (union.size !== total.size || [...total].some(([atom, c]) => union.get(atom) !== c)) continue;
    const suppressed = parts.filter((p) => p.value === null);
    const residual = parts.reduce((rest, p) => rest - (p.value ?? 0), whole.value);
    if (suppressed.length === 0 || residual !== suppressed.length) continue;
    const candidates = parts.filter((p) => p.value !== null && p.value > 0).map((p) => bySignature.get(p.signature)!);
    pins.push({ instance: suppressed[0], candidates: candidates.length > 0 ? candidates : [bySignature.get(whole.signature)!] });
  }
  return pins;
}

/**
 * Every nonzero count figure an answer publishes, as the statistics cells it adds up (by cell key, so figures of
 * answers read from different snapshots compare).
 */
export function publishedFigures(answer: FamilyAnswer, cells: CellSet): string[][] {
  const figures: string[][] = [];
  for (const table of answer.report.tables) {
    const recorded = answer.tables.get(table.id);
    if (!recorded) continue;
    for (const row of table.rows) {
      table.columns.forEach((column, c) => {
        const value = row.values[c];
        const vector = figureVector(recorded, row.key, column.key);
        if (value === null || value === 0 || vector === null) return;
        figures.push([...vector.keys()].map((atom) => cellKey(cells.rows[atom])));
      });
    }
  }
  return figures;
}

/**
 * Which cells of a report (built under recordTableCells) are sums of figures already published: those only may be
 * published without telling more than the published figures. Returns the others, as forced suppressions.
 */
export function notDerivableFrom(published: readonly string[][], answer: FamilyAnswer, cells: CellSet): ForcedSuppressions {
  const ids = new Map<string, number>();
  const id = (key: string) => {
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key)!;
  };
  const basis = new Basis();
  published.forEach((keys, index) => basis.insert(new Map(keys.map((key) => [id(key), 1])), index));
  const forced: ForcedSuppressions = new Map();
  for (const table of answer.report.tables) {
    const recorded = answer.tables.get(table.id);
    if (!recorded) continue;
    for (const row of table.rows) {
      for (const column of table.columns) {
        const vector = figureVector(recorded, row.key, column.key);
        if (vector === null || vector.size === 0) continue;
        const target = new Map<number, number>();
        for (const [atom, coefficient] of vector) {
          const key = id(cellKey(cells.rows[atom]));
          target.set(key, (target.get(key) ?? 0) + coefficient);
        }
        if (basis.representation(target) === null)
          forced.set(table.id, [...(forced.get(table.id) ?? []), { row: row.key, column: column.key }]);
      }
    }
  }
  return forced;
}

/** 2^26 − 5, prime: products of two residues stay exact in a double. */
const P = 67_108_859;
const mod = (x: number) => ((x % P) + P) % P;
const mul = (a: number, b: number) => (a * b) % P;

function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, P, a];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

/**
 * Row echelon basis of sparse vectors over GF(P), each row remembering which inserted vectors it combines, so a
 * vector found in the span names the figures that derive it. (An exact rational dependency is one mod P too, so
 * nothing derivable is missed; the converse fails only with negligible probability, and then one more cell is
 * suppressed than strictly needed.)
 */
class Basis {
  private readonly rows = new Map<number, { vector: Map<number, number>; combination: Map<number, number> }>();

  insert(vector: Map<number, number>, index: number): void {
    const reduced = this.reduce(vector, new Map([[index, 1]]));
    if (reduced.vector.size === 0) return;
    const pivot = Math.min(...reduced.vector.keys());
    this.rows.set(pivot, reduced);
  }

  /** The inserted vectors combining into `vector`, or null when it is not in the span. */
  representation(vector: Map<number, number>): number[] | null {
    const reduced = this.reduce(vector, new Map());
    if (reduced.vector.size > 0) return null;
    return [...reduced.combination].filter(([, c]) => c !== 0).map(([index]) => index);
  }

  private reduce(input: Map<number, number>, start: Map<number, number>) {
    const vector = new Map([...input].map(([k, v]) => [k, mod(v)] as [number, number]).filter(([, v]) => v !== 0));
    const combination = new Map(start);
    for (;;) {
      let pivot = -1;
      for (const atom of vector.keys()) if (this.rows.has(atom) && (pivot < 0 || atom < pivot)) pivot = atom;
      if (pivot < 0) return { vector, combination };
      const row = this.rows.get(pivot)!;
      const factor = mul(vector.get(pivot)!, inverse(row.vector.get(pivot)!));
      for (const [atom, c] of row.vector) {
        const next = mod(vector.get(atom) ?? 0) - mul(factor, c);
        const value = mod(next);
        if (value === 0) vector.delete(atom);
        else vector.set(atom, value);
      }
      for (const [index, c] of row.combination) {
        const value = mod((combination.get(index) ?? 0) - mul(factor, c));
        if (value === 0) combination.delete(index);
        else combination.set(index, value);
      }
    }
  }
}
