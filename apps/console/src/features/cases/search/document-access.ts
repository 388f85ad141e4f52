import { can, type Me } from '../../../auth/use-me.js';

/**
 * Whether to offer the search by a victim's document. The API decides who may (police, prosecutor, admin — not the
 * judiciary, who may list cases); the console only reads it from GET /me's `allowed`, like every other action.
 */
export const DOCUMENT_SEARCH = 'GET /api/v1/cases?documentNumber';

export function canSearchByDocument(me: Me | undefined): boolean {
  return can(me, DOCUMENT_SEARCH);
}
