import type { paths } from '../../api/schema.js';

export type Publication = paths['/api/v1/publications']['get']['responses'][200]['content']['application/json']['publications'][number];
export type Revisions = paths['/api/v1/publications/{id}/revisions']['get']['responses'][200]['content']['application/json'];
