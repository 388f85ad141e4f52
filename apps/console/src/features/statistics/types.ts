import type { paths } from '../../api/schema.js';

/** The monthly report and the INEI tables as the OpenAPI document describes them (PUBLISHED_REPORT_SCHEMA). */
export type Report = paths['/api/v1/statistics/monthly']['get']['responses'][200]['content']['application/json'];
export type ReportTable = Report['tables'][number];
export type HotlineStatistics = paths['/api/v1/statistics/hotline']['get']['responses'][200]['content']['application/json'];

/** A figure on screen: a number, `null` when disclosure control suppressed it ("reservado"), undefined when absent. */
export type Figure = number | null | undefined;

/** Where a figure comes from, said next to every chart (DESIGN.md, "Trust in numbers"). */
export interface Provenance {
  period: string;
  /** Log positions the figures reflect (one per report; a range when the months were read at different points). */
  positions: number[];
  /** k when disclosure control was applied to any figure shown, null when every figure is exact. */
  k: number | null;
}
