import {
  AGGRAVATING_CIRCUMSTANCE_LABELS,
  CONTROL_MEANS_LABELS,
  EXTERNAL_REFERENCE_KIND_LABELS,
  ISIC_SECTION_LABELS,
  OFFENCE_CATEGORY_LABELS,
  RECRUITMENT_METHOD_LABELS,
  SEXUAL_EXPLOITATION_TYPE_LABELS,
} from '#domain-src/police-case/case-catalog-labels.js';

/** The domain's own es/en words for each code family (libs/domain: case-catalog-labels.ts), by the field that holds them. */
export const CATALOG_LABELS = {
  aggravatingCircumstances: AGGRAVATING_CIRCUMSTANCE_LABELS,
  recruitment: RECRUITMENT_METHOD_LABELS,
  control: CONTROL_MEANS_LABELS,
  labourSectors: ISIC_SECTION_LABELS,
  sexualExploitation: SEXUAL_EXPLOITATION_TYPE_LABELS,
  offenceCategories: OFFENCE_CATEGORY_LABELS,
} as const;

export type CatalogFamily = keyof typeof CATALOG_LABELS;

export const REFERENCE_LABELS = EXTERNAL_REFERENCE_KIND_LABELS;
export type ReferenceKind = keyof typeof EXTERNAL_REFERENCE_KIND_LABELS;
