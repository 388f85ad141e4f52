import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor, RequestWithActor } from '#platform';

/** The authenticated caller (set by AuthGuard); only on routes that are not public. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Error('no authenticated actor on this route');
  return actor;
});
