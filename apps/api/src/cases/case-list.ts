import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { InvalidCommand } from '#domain';
import { SubjectKeyStore, type Actor } from '#platform';
import { CASE_LIST_PROJECTION, queryCaseList } from '#read-models';
import { checkedPurpose, RequestAudit } from '../audit/request-audit.js';
import { ReadYourWrites } from '../shared/read-your-writes.js';
import type { CaseListDto, CaseListQueryDto, CaseSearchDto } from './case-list.dto.js';

const problem = (field: string, reason: string, reasonEn: string) => new InvalidCommand([{ field, reason, reasonEn }]);
const scopeOf = (actor: Actor) => (actor.departments.length > 0 ? actor.departments : undefined);

/**
 * GET /cases and POST /cases/search. A search by document looks its keyed hash up in document_links and lists the
 * cases of the victims with that link id (the statistics link people by it too), so the document itself is never
 * stored, compared in clear nor logged, and it
 * travels in a body, never in a URL. The search is audited, with its stated purpose, before the answer leaves: one
 * entry per case found (or one with no record). Who may search is POST /cases/search's @Access,
 * which is PERSONAL_DATA_READERS.case.
 */
@Injectable()
export class CaseList {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: SubjectKeyStore,
    private readonly audit: RequestAudit,
    private readonly fresh: ReadYourWrites,
  ) {}

  async list(query: CaseListQueryDto, actor: Actor): Promise<CaseListDto> {
    const moved = (['documentType', 'documentNumber'] as const).filter((field) => query[field] !== undefined);
    if (moved.length > 0) {
      throw new InvalidCommand(
        moved.map((field) => ({
          field,
          reason: 'ya no se admite en la URL: busque por documento con POST /api/v1/cases/search',
          reasonEn: 'is no longer accepted in the URL: search by document with POST /api/v1/cases/search',
        })),
      );
    }
    await this.fresh.waitFor(query.minPosition, [CASE_LIST_PROJECTION]);
    return queryCaseList(this.dataSource, {
      policeUnit: query.policeUnit,
      department: query.department,
      ubigeo: query.ubigeo,
      from: query.from,
      to: query.to,
      status: query.status,
      purpose: query.purpose,
      q: query.q,
      limit: query.limit ?? 50,
      cursor: query.cursor,
      scope: scopeOf(actor),
    });
  }

  async search(body: CaseSearchDto, actor: Actor, request: Request): Promise<CaseListDto> {
    const purpose = checkedPurpose(body.purpose, 'purpose');
    if (purpose === null)
      throw problem(
        'purpose',
        'es obligatorio para buscar por documento (se registra en la auditoría)',
        'is required to search by document (it is audited)',
      );
    const linkId = await this.keys.existingLinkId(body.documentType, body.documentNumber);
    if (linkId === undefined) throw problem('documentNumber', 'no contiene caracteres de un documento', 'holds no document characters');
    // A document never registered, or one whose person was erased (her link is gone): no case.
    const page =
      linkId === null
        ? { items: [], nextCursor: null }
        : await queryCaseList(this.dataSource, { linkId, limit: body.limit ?? 50, cursor: body.cursor, scope: scopeOf(actor) });
    const found = page.items.length > 0 ? page.items.map((item) => item.caseId) : [null];
    for (const caseId of found) await this.audit.record(request, 'search_personal_data', 'case_search', caseId, purpose);
    return page;
  }
}
