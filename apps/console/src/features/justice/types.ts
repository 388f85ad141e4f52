import type { paths } from '../../api/schema.js';

/** GET /prosecutions/{id}: the Ministerio Público's stream folded, its version, and `trialId` (the trial judging it, or null). */
export type Prosecution = paths['/api/v1/prosecutions/{prosecutionId}']['get']['responses'][200]['content']['application/json'];
export type ProsecutionStatus = Prosecution['status'];

/** GET /trials/{id}: the Poder Judicial's stream folded, with every ruling by instance and every appeal. */
export type Trial = paths['/api/v1/trials/{trialId}']['get']['responses'][200]['content']['application/json'];
export type TrialStatus = Trial['status'];
export type Ruling = Trial['rulings'][number];
