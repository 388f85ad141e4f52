import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AGGRAVATING_CIRCUMSTANCE_LABELS,
  AGGRAVATING_CIRCUMSTANCES,
  CONTROL_MEANS,
  CONTROL_MEANS_LABELS,
  EXTERNAL_REFERENCE_KIND_LABELS,
  EXTERNAL_REFERENCE_KINDS,
  ISIC_SECTION_LABELS,
  ISIC_SECTIONS,
  OFFENCE_CATEGORIES,
  OFFENCE_CATEGORY_LABELS,
  OFFENCES,
  PLACE_ROLE_LABELS,
  PLACE_ROLES,
  RECRUITMENT_METHOD_LABELS,
  RECRUITMENT_METHODS,
  SEXUAL_EXPLOITATION_TYPE_LABELS,
  SEXUAL_EXPLOITATION_TYPES,
  type CaseCatalogLabel,
} from '#domain';
import { ROLES } from '#platform';
import { Access } from '../auth/access.js';
import { arrayOf, closedObject, nullable, string } from '../shared/openapi-schema.js';

export interface CatalogEntry {
  code: string;
  es: string;
  en: string;
}

const entries = <Code extends string>(codes: readonly Code[], labels: Record<Code, CaseCatalogLabel>): CatalogEntry[] =>
  codes.map((code) => ({ code, es: labels[code].es, en: labels[code].en }));

const entry = closedObject<CatalogEntry>({ code: string(), es: string(), en: string() });
const day = string({ format: 'date', example: '2021-03-31' });

/** GET /reference/case-catalogs. */
export const CASE_CATALOGS_SCHEMA = closedObject<Record<string, unknown>>({
  offences: arrayOf(
    closedObject<Record<string, unknown>>({
      code: string({ example: 'cp129a-l31146' }),
      category: string({ enum: [...OFFENCE_CATEGORIES] }),
      law: string({ example: 'Ley 31146' }),
      article: string({ example: '129-A' }),
      es: string(),
      en: string(),
      inForceFrom: day,
      inForceUntil: nullable(day),
      source: string(),
    }),
  ),
  offenceCategories: arrayOf(entry),
  aggravatingCircumstances: arrayOf(entry),
  recruitmentMethods: arrayOf(entry),
  controlMeans: arrayOf(entry),
  isicSections: arrayOf(entry),
  sexualExploitationTypes: arrayOf(entry),
  placeRoles: arrayOf(entry),
  externalReferenceKinds: arrayOf(entry),
});

/** The code lists of a case's qualification with their words (es/en), in catalog order, for forms and reports. */
const CASE_CATALOGS = {
  offences: OFFENCES.map((o) => ({
    code: o.code,
    category: o.category,
    law: o.law,
    article: o.article,
    es: o.title.es,
    en: o.title.en,
    inForceFrom: o.inForceFrom,
    inForceUntil: o.inForceUntil,
    source: o.source,
  })),
  offenceCategories: entries(OFFENCE_CATEGORIES, OFFENCE_CATEGORY_LABELS),
  aggravatingCircumstances: entries(AGGRAVATING_CIRCUMSTANCES, AGGRAVATING_CIRCUMSTANCE_LABELS),
  recruitmentMethods: entries(RECRUITMENT_METHODS, RECRUITMENT_METHOD_LABELS),
  controlMeans: entries(CONTROL_MEANS, CONTROL_MEANS_LABELS),
  isicSections: entries(ISIC_SECTIONS, ISIC_SECTION_LABELS),
  sexualExploitationTypes: entries(SEXUAL_EXPLOITATION_TYPES, SEXUAL_EXPLOITATION_TYPE_LABELS),
  placeRoles: entries(PLACE_ROLES, PLACE_ROLE_LABELS),
  externalReferenceKinds: entries(EXTERNAL_REFERENCE_KINDS, EXTERNAL_REFERENCE_KIND_LABELS),
};

@ApiTags('reference')
@Controller('reference')
export class CaseCatalogsController {
  @Access({ roles: ROLES }) // any authenticated caller
  @Get('case-catalogs')
  @ApiOperation({
    summary:
      'Catálogos de la calificación de un caso (delitos por ley vigente, agravantes, captación, control, CIIU, explotación sexual) / Case qualification catalogs',
  })
  @ApiOkResponse({ schema: CASE_CATALOGS_SCHEMA })
  caseCatalogs(): typeof CASE_CATALOGS {
    return CASE_CATALOGS;
  }
}
