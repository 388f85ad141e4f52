import { DomainError } from '#domain';
import { ProjectionEventFailed } from '#event-store';
import { ConfigError } from '#platform';

/** The CLI's exit codes: scripts and cron jobs branch on them. */
export const EXIT = { ok: 0, failure: 1, usage: 2, integrity: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The command line is wrong: unknown command, missing or invalid option. Exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly messageEs: string,
    readonly messageEn: string,
  ) {
    super(`${messageEs} / ${messageEn}`);
    this.name = 'UsageError';
  }
}

/** An option's value is invalid: names the option and the reason, in both languages. */
export const invalidOption = (option: string, reasonEs: string, reasonEn: string): UsageError =>
  new UsageError(`${option}: ${reasonEs}`, reasonEn);

/** There is no registry to read: the CLI never creates an empty one. Exit code 2. */
export class NoData extends Error {
  constructor(readonly where: string) {
    super(`no hay datos en ${where}: ejecute npm start primero / no data in ${where}: run npm start first`);
    this.name = 'NoData';
  }
}

/** What the operator reads and the exit code, for anything a command threw. */
export function describeFailure(error: unknown, debug: boolean): { exitCode: ExitCode; message: string } {
  if (error instanceof UsageError) {
    return { exitCode: EXIT.usage, message: `${error.message}\nUso / usage: npm run cli -- help` };
  }
  if (error instanceof NoData) return { exitCode: EXIT.usage, message: error.message };
  if (error instanceof ConfigError)
    return { exitCode: EXIT.usage, message: `configuración no válida / invalid configuration: ${error.message}` };
  if (error instanceof ProjectionEventFailed) {
    const { projection, failure } = error;
    return {
      exitCode: EXIT.failure,
      message:
        `la proyección ${projection} falla en la posición ${failure.globalPosition} (${failure.eventType}): ${failure.message} / ` +
        `projection ${projection} fails at position ${failure.globalPosition}\n` +
        `qué hacer / what to do: corrija y reintente / fix and retry, o / or ` +
        `npm run cli -- projections skip ${projection} --position ${failure.globalPosition} --reason "…"`,
    };
  }
  if (error instanceof DomainError) {
    const fields = error.fields.map((f) => `\n  ${f.field}: ${f.reason} / ${f.reasonEn}`).join('');
    return { exitCode: EXIT.usage, message: `${error.messageEs} / ${error.messageEn}${fields}` };
  }
  const message = error instanceof Error ? (debug && error.stack ? error.stack : error.message) : String(error);
  return { exitCode: EXIT.failure, message: `error inesperado / unexpected error: ${message}` };
}
