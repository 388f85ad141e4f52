import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { queryPendingReferrals } from '#read-models';
import { APP_CONFIG, type Actor, type AppConfig } from '#platform';
import { Access } from '../auth/access.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { REFERRAL_RECEIVERS, REFERRAL_SOURCES_SEEN } from '../auth/endpoint-policy.js';
import { ReferralStreamState, sseEvent } from './referral-notification-stream.js';
import { REFERRAL_STREAM_SCHEMA } from './referral.schemas.js';

/** How often a connection reads the queue: a new referral shows within this much of being projected. */
const POLL_MS = 2_000;
/** At most this many referrals read per pass, overdue first (as the queue orders them). */
const QUEUE_LIMIT = 1_000;

const REFERRAL_STREAM_EXAMPLE =
  'event: overdue\nid: 0b8f6c1e-3f1a-4c52-9d4e-2a7b1c9e5f10:overdue\n' +
  'data: {"referralId":"0b8f6c1e-3f1a-4c52-9d4e-2a7b1c9e5f10","destination":"PNP","department":"15","sourceKind":"hotline_call","referredAt":"2025-03-03T16:00:00.000Z","deadlineAt":"2025-03-04T16:00:00.000Z"}\n\n' +
  ': heartbeat\n\n';

/**
 * GET /referrals/notifications: the receiving unit's queue as a stream of server-sent events (`new`, `overdue`),
 * scoped exactly like GET /referrals (the same query, the same roles, departments and sources). Heartbeat comments
 * keep proxies from closing an idle stream; the stream ends when the token expires (the console reconnects with a
 * fresh one). The token travels in the Authorization header: the console reads the stream with fetch, never
 * EventSource, so it is never put in a URL.
 */
@ApiTags('referrals')
@Controller()
export class ReferralNotificationsController {
  private readonly logger = new Logger('ReferralNotifications');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Access({ roles: ['operator', 'police', 'prosecutor', 'protection', 'admin'] })
  @Get('referrals/notifications')
  @ApiOperation({
    summary:
      'Avisos de derivaciones nuevas y vencidas (server-sent events; solo ids, códigos y horas) / New and overdue referrals (server-sent events; ids, codes and times only)',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'text/event-stream: `event: new|overdue`, `data:` JSON; comentarios `: heartbeat` / comments `: heartbeat`',
    content: { 'text/event-stream': { schema: REFERRAL_STREAM_SCHEMA, example: REFERRAL_STREAM_EXAMPLE } },
  })
  streamReferralNotifications(@CurrentActor() actor: Actor, @Req() request: Request, @Res() response: Response): void {
    response.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
    const state = new ReferralStreamState();
    let closed = false;
    let busy = false;
    const timers: NodeJS.Timeout[] = [];
    const close = () => {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      response.end();
    };
    const pass = async () => {
      if (closed || busy) return;
      busy = true;
      try {
        const { referrals } = await queryPendingReferrals(this.dataSource, {
          now: new Date().toISOString(),
          queue: 'pending',
          olderThanHours: 0,
          limit: QUEUE_LIMIT,
          scope: actor.departments.length > 0 ? actor.departments : undefined,
          destinations: REFERRAL_RECEIVERS[actor.role],
          sourceKinds: REFERRAL_SOURCES_SEEN[actor.role],
        });
        for (const { kind, notification } of state.next(referrals)) if (!closed) response.write(sseEvent(kind, notification));
      } catch (error) {
        // A failed pass is retried by the next one; the message names no referral.
        this.logger.warn(`referral notifications pass failed: ${(error as Error).message}`);
      } finally {
        busy = false;
      }
    };
    response.write(`retry: ${POLL_MS}\n: connected\n\n`);
    void pass();
    timers.push(setInterval(() => void pass(), POLL_MS));
    timers.push(setInterval(() => !closed && response.write(': heartbeat\n\n'), this.config.referralStreamHeartbeatSeconds * 1000));
    if (actor.expiresAt) {
      const left = Date.parse(actor.expiresAt) - Date.now();
      // The token's end ends the stream: an `expired` event tells the console to reconnect with a fresh token.
      timers.push(
        setTimeout(
          () => {
            if (!closed) response.write('event: expired\ndata: {}\n\n');
            close();
          },
          Math.max(0, Math.min(left, 2 ** 31 - 1)),
        ),
      );
    }
    request.on('close', close);
  }
}
