import { limaDate } from '../shared/time.js';

/** Codes used on the wire (API, exports, integration events); Spanish labels belong to the UI. */
export const CASE_SOURCES = ['hotline_referral', 'walk_in', 'police_operation', 'other_institution', 'ex_officio'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/**
 * Free-text limits, as `varchar(n)` in the read models. Personal fields are checked as received; the application
 * seals them only after the decider accepts the command.
 */
export const POLICE_CASE_LIMITS = {
  policeUnit: 200,
  office: 200,
  closingReason: 500,
  suspectRole: 200,
  fullName: 200,
  documentNumber: 30,
  phone: 30,
  address: 300,
} as const;

export const CASE_STREAM_PREFIX = 'case-';

/** Stream name of a case; ids are lower-cased as the decider stores them, so both spellings load one stream. */
export function caseStreamName(caseId: string): string {
  return `${CASE_STREAM_PREFIX}${caseId.toLowerCase()}`;
}

/**
 * The most people one operation may report as rescued or detained: far above any real operation (the largest in
 * Peru rescue a few hundred), low enough that a typo or a hostile number cannot swamp the statistics.
 */
export const MAX_PEOPLE_PER_OPERATION = 10_000;

/**
 * Aggravating circumstances of trafficking (Código Penal art. 153-A, later 129-B), multi-valued. Each code is one
 * circumstance of the article, whichever text applies; docs/legal-catalog.md gives the paragraph and number of each
 * in every text.
 */
export const AGGRAVATING_CIRCUMSTANCES = [
  'public_official',
  'organization_member',
  'several_victims',
  'victim_minor',
  'victim_older_adult',
  'victim_disability',
  'victim_pregnant',
  'family_or_care_tie',
  'several_perpetrators',
  'criminal_organization',
  'victim_death',
  'serious_harm',
] as const;
export type AggravatingCircumstance = (typeof AGGRAVATING_CIRCUMSTANCES)[number];

/** How the victim was recruited; modelled on the Counter-Trafficking Data Collaborative's HTCDS (docs/legal-catalog.md). */
export const RECRUITMENT_METHODS = [
  'job_offer',
  'study_or_travel_offer',
  'relative',
  'intimate_partner',
  'friend_or_acquaintance',
  'internet_or_app',
  'abduction',
  'sold_by_family',
  'other',
] as const;
export type RecruitmentMethod = (typeof RECRUITMENT_METHODS)[number];

/** Means of control used on the victim (HTCDS "means of control"). */
export const CONTROL_MEANS = [
  'debt_bondage',
  'takes_earnings',
  'withheld_documents',
  'threats',
  'physical_violence',
  'sexual_violence',
  'psychological_abuse',
  'false_promises',
  'psychoactive_substances',
  'restricted_movement',
  'isolation',
  'withheld_necessities',
  'threat_of_authorities',
  'excessive_hours',
  'other',
] as const;
export type ControlMeans = (typeof CONTROL_MEANS)[number];

/**
 * Economic sector of labour exploitation: the section of the UN's ISIC Rev. 4 (A agriculture, forestry and fishing;
 * B mining and quarrying; T households as employers, i.e. domestic work; …), as the letter.
 */
export const ISIC_SECTIONS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
] as const;
export type IsicSection = (typeof ISIC_SECTIONS)[number];

/** Forms of sexual exploitation (HTCDS "type of sexual exploitation"). */
export const SEXUAL_EXPLOITATION_TYPES = [
  'prostitution',
  'pornography',
  'remote_interactive_services',
  'private_sexual_services',
  'sexual_tourism',
  'other',
] as const;
export type SexualExploitationType = (typeof SEXUAL_EXPLOITATION_TYPES)[number];

/** The roles a place plays in a case: where the victim was recruited, moved through, exploited. */
export const PLACE_ROLES = ['recruitment', 'transit', 'exploitation'] as const;
export type PlaceRole = (typeof PLACE_ROLES)[number];

/** At most this many transit places per case. */
export const MAX_TRANSIT_PLACES = 20;

/** Numbers other institutions gave the same case, each searchable. */
export const EXTERNAL_REFERENCE_KINDS = ['policeReport', 'prosecutorFile', 'courtFile'] as const;
export type ExternalReferenceKind = (typeof EXTERNAL_REFERENCE_KINDS)[number];
export const EXTERNAL_REFERENCE_MAX_LENGTH = 60;

/** A correction's reason, as for the hotline's corrections. */
export const CASE_REASON_MAX_LENGTH = 500;

/** The facts of a case a correction may change (CorrectCaseFacts' `changes`), in this order in the event. */
export const CASE_CORRECTABLE_FIELDS = [
  'registeredAt',
  'occurredAt',
  'policeUnit',
  'ubigeo',
  'purposes',
  'offences',
  'aggravatingCircumstances',
  'places',
  'recruitment',
  'control',
  'labourSectors',
  'sexualExploitation',
] as const;
export type CaseCorrectableField = (typeof CASE_CORRECTABLE_FIELDS)[number];

/** What a victim correction may change, in this order in the event. */
export const VICTIM_CORRECTABLE_FIELDS = [
  'sex',
  'age',
  'nationality',
  'fullName',
  'documentType',
  'documentNumber',
  'phone',
  'address',
] as const;
export type VictimCorrectableField = (typeof VICTIM_CORRECTABLE_FIELDS)[number];

/** The numbering stream of one department and year: its events' stream positions are the registry numbers. */
export const REGISTRY_NUMBER_STREAM_PREFIX = 'registry-number-';
export const registryNumberStreamName = (department: string, year: number): string =>
  `${REGISTRY_NUMBER_STREAM_PREFIX}${department}-${year}`;

/** The numbering series of a case: the department of its ubigeo at registration and the Lima year of registeredAt. */
export function registryNumberSeries(ubigeo: string, registeredAt: string): { department: string; year: number } {
  return { department: ubigeo.slice(0, 2), year: Number(limaDate(registeredAt).slice(0, 4)) };
}

/** `08-2025-000123`: department, year of registration (Lima), sequence in that department and year from 1. */
export const REGISTRY_NUMBER_FORMAT = /^(\d{2})-(\d{4})-(\d{6,})$/;
export const formatRegistryNumber = (department: string, year: number, sequence: number): string =>
  `${department}-${year}-${String(sequence).padStart(6, '0')}`;
