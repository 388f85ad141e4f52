import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Actor, RequestWithActor } from '#platform';

const current = new AsyncLocalStorage<RequestWithActor>();

/**
 * Makes the request reachable from the code it runs, so that command metadata names the authenticated actor
 * (set on the request by the guard) without every controller and use case passing it along: a forgotten
 * parameter would silently misattribute a command, a missing context fails loudly instead (commandMetadata).
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    current.run(request as RequestWithActor, next);
  }
}

/** The actor of the request being handled, if it was authenticated. */
export function currentActor(): Actor | undefined {
  return current.getStore()?.actor;
}

/** Runs work outside an HTTP request as an actor (a script, a test of a crash between two appends). */
export function runAs<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
  return current.run({ actor } as RequestWithActor, work);
}
