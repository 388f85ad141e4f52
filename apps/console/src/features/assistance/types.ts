import type { paths } from '../../api/schema.js';

type Path = paths['/api/v1/cases/{caseId}/victims/{victimId}/assistance'];

/** GET …/assistance: her acts in order, her last consent, her current shelter stay and the acts that apply next. */
export type Assistance = Path['get']['responses'][200]['content']['application/json'];
export type AssistanceAct = Assistance['acts'][number];
/** POST …/assistance: one act, `kind` saying which fields it needs. */
export type AssistanceBody = NonNullable<Path['post']['requestBody']>['content']['application/json'];
export type AssistanceKind = AssistanceBody['kind'];
