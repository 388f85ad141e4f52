import { HotlineCallCount } from './hotline-statistics/hotline-call-count.entity.js';
import { HotlineCallFact } from './hotline-statistics/hotline-call-fact.entity.js';
import { HotlineCallFacts1764201600100 } from './hotline-statistics/1764201600100-hotline-call-facts.migration.js';
import { HotlineCallCounts1764201600200 } from './hotline-statistics/1764201600200-hotline-call-counts.migration.js';
import { hotlineStatisticsProjection } from './hotline-statistics/hotline-statistics.projection.js';
import { ReferralFacts1764201600300 } from './referrals/1764201600300-referral-facts.migration.js';
import { ReferralFactsDeadline1764201601441 } from './referrals/1764201601441-referral-facts-deadline.migration.js';
import { referralFactsProjection } from './referrals/referral-facts.projection.js';
import { TrialLinks1764201600310 } from './trial-links/1764201600310-trial-links.migration.js';
import { trialLinksProjection } from './trial-links/trial-links.projection.js';
import { NetworkLinks1764201601430 } from './network-links/1764201601430-network-links.migration.js';
import { networkLinksProjection } from './network-links/network-links.projection.js';
import { StatisticsLedger1764201600500 } from './official-statistics/1764201600500-statistics-ledger.migration.js';
import { Publications1764201600510 } from './official-statistics/1764201600510-publications.migration.js';
import { ReleasePoints1764201600520 } from './official-statistics/1764201600520-release-points.migration.js';
import { StatisticsUnitsRebuild1764201601400 } from './official-statistics/1764201601400-statistics-units-rebuild.migration.js';
import { StatisticsOperationsRebuild1764201601410 } from './official-statistics/1764201601410-statistics-operations-rebuild.migration.js';
import { StatisticsReconciliationRebuild1764201601470 } from './official-statistics/1764201601470-statistics-reconciliation-rebuild.migration.js';
import { StatisticsNetworksRebuild1764201601431 } from './official-statistics/1764201601431-statistics-networks-rebuild.migration.js';
import { StatisticsProtectionRebuild1764201601460 } from './official-statistics/1764201601460-statistics-protection-rebuild.migration.js';
import { StatisticsDeadlinesRebuild1764201601440 } from './official-statistics/1764201601440-statistics-deadlines-rebuild.migration.js';
import { StatisticsAssistanceRebuild1764201601450 } from './official-statistics/1764201601450-statistics-assistance-rebuild.migration.js';
import { statisticsLedgerProjection } from './official-statistics/statistics-ledger.projection.js';
import { HotlineCallList1764201600900 } from './hotline-call-list/1764201600900-hotline-call-list.migration.js';
import { hotlineCallListProjection } from './hotline-call-list/hotline-call-list.projection.js';
import { CaseList1764201600910 } from './case-list/1764201600910-case-list.migration.js';
import { CaseListNumbers1764201601030 } from './case-list/1764201601030-case-list-numbers.migration.js';
import { caseListProjection } from './case-list/case-list.projection.js';

export { HotlineCallCount, HotlineCallFact };
export * from './hotline-statistics/hotline-statistics.projection.js';
export * from './hotline-statistics/hotline-statistics.query.js';
export * from './shared/report-position.js';
export * from './shared/operational-statistics.js';
export * from './shared/read-your-writes.js';
export * from './referrals/referral-facts.projection.js';
export * from './trial-links/trial-links.projection.js';
export * from './trial-links/trial-links.queries.js';
export * from './referrals/referral.queries.js';
export * from './network-links/network-links.projection.js';
export * from './network-links/network-links.queries.js';
export * from './official-statistics/index.js';
export * from './hotline-call-list/hotline-call-list.projection.js';
export * from './hotline-call-list/hotline-call-list.query.js';
export * from './case-list/case-list.projection.js';
export * from './case-list/case-list.query.js';

export const READ_MODEL_ENTITIES = [HotlineCallFact, HotlineCallCount];
export const READ_MODEL_MIGRATIONS = [
  HotlineCallFacts1764201600100,
  HotlineCallCounts1764201600200,
  ReferralFacts1764201600300,
  TrialLinks1764201600310,
  StatisticsLedger1764201600500,
  Publications1764201600510,
  ReleasePoints1764201600520,
  HotlineCallList1764201600900,
  CaseList1764201600910,
  CaseListNumbers1764201601030,
  StatisticsUnitsRebuild1764201601400,
  StatisticsOperationsRebuild1764201601410,
  StatisticsReconciliationRebuild1764201601470,
  NetworkLinks1764201601430,
  StatisticsNetworksRebuild1764201601431,
  StatisticsProtectionRebuild1764201601460,
  StatisticsDeadlinesRebuild1764201601440,
  ReferralFactsDeadline1764201601441,
  StatisticsAssistanceRebuild1764201601450,
];
/** Every projection the registry runs. */
export const PROJECTIONS = [
  hotlineStatisticsProjection,
  referralFactsProjection,
  trialLinksProjection,
  statisticsLedgerProjection,
  hotlineCallListProjection,
  caseListProjection,
  networkLinksProjection,
];
