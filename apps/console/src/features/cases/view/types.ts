import type { paths } from '../../../api/schema.js';

/** GET /cases/{id}: the case with its victims, suspects, operations and links, and `personalDataWithheld`. */
export type CaseView = paths['/api/v1/cases/{caseId}']['get']['responses'][200]['content']['application/json'];
export type Victim = CaseView['victims'][number];
/** A victim's name, document, phone and address: `null` unless the read stated a purpose to a role that needs them. */
export type PersonalFields = NonNullable<Victim['personal']>;
export type Suspect = CaseView['suspects'][number];
export type Operation = CaseView['operations'][number];

/** GET /cases/{id}/timeline: every milestone across institutions, labelled by the API in Spanish and English. */
export type CaseTimeline = paths['/api/v1/cases/{caseId}/timeline']['get']['responses'][200]['content']['application/json'];
export type Milestone = CaseTimeline['milestones'][number];
