import { can, type Me } from '../../../auth/use-me.js';

/**
 * Whether to offer the search by a victim's document. The API decides who may (police, prosecutor, admin — not the
 * judiciary, who may list cases) and refuses others with 403; the console should only read it from GET /me.
 */
export const DOCUMENT_SEARCH = 'GET /api/v1/cases?documentNumber';

/** The API's list (apps/api/src/cases/case-list.ts DOCUMENT_SEARCHERS), until GET /me's `allowed` names it. */
const API_DOCUMENT_SEARCHERS = ['police', 'prosecutor', 'admin'];

export function canSearchByDocument(me: Me | undefined): boolean {
  if (!me || !can(me, 'GET /api/v1/cases')) return false;
  return can(me, DOCUMENT_SEARCH) || API_DOCUMENT_SEARCHERS.includes(me.role);
}
