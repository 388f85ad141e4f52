/**
 * Codes of a victim's assistance (protection services, MIMP): what was done for her, never free text. The shelter's
 * name and the notes are the only free text of the stream, sealed under the victim's own key.
 */
export const ASSISTANCE_KINDS = [
  'consent',
  'shelter_admission',
  'shelter_exit',
  'service',
  'reintegration',
  'consular_assistance',
  'repatriation',
  'migratory_status',
  'regularization',
  'voluntary_return',
] as const;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];

/** Acts for Peruvians assisted abroad (nationality PE, a place of the case abroad). */
export const ABROAD_KINDS: readonly AssistanceKind[] = ['consular_assistance', 'repatriation'];
/** Acts for foreigners assisted in Peru (a known nationality other than PE). */
export const FOREIGNER_KINDS: readonly AssistanceKind[] = ['migratory_status', 'regularization', 'voluntary_return'];

export const ASSISTANCE_SERVICES = ['health', 'psychological', 'legal', 'education', 'work', 'social'] as const;
export type AssistanceService = (typeof ASSISTANCE_SERVICES)[number];

export const SHELTER_EXIT_REASONS = ['family_reintegration', 'transfer', 'voluntary', 'came_of_age', 'repatriation', 'other'] as const;
export type ShelterExitReason = (typeof SHELTER_EXIT_REASONS)[number];

export const REINTEGRATION_KINDS = ['family', 'community', 'education', 'work', 'other'] as const;
export type ReintegrationKind = (typeof REINTEGRATION_KINDS)[number];

export const MIGRATORY_STATUSES = ['irregular', 'tourist', 'resident', 'refugee_applicant', 'humanitarian', 'other'] as const;
export type MigratoryStatus = (typeof MIGRATORY_STATUSES)[number];

export const ASSISTANCE_NOTES_MAX_LENGTH = 2000;
export const SHELTER_NAME_MAX_LENGTH = 200;

export const VICTIM_ASSISTANCE_STREAM_PREFIX = 'victim-assistance-';

export function victimAssistanceStreamName(victimId: string): string {
  return `${VICTIM_ASSISTANCE_STREAM_PREFIX}${victimId.toLowerCase()}`;
}
