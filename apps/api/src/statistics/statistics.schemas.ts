import type { SchemaObject } from '@nestjs/swagger';
import type { HotlineCounts, HotlineStatistics, ReferralCounts, ReferralGrouping, ReportPosition } from '#read-models';
import { arrayOf, closedObject, integer, month, string } from '../shared/openapi-schema.js';

/**
 * What GET /statistics/hotline and GET /statistics/referrals return, exactly: aggregate counts, group keys and
 * labels, never a record or a person. The OpenAPI document carries these schemas; analyst-responses.e2e checks
 * them against the responses.
 */

/** `asOf` in the current read (the projection's checkpoint) or in an `asOf=` read (the log position asked for). */
export interface AsOfLogPosition {
  logPosition: number;
}
export type StatisticsPosition = ReportPosition | AsOfLogPosition;

/** Counts as analysts see them: a count hidden by disclosure control is null. */
type Nullable<T> = { [K in keyof T]: T[K] | null };
export interface StatisticsDisclosure {
  applied: boolean;
  k: number;
}
export interface SuppressedCount {
  group: string;
  field: string;
  reason: 'primary' | 'complementary';
}

export type HotlineGroup = { key: string; label: string } & Nullable<HotlineCounts>;
export interface HotlineStatisticsResponse extends Omit<HotlineStatistics, 'asOf' | 'groups' | 'total'> {
  asOf: StatisticsPosition;
  groups: HotlineGroup[];
  total: Nullable<HotlineCounts>;
  suppressed: SuppressedCount[];
  disclosureControl: StatisticsDisclosure;
}

export type ReferralGroup = { key: string; label: string } & Nullable<ReferralCounts>;
export interface ReferralStatisticsResponse {
  from: string;
  to: string;
  by: ReferralGrouping;
  timeZone: 'America/Lima';
  asOf: StatisticsPosition;
  groups: ReferralGroup[];
  total: Nullable<ReferralCounts>;
  suppressed: SuppressedCount[];
  disclosureControl: StatisticsDisclosure;
}

const COUNT: SchemaObject = {
  ...integer(),
  nullable: true,
  description: 'null: oculto por control de divulgación / hidden by disclosure control',
};
const DISCLOSURE = closedObject<StatisticsDisclosure>({ applied: { type: 'boolean' }, k: integer() });
const SUPPRESSED = arrayOf(
  closedObject<SuppressedCount>({
    group: string(),
    field: string(),
    reason: string({ enum: ['primary', 'complementary'] }),
  }),
);

const POSITION: SchemaObject = {
  description: 'Posición del registro que refleja la respuesta / log position the answer reflects',
  oneOf: [
    closedObject<ReportPosition>(
      {
        transactionId: string({ pattern: '^\\d+$' }),
        globalPosition: integer(),
        eventsProcessed: integer(),
      },
      { description: 'Lectura actual: punto de control de la proyección / current read: projection checkpoint' },
    ),
    closedObject<AsOfLogPosition>({ logPosition: integer() }, { description: 'Lectura con asOf / read with asOf' }),
  ],
};

const TIME_ZONE = string({ enum: ['America/Lima'] });
const GROUP_KEY = string({ description: 'Mes (YYYY-MM), departamento (2 dígitos UBIGEO), destino o "unknown"' });
const GROUP_LABEL = string({ description: 'Etiqueta legible del grupo / readable label of the group' });

const hotlineCounts = { received: COUNT, traffickingRelated: COUNT, closed: COUNT } satisfies Record<keyof HotlineCounts, SchemaObject>;

export const HOTLINE_STATISTICS_SCHEMA: SchemaObject = closedObject<HotlineStatisticsResponse>({
  from: month,
  to: month,
  by: string({ enum: ['month', 'department'] }),
  timeZone: TIME_ZONE,
  asOf: POSITION,
  groups: arrayOf(closedObject<HotlineGroup>({ key: GROUP_KEY, label: GROUP_LABEL, ...hotlineCounts })),
  total: closedObject<HotlineCounts>(hotlineCounts),
  suppressed: SUPPRESSED,
  disclosureControl: DISCLOSURE,
});

const HOURS: SchemaObject = {
  type: 'number',
  minimum: 0,
  nullable: true,
  description: 'Horas; null si ninguna fue aceptada / hours; null when none was accepted',
};
const referralCounts = {
  sent: COUNT,
  accepted: COUNT,
  rejected: COUNT,
  completed: COUNT,
  revoked: COUNT,
  pending: COUNT,
  medianHoursToAcceptance: HOURS,
  p90HoursToAcceptance: HOURS,
} satisfies Record<keyof ReferralCounts, SchemaObject>;

export const REFERRAL_STATISTICS_SCHEMA: SchemaObject = closedObject<ReferralStatisticsResponse>({
  from: month,
  to: month,
  by: string({ enum: ['destination', 'department'] }),
  timeZone: TIME_ZONE,
  asOf: POSITION,
  groups: arrayOf(closedObject<ReferralGroup>({ key: GROUP_KEY, label: GROUP_LABEL, ...referralCounts })),
  total: closedObject<ReferralCounts>(referralCounts),
  suppressed: SUPPRESSED,
  disclosureControl: DISCLOSURE,
});
