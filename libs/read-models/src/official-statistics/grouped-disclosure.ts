import { publishWithDisclosureControl } from './disclosure-control.js';
import { TOTAL_KEY, type SuppressionReason } from './stat-table.js';

export type Controlled<T, C extends keyof T> = Omit<T, C> & { [K in C]: number | null };

export interface GroupSuppression<C extends string> {
  group: string;
  field: C;
  reason: SuppressionReason;
}

/**
 * Disclosure control for the operational statistics' shape — groups of counts plus their total — as analysts see it:
 * the groups are the rows of a table whose total row is published, each count field a column, protected like any
 * table of the monthly report. Suppressed counts become null and are listed.
 */
export function controlGroupedCounts<G extends { key: string }, T extends Pick<G, C>, C extends keyof G & string>(
  groups: readonly G[], total: T, fields: readonly C[], k: number,
): { groups: Array<Controlled<G, C>>; total: Controlled<T, C>; suppressed: Array<GroupSuppression<C>> } {
  const published = publishWithDisclosureControl({
    id: 'groups', title: { es: '', en: '' }, rowHeader: { es: '', en: '' },
    rows: groups.map((g) => ({ key: g.key, label: { es: g.key, en: g.key } })),
    columns: fields.map((f) => ({ key: f, label: { es: f, en: f } })),
    counts: groups.map((g) => fields.map((f) => Number(g[f]))), totalRow: true, totalColumn: false,
  }, k);
  const valuesOf = (index: number) => Object.fromEntries(fields.map((f, i) => [f, published.rows[index].values[i]])) as { [K in C]: number | null };
  const totalIndex = published.rows.findIndex((r) => r.key === TOTAL_KEY);
  if (fields.some((f) => Number(total[f]) !== published.rows[totalIndex].values[fields.indexOf(f)] && published.rows[totalIndex].values[fields.indexOf(f)] !== null)) {
    throw new Error('the groups do not add up to their total');
  }
  return {
    groups: groups.map((g, i) => ({ ...g, ...valuesOf(i) })),
    total: { ...total, ...valuesOf(totalIndex) },
    suppressed: published.suppressed.map((s) => ({ group: s.row, field: s.column as C, reason: s.reason })),
  };
}
