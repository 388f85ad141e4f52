import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { Logger, PinoLogger, type Params } from 'nestjs-pino';
import { destination, stdTimeFunctions, type DestinationStream, type LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';
import PinoPretty from 'pino-pretty';
import { PERSONAL_FIELDS } from '#domain';
import { FREE_TEXT_FIELDS, type AppConfig } from '#platform';
import { TOKEN_HEADER } from '../shared/command-service.js';

/** Where the lines go: stdout by default; a stream of their own in the tests. */
export interface LogOutput {
  stream: NodeJS.WritableStream;
  /** Whether it is a terminal: decides the format when LOG_FORMAT is `auto`. */
  isTTY: boolean;
}

/** `pretty` on a terminal (or when asked for), JSON lines otherwise: files, pipes and log collectors parse them. */
export function logFormatFor(config: Pick<AppConfig, 'logFormat'>, isTTY: boolean): 'pretty' | 'json' {
  return config.logFormat === 'auto' ? (isTTY ? 'pretty' : 'json') : config.logFormat;
}

/**
 * Field names that hold personal data or free text wherever they appear in a logged object (a victim's name and
 * document, a call's summary, a closing reason…), replaced before the line is written. Nothing logs them today:
 * this is the net under a future `logger.log(body)`. Requests are never logged with their headers, query or body.
 */
const PERSONAL_KEYS = [
  ...new Set([...PERSONAL_FIELDS, 'summary', ...FREE_TEXT_FIELDS.flatMap((spec) => Object.values(spec.fields).flat())]),
];
const REDACTED_PATHS = [...PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`]), 'headers', '*.headers', 'body', '*.body', 'query', '*.query'];

/** Requests whose line is already promised (see `autoLogging` below). */
const seen = new WeakSet<object>();

/** The route template (`/api/v1/cases/:caseId`), never the path itself: ids link a person to a time. */
export function routeOf(request: Request): string {
  return request.route?.path ? `${request.baseUrl}${String(request.route.path)}` : 'unmatched';
}

/** The client's X-Request-Id when it is a plain token (the rule commands apply to it), else a fresh one; echoed back. */
function requestIdOf(request: Request, response: Response): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && TOKEN_HEADER.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * The application's one logger: pino, through nestjs-pino, for Nest's own lines, the `new Logger('Auth')`
 * instances and one line per request (pino-http). `quietSuccessfulRequests` leaves out the request lines of
 * successful answers while it is set (the demo loader's thousands of requests would bury the start-up log).
 *
 * nestjs-pino keeps one pino-http instance per process: the first logger created is the one every later
 * application in the same process writes through (one per process in production; the tests' apps are silent).
 */
export class RegistryLogger extends Logger {
  quietSuccessfulRequests = false;

  constructor(readonly params: Params) {
    super(new PinoLogger(params), params);
  }
}

/** The destination of the process's first logger, the one nestjs-pino keeps. */
let first: NodeJS.WritableStream | 'silent' | undefined;

/** The logger for `config` (LOG_LEVEL, LOG_FORMAT) writing to `output`; `silent` for the tests' quiet apps. */
export function createLogger(
  config: AppConfig,
  output: LogOutput | 'silent' = { stream: process.stdout, isTTY: !!process.stdout.isTTY },
): RegistryLogger {
  const silent = output === 'silent';
  // A second destination would be ignored without a word (see RegistryLogger): say so instead.
  if (!silent && first !== undefined && first !== output.stream) {
    throw new Error('nestjs-pino keeps the first logger of the process: a second destination would never be written to');
  }
  first ??= silent ? 'silent' : output.stream;
  const format = silent ? 'json' : logFormatFor(config, output.isTTY);
  const http: Options<Request, Response> = {
    level: silent ? 'silent' : config.logLevel,
    timestamp: stdTimeFunctions.isoTime,
    // JSON lines name their level ("info"); pino-pretty turns the numbers into coloured names itself.
    formatters: format === 'json' ? { level: (label) => ({ level: label }) } : {},
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Nothing of the request or the answer but what the request line states: no headers (Authorization,
    // X-Purpose, cookies), no query string, no body, no client address.
    serializers: { req: () => undefined, res: () => undefined },
    wrapSerializers: false,
    genReqId: requestIdOf,
    customAttributeKeys: { reqId: 'requestId' },
    // Nest mounts the middleware twice on the paths outside the /api prefix (/health): one line all the same.
    autoLogging: { ignore: (request) => seen.has(request) || (seen.add(request), false) },
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_request, response, error): LevelWithSilent => {
      if (error || response.statusCode >= 500) return 'error';
      return logger.quietSuccessfulRequests && response.statusCode < 400 ? 'silent' : 'info';
    },
    customSuccessObject: (request, response, value: { responseTime: number }) => requestLine(request, response, value.responseTime),
    customErrorObject: (request, response, _error, value: { responseTime: number }) => requestLine(request, response, value.responseTime),
    customSuccessMessage: (request, response, ms) => requestMessage(request, response, ms),
    // pino-http passes the duration as a fourth argument its types leave out.
    customErrorMessage: (request, response, _error, ms?: number) => requestMessage(request, response, ms ?? 0),
  };
  const stream = silent ? undefined : format === 'pretty' ? prettyStream(output) : jsonStream(output);
  const params: Params<Request, Response> = { pinoHttp: stream ? [http, stream] : http };
  // Under Nest's Express adapter pino-http is handed Express's request and response.
  const logger = new RegistryLogger(params as unknown as Params);
  return logger;
}

function requestLine(request: Request, response: Response, ms: number) {
  return { context: 'Http', method: request.method, route: routeOf(request), status: response.statusCode, ms };
}

function requestMessage(request: Request, response: Response, ms: number): string {
  const aborted = !response.writableEnded ? ' (aborted)' : '';
  return `${request.method} ${routeOf(request)} ${response.statusCode} ${ms} ms${aborted}`;
}

/** Synchronous writes to stdout (pino's own destination): the line before a failed start's exit reaches the pipe. */
function jsonStream(output: LogOutput): DestinationStream {
  return output.stream === process.stdout ? destination({ dest: 1, sync: true }) : (output.stream as DestinationStream);
}

/**
 * Readable lines: local time, level name, [context], message, request id; colours on a terminal. In-process and
 * synchronous rather than a worker transport, so the last line before a failed start's exit is not lost.
 */
function prettyStream(output: LogOutput): DestinationStream {
  const toStdout = output.stream === process.stdout;
  return PinoPretty({
    ...(toStdout ? { destination: 1, sync: true } : { destination: output.stream }),
    colorize: output.isTTY && PinoPretty.isColorSupported,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,requestId,method,route,status,ms',
    messageFormat: '{if context}[{context}] {end}{msg}{if requestId} ({requestId}){end}',
    singleLine: true,
  });
}
