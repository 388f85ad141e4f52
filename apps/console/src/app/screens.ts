import { visibleMenu } from './menu.js';

/**
 * Each screen is its own chunk, loaded when first shown. Sign-in knows the first screen before it routes there and
 * starts loading it at once, alongside the navigation, instead of after the shell has rendered.
 */
export const SCREENS = {
  calls: () => import('../features/calls/CallsPage.js'),
  referrals: () => import('../features/referrals/ReferralsPage.js'),
  cases: () => import('../features/cases/CasesPage.js'),
  case: () => import('../features/cases/CasePage.js'),
  justice: () => import('../features/justice/JusticePage.js'),
  prosecution: () => import('../features/justice/ProsecutionPage.js'),
  trial: () => import('../features/justice/TrialPage.js'),
  statistics: () => import('../features/statistics/StatisticsPage.js'),
  publications: () => import('../features/publications/PublicationsPage.js'),
  audit: () => import('../features/audit/AuditPage.js'),
  assistance: () => import('../features/assistance/AssistancePage.js'),
};

const BY_PATH: Record<string, () => Promise<unknown>> = {
  llamadas: SCREENS.calls,
  derivaciones: SCREENS.referrals,
  casos: SCREENS.cases,
  justicia: SCREENS.justice,
  fiscalia: SCREENS.prosecution,
  juicios: SCREENS.trial,
  estadisticas: SCREENS.statistics,
  publicaciones: SCREENS.publications,
  auditoria: SCREENS.audit,
  asistencia: SCREENS.assistance,
};

/** Where a user lands: the page they were on, else the first screen their role may use. */
export function landingPath(next: string, allowed: readonly string[]): string {
  if (next !== '/' && !next.startsWith('/sign-in')) return next;
  return visibleMenu(allowed)[0]?.path ?? '/';
}

/** Starts loading the chunk of the screen at `path` (a no-op for unknown paths; loading twice costs nothing). */
export function preloadScreen(path: string): void {
  const [, first, second] = path.split('/');
  const load = first === 'casos' && second ? SCREENS.case : BY_PATH[first];
  void load?.().catch(() => undefined); // a failure shows when the screen itself loads
}
