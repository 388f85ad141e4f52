import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { AuditAction, Role } from '#platform';
import type { PersonalRecordType } from './endpoint-policy.js';
import { PUBLIC } from './endpoint-policy.js';

/** The kinds of record a body field can name (department-scope.ts reads them from the log). */
export type RecordKind = 'hotlineCall' | 'referral' | 'policeCase' | 'prosecution' | 'trial';

/**
 * Department scope beyond the path's record ids (which are always checked): body fields that place a new or
 * corrected record (`required`: absent means 'unknown', outside any region), a body field that names an existing
 * record (out of scope it gets the controller's own "does not exist" 400, so a regional token learns nothing about
 * other regions), and, on a referral, who may act: only the receiving institution, or only the sending side.
 */
export interface ScopeRule {
  places?: ReadonlyArray<{ field: string; required: boolean }>;
  reference?: { field: string; kind: RecordKind; es: string; en: string };
  referral?: 'receiver' | 'sender';
}

type Answer = Record<string, unknown>;

/**
 * The audit of a route whose answer holds personal data or points at a data subject: its record type, the path
 * parameter that names the record (none for a list), and the subjects the answer disclosed or pointed at.
 * `read_personal_data` when personal fields left (`disclosure`: to a reader with need to know and a purpose),
 * `read_record` otherwise.
 */
export interface AuditRule {
  recordType: string;
  idParam?: string;
  action?: AuditAction;
  disclosure?: PersonalRecordType;
  subjects: (answer: Answer, params: Record<string, string>) => string[];
}

/** Who may call a route, within which scope, and what of it is audited: declared once, on the handler. */
export interface AccessRule {
  roles: typeof PUBLIC | readonly Role[];
  /** For the README's table: what a public route gives, or a caveat on the roles. */
  note?: string;
  scope?: ScopeRule;
  audit?: AuditRule;
}

export const ACCESS_METADATA = 'registro:access';
/** The OpenAPI extension each operation carries: the same rule, as data (the README's "Roles" table is made from it). */
export const ACCESS_EXTENSION = 'x-registro-access';

export interface AccessDescription {
  roles: typeof PUBLIC | readonly Role[];
  note?: string;
  scope?: { places?: string[]; reference?: string; referral?: 'receiver' | 'sender' };
  audit?: { recordType: string; action?: AuditAction; disclosure?: PersonalRecordType };
}

export function describeAccess(rule: AccessRule): AccessDescription {
  const description: AccessDescription = { roles: rule.roles };
  if (rule.note) description.note = rule.note;
  if (rule.scope) {
    description.scope = {};
    if (rule.scope.places) description.scope.places = rule.scope.places.map((p) => p.field);
    if (rule.scope.reference) description.scope.reference = rule.scope.reference.field;
    if (rule.scope.referral) description.scope.referral = rule.scope.referral;
  }
  if (rule.audit) {
    const { recordType, action, disclosure } = rule.audit;
    description.audit = { recordType, ...(action ? { action } : {}), ...(disclosure ? { disclosure } : {}) };
  }
  return description;
}

/**
 * `@Access({ roles: ['police', 'admin'], scope: …, audit: … })` on a handler: the guard (roles, scope), the audit
 * interceptor and the OpenAPI document (`x-registro-access`) all read this one declaration. A handler without it is
 * refused to everyone (fail closed).
 */
export function Access(rule: AccessRule): MethodDecorator {
  return applyDecorators(SetMetadata(ACCESS_METADATA, rule), ApiExtension(ACCESS_EXTENSION, describeAccess(rule)));
}

/** The rules of an OpenAPI document's operations, by `METHOD /path` (what GET /me and the README table list). */
export function accessTableOf(document: { paths: Record<string, Record<string, unknown>> }): Map<string, AccessDescription> {
  const table = new Map<string, AccessDescription>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const operation = operations[method] as Record<string, unknown> | undefined;
      const access = operation?.[ACCESS_EXTENSION] as AccessDescription | undefined;
      if (access) table.set(`${method.toUpperCase()} ${path}`, access);
    }
  }
  return table;
}

const ROLE_CELL = (access: AccessDescription) =>
  access.roles === PUBLIC
    ? `public${access.note ? ` (${access.note})` : ''}`
    : `${access.roles.join(', ')}${access.note ? ` (${access.note})` : ''}`;

function scopeCell(access: AccessDescription): string {
  const parts: string[] = [];
  if (access.scope?.places) parts.push(`places by ${access.scope.places.map((f) => `\`${f}\``).join(', ')}`);
  if (access.scope?.reference) parts.push(`\`${access.scope.reference}\` in scope`);
  if (access.scope?.referral) parts.push(access.scope.referral === 'receiver' ? 'receiving institution only' : 'sending side only');
  return parts.join('; ');
}

function auditCell(access: AccessDescription): string {
  if (!access.audit) return '';
  const { recordType, action, disclosure } = access.audit;
  if (action) return `${action} (${recordType})`;
  return disclosure ? `read_personal_data / read_record (${recordType})` : `read_record (${recordType})`;
}

/** The README's "Roles" table, made from the document: endpoint, roles, scope beyond the path's ids, audit. */
export function rolesTable(document: { paths: Record<string, Record<string, unknown>> }): string {
  const rows = [...accessTableOf(document)].map(
    ([endpoint, access]) => `| \`${endpoint}\` | ${ROLE_CELL(access)} | ${scopeCell(access)} | ${auditCell(access)} |`,
  );
  return ["| endpoint | roles | department scope (besides the path's ids) | audit |", '|---|---|---|---|', ...rows].join('\n');
}

/**
 * The rules of every route as the OpenAPI document lists them, loaded once the document is made (create-app.ts):
 * what GET /me answers as `allowed`, from the same declarations the guard enforces.
 */
@Injectable()
export class AccessTable {
  private table = new Map<string, AccessDescription>();

  load(document: { paths: Record<string, Record<string, unknown>> }): void {
    this.table = accessTableOf(document);
  }

  /** Every endpoint the role may call (public ones included), as `METHOD /path`. */
  allowedEndpoints(role: Role): string[] {
    if (this.table.size === 0) throw new Error('the access table was not loaded from the OpenAPI document');
    return [...this.table].filter(([, access]) => access.roles === PUBLIC || access.roles.includes(role)).map(([endpoint]) => endpoint);
  }
}
