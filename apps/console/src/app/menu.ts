import type { common } from '../i18n/common.js';

type NavKey = keyof (typeof common)['es']['nav'];

/**
 * The menu: a screen appears when the user's role may call the endpoint it needs (`allowed` from GET /me, which
 * comes from the API's policy table). The console adds no permission rule of its own.
 */
export interface MenuEntry {
  key: NavKey;
  path: string;
  /** Any one of these endpoints makes the entry visible. */
  needs: string[];
}

export const MENU: readonly MenuEntry[] = [
  { key: 'calls', path: '/llamadas', needs: ['POST /api/v1/hotline-calls'] },
  { key: 'referrals', path: '/derivaciones', needs: ['POST /api/v1/referrals/{referralId}/accept'] },
  { key: 'cases', path: '/casos', needs: ['GET /api/v1/cases'] },
  { key: 'assistance', path: '/asistencia', needs: ['POST /api/v1/cases/{caseId}/victims/{victimId}/assistance'] },
  { key: 'justice', path: '/justicia', needs: ['POST /api/v1/prosecutions/{prosecutionId}/{stage}', 'POST /api/v1/trials'] },
  { key: 'statistics', path: '/estadisticas', needs: ['GET /api/v1/statistics/hotline', 'GET /api/v1/statistics/monthly'] },
  { key: 'publications', path: '/publicaciones', needs: ['GET /api/v1/publications'] },
  { key: 'audit', path: '/auditoria', needs: ['GET /api/v1/audit'] },
];

export function visibleMenu(allowed: readonly string[]): MenuEntry[] {
  return MENU.filter((entry) => entry.needs.some((endpoint) => allowed.includes(endpoint)));
}
