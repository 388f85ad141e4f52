import type { PublishedReport } from './stat-table.js';

/**
 * The hotline and referral statistics as analysts get them: every figure is a sum of figures the released monthly
 * reports of the same release point publish (the national report and every department's, protected together),
 * and is hidden (null) as soon as one of its parts is. So no range, grouping or department filter an analyst can
 * ask for tells more than those monthly reports: two overlapping ranges differ by months whose figures are
 * published (or the difference is hidden), never by a suppressed month.
 */
export type ReleasedReports = (period: string, department: string | null) => PublishedReport;

type Count = number | null;
const add = (a: Count, b: Count): Count => (a === null || b === null ? null : a + b);
const sum = (values: readonly Count[]): Count => values.reduce<Count>((total, v) => add(total, v), 0);
const minus = (a: Count, b: Count): Count => (a === null || b === null ? null : a - b);

function cell(report: PublishedReport, table: string, row: string, column: string): Count {
  const t = report.tables.find((x) => x.id === table);
  if (!t) throw new Error(`no table ${table}`);
  const columnIndex = t.columns.findIndex((c) => c.key === column);
  const found = t.rows.find((r) => r.key === row);
  return found && columnIndex >= 0 ? found.values[columnIndex] : 0;
}

export const RELEASED_HOTLINE_FIELDS = ['received', 'traffickingRelated', 'closed'] as const;
type HotlineField = (typeof RELEASED_HOTLINE_FIELDS)[number];
const HOTLINE_ROWS: Record<HotlineField, string> = { received: 'received', traffickingRelated: 'trafficking_related', closed: 'closed' };

export const RELEASED_REFERRAL_FIELDS = ['sent', 'accepted', 'rejected', 'completed', 'revoked', 'pending'] as const;
type ReferralField = (typeof RELEASED_REFERRAL_FIELDS)[number];

interface Suppressed<F> {
  group: string;
  field: F;
  reason: 'complementary';
}

/** A scope's figures: the national report's, or the sum of the listed departments' reports. */
function scoped(reports: ReleasedReports, period: string, scope: readonly string[] | null, read: (r: PublishedReport) => Count): Count {
  return scope === null ? read(reports(period, null)) : sum(scope.map((d) => read(reports(period, d))));
}

/** The national figure minus every department's: what has no department ("Sin información"). */
function unknownPart(reports: ReleasedReports, period: string, departments: readonly string[], read: (r: PublishedReport) => Count): Count {
  return minus(read(reports(period, null)), sum(departments.map((d) => read(reports(period, d)))));
}

function grouped<F extends string>(keys: readonly string[], fields: readonly F[], value: (key: string, field: F) => Count) {
  const suppressed: Array<Suppressed<F>> = [];
  const groups = keys.map((key) => {
    const counts = Object.fromEntries(
      fields.map((f) => {
        const v = value(key, f);
        if (v === null) suppressed.push({ group: key, field: f, reason: 'complementary' });
        return [f, v];
      }),
    ) as Record<F, Count>;
    return { key, ...counts };
  });
  return { groups, suppressed };
}

export function releasedHotlineStatistics(
  reports: ReleasedReports,
  params: { months: readonly string[]; by: 'month' | 'department'; departments: readonly string[]; scope: readonly string[] | null },
) {
  const read = (field: HotlineField) => (r: PublishedReport) => cell(r, 'hotline_calls', HOTLINE_ROWS[field], 'calls');
  const overMonths = (value: (month: string) => Count) => sum(params.months.map(value));
  const keys = params.by === 'month' ? [...params.months] : params.scope ? [...params.scope] : [...params.departments, 'unknown'];
  const { groups, suppressed } = grouped(keys, RELEASED_HOTLINE_FIELDS, (key, field) => {
    if (params.by === 'month') return scoped(reports, key, params.scope, read(field));
    if (key === 'unknown') return overMonths((m) => unknownPart(reports, m, params.departments, read(field)));
    return overMonths((m) => read(field)(reports(m, key)));
  });
  const total = Object.fromEntries(
    RELEASED_HOTLINE_FIELDS.map((f) => [f, overMonths((m) => scoped(reports, m, params.scope, read(f)))]),
  ) as Record<HotlineField, Count>;
  for (const f of RELEASED_HOTLINE_FIELDS) if (total[f] === null) suppressed.push({ group: 'total', field: f, reason: 'complementary' });
  return { groups, total, suppressed };
}

export function releasedReferralStatistics(
  reports: ReleasedReports,
  params: {
    months: readonly string[];
    by: 'destination' | 'department';
    destinations: readonly string[];
    departments: readonly string[];
    scope: readonly string[] | null;
  },
) {
  const reader =
    (field: ReferralField, destination: string) =>
    (r: PublishedReport): Count => {
      if (field === 'accepted') return cell(r, 'referral_speed', destination, 'accepted');
      const column = { sent: 'total', rejected: 'rejected', completed: 'completed', revoked: 'revoked', pending: 'sent' }[field];
      return cell(r, 'referrals_by_status', destination, column);
    };
  const overMonths = (value: (month: string) => Count) => sum(params.months.map(value));
  const value = (key: string, field: ReferralField): Count => {
    if (params.by === 'destination') return overMonths((m) => scoped(reports, m, params.scope, reader(field, key)));
    if (key === 'unknown') return overMonths((m) => unknownPart(reports, m, params.departments, reader(field, 'total')));
    return overMonths((m) => reader(field, 'total')(reports(m, key)));
  };
  const candidates = params.by === 'destination' ? params.destinations : params.scope ? params.scope : [...params.departments, 'unknown'];
  // As the exact statistics: only the groups that sent something (a hidden count may be nonzero, so it stays).
  const keys = [...candidates].filter((key) => value(key, 'sent') !== 0).sort();
  const { groups, suppressed } = grouped(keys, RELEASED_REFERRAL_FIELDS, value);
  const total = Object.fromEntries(
    RELEASED_REFERRAL_FIELDS.map((f) => [f, overMonths((m) => scoped(reports, m, params.scope, reader(f, 'total')))]),
  ) as Record<ReferralField, Count>;
  for (const f of RELEASED_REFERRAL_FIELDS) if (total[f] === null) suppressed.push({ group: 'total', field: f, reason: 'complementary' });
  return { groups, total, suppressed };
}
