import { limaMonth } from '#domain';
import type { Cell, UnitOf } from './statistics-units.js';

/** `referral.answer` d2: an answer at or before the deadline is on time; one minute after it is late. */
export type AnswerTimeliness = 'on_time' | 'late';

/**
 * The cells of a referral's deadline (docs/statistics.md, "Plazos de las derivaciones"):
 * - `referral.answer` in the Lima month of the referral: d1 destination, d2 on_time | late, d3 the hours from the
 *   referral to its first answer (acceptance or rejection), as text, for the median and 90th percentile;
 * - `referral.overdue` in the Lima month of the deadline: d1 destination, when the referral was still unanswered
 *   (and not revoked) at the end of that month. A month not yet over counts those not answered so far.
 */
export function referralDeadlineCells(unit: UnitOf<'referral'>): Cell[] {
  const { deadlineAt, answeredAt = null, revokedAt = null } = unit;
  if (deadlineAt === undefined) return [];
  const cells: Cell[] = [];
  if (answeredAt !== null) {
    const timeliness: AnswerTimeliness = Date.parse(answeredAt) <= Date.parse(deadlineAt) ? 'on_time' : 'late';
    const hours = (Date.parse(answeredAt) - Date.parse(unit.referredAt)) / 3_600_000;
    cells.push({ measure: 'referral.answer', period: unit.period, dept: unit.dept, d1: unit.to, d2: timeliness, d3: String(hours) });
  }
  const month = limaMonth(deadlineAt);
  // Answered or revoked before the month ended (a Lima month string compares like its dates): not overdue then.
  const ended = [answeredAt, revokedAt].some((at) => at !== null && limaMonth(at) <= month);
  if (!ended) cells.push({ measure: 'referral.overdue', period: month, dept: unit.dept, d1: unit.to, d2: '', d3: '' });
  return cells;
}
