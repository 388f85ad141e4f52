import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { InvalidCommand } from '../../../../libs/domain/src/index.js';
import { SubjectKeyStore, type Actor } from '../../../../libs/platform/src/index.js';
import { CASE_LIST_PROJECTION, queryCaseList } from '../../../../libs/read-models/src/index.js';
import { purposeOf, RequestAudit } from '../audit/request-audit.js';
import { Forbidden } from '../auth/auth.errors.js';
import { mayReceivePersonalData } from '../auth/endpoint-policy.js';
import { ReadYourWrites } from '../shared/read-your-writes.js';
import type { CaseListDto, CaseListQueryDto } from './case-list.dto.js';


const problem = (field: string, reason: string, reasonEn: string) => new InvalidCommand([{ field, reason, reasonEn }]);

/**
 * GET /cases. A search by document compares the victims' documentHash (the same keyed hash the statistics link
 * people with), so the document itself is never stored, compared in clear nor logged; the search is audited,
 * with its stated purpose, before the answer leaves: one entry per case found (or one with no record).
 */
@Injectable()
export class CaseList {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: SubjectKeyStore,
    private readonly audit: RequestAudit,
    private readonly fresh: ReadYourWrites,
  ) {}

  async list(query: CaseListQueryDto, actor: Actor, request: Request): Promise<CaseListDto> {
    const documentHash = await this.documentHash(query, actor, request);
    await this.fresh.waitFor(query.minPosition, [CASE_LIST_PROJECTION]);
    const page = await queryCaseList(this.dataSource, {
      policeUnit: query.policeUnit, department: query.department, ubigeo: query.ubigeo, from: query.from, to: query.to,
      status: query.status, purpose: query.purpose, documentHash: documentHash ?? undefined, limit: query.limit ?? 50, cursor: query.cursor,
      scope: actor.departments.length > 0 ? actor.departments : undefined,
    });
    if (documentHash !== null) {
      const found = page.items.length > 0 ? page.items.map((item) => item.caseId) : [null];
      for (const caseId of found) await this.audit.record(request, 'search_personal_data', 'case_search', caseId);
    }
    return page;
  }

  /** Null without a document search; otherwise checks role, pairing and purpose, and hashes the document. */
  private async documentHash(query: CaseListQueryDto, actor: Actor, request: Request): Promise<string | null> {
    const { documentType, documentNumber } = query;
    if (documentType === undefined && documentNumber === undefined) return null;
    if (!mayReceivePersonalData(actor.role, 'case')) { // need to know (PERSONAL_DATA_READERS): the judiciary lists cases without it
      throw new Forbidden([{ field: 'documentNumber', reason: 'su rol no puede buscar por documento', reasonEn: 'your role may not search by document' }]);
    }
    if (documentType === undefined) throw problem('documentType', 'es obligatorio con documentNumber', 'is required with documentNumber');
    if (documentNumber === undefined) throw problem('documentNumber', 'es obligatorio con documentType', 'is required with documentType');
    if (purposeOf(request) === null) {
      throw problem('X-Purpose', 'es obligatorio para buscar por documento (se registra en la auditoría)', 'is required to search by document (it is audited)');
    }
    const hash = (await this.keys.keyring({})).documentHash(documentType, documentNumber);
    if (hash === null) throw problem('documentNumber', 'no contiene caracteres de un documento', 'holds no document characters');
    return hash;
  }
}
