import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ROLES, type Role } from '#platform';
import { invalidOption, UsageError } from './cli-errors.js';

export const FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof FORMATS)[number];
export const LANGUAGES = ['es', 'en'] as const;
export type ExportLanguage = (typeof LANGUAGES)[number];
export const PUBLICATION_KINDS = ['monthly', 'inei-annual'] as const;

export interface ExportOptions {
  asOf: number | null;
  format: ExportFormat;
  lang: ExportLanguage;
  /** File to write; null writes to standard output. */
  out: string | null;
}

export type CliCommand =
  | { command: 'help' }
  | ({ command: 'report-monthly'; year: number; month: number; department: string | null } & ExportOptions)
  | ({ command: 'export-inei'; year: number } & ExportOptions)
  | { command: 'publish'; kind: (typeof PUBLICATION_KINDS)[number]; period: string; department: string | null; id: string | null }
  | { command: 'rebuild'; projection: string | null }
  | { command: 'projections-status' }
  | { command: 'projections-retry'; projection: string }
  | { command: 'projections-skip'; projection: string; position: number; reason: string }
  | { command: 'integration-dead-letters'; all: boolean }
  | { command: 'integration-retry'; position: number; relay: string }
  | { command: 'integration-status' }
  | { command: 'verify'; anchors?: string }
  | { command: 'rotate-master-key'; batchSize: number }
  | { command: 'token'; role: Role; departments: string[]; hours: number; subject: string }
  | { command: 'login-url'; role: Role; departments: string[]; hours: number; subject: string; url: string | null }
  | { command: 'revoke-token'; jti: string; reason: string }
  | { command: 'backup'; out: string }
  | { command: 'restore'; in: string }
  | { command: 'import'; kind: 'cases' | 'calls'; file: string; calls: string | null; sourceSystem: string; dryRun: boolean };

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | string[] | boolean | undefined>;

const EXPORT_OPTIONS: Options = {
  'as-of': { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string' },
};

/**
 * Reads the command line into a command, checking every option before anything touches the database.
 * `projections` are the names `rebuild --projection` accepts. Throws UsageError naming the option at fault.
 */
export function parseCommandLine(argv: readonly string[], context: { projections: readonly string[] }): CliCommand {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || argv.includes('--help') || argv.includes('-h')) return { command: 'help' };
  switch (name) {
    case 'report': {
      const values = subcommand('report', ['monthly'], rest, {
        ...EXPORT_OPTIONS,
        year: { type: 'string' },
        month: { type: 'string' },
        department: { type: 'string' },
      });
      return {
        command: 'report-monthly',
        year: year(values),
        month: integer(values, 'month', 1, 12, 'un entero entre 1 y 12', 'an integer from 1 to 12'),
        department: department(values),
        ...exportOptions(values),
      };
    }
    case 'export': {
      const values = subcommand('export', ['inei'], rest, { ...EXPORT_OPTIONS, year: { type: 'string' } });
      return { command: 'export-inei', year: year(values), ...exportOptions(values) };
    }
    case 'publish': {
      const values = options('publish', rest, {
        kind: { type: 'string' },
        period: { type: 'string' },
        department: { type: 'string' },
        id: { type: 'string' },
      });
      const kind = oneOf(values, 'kind', PUBLICATION_KINDS, null);
      if (kind === null) throw invalidOption('--kind', 'es obligatorio (monthly o inei-annual)', 'is required (monthly or inei-annual)');
      return { command: 'publish', kind, period: period(values, kind), department: publicationDepartment(values, kind), id: uuid(values) };
    }
    case 'rebuild': {
      const values = options('rebuild', rest, { projection: { type: 'string' } });
      return { command: 'rebuild', projection: oneOf(values, 'projection', context.projections, null) };
    }
    case 'projections':
      return projections(rest, context.projections);
    case 'integration':
      return integration(rest);
    case 'verify': {
      const values = options('verify', rest, { anchors: { type: 'string' } });
      if (values.anchors === undefined) return { command: 'verify' };
      const anchors = String(values.anchors).trim();
      if (anchors === '') throw invalidOption('--anchors', 'no puede estar vacío', 'must not be empty');
      return { command: 'verify', anchors };
    }
    case 'rotate-master-key': {
      const values = options('rotate-master-key', rest, { 'batch-size': { type: 'string' } });
      const batchSize =
        values['batch-size'] === undefined
          ? 500
          : integer(values, 'batch-size', 1, 10_000, 'un entero entre 1 y 10000', 'an integer between 1 and 10000');
      return { command: 'rotate-master-key', batchSize };
    }
    case 'token':
    case 'login-url': {
      const values = options(name, rest, {
        role: { type: 'string' },
        department: { type: 'string', multiple: true },
        hours: { type: 'string' },
        subject: { type: 'string' },
        ...(name === 'login-url' ? { url: { type: 'string' } } : {}),
      });
      return name === 'token' ? token(values) : { ...token(values), command: 'login-url', url: siteUrl(values) };
    }
    case 'revoke-token': {
      const values = options(name, rest, { jti: { type: 'string' }, reason: { type: 'string' } });
      const jti = text(values, 'jti')?.trim();
      if (!jti)
        throw invalidOption(
          '--jti',
          'es obligatorio (el jti que imprimió `token`, o el del proveedor de identidad)',
          "is required (the jti `token` printed, or the identity provider's)",
        );
      if (jti.length > 200 || !/^[\x21-\x7e]+$/.test(jti))
        throw invalidOption(
          '--jti',
          'debe tener hasta 200 caracteres visibles, sin espacios',
          'must be up to 200 visible characters, no spaces',
        );
      const reason = text(values, 'reason')?.trim() ?? 'revoked by the operator';
      if (reason.length > 200)
        throw invalidOption(
          '--reason',
          'debe tener hasta 200 caracteres (sin datos personales)',
          'must be up to 200 characters (no personal data)',
        );
      return { command: 'revoke-token', jti, reason };
    }
    case 'backup':
    case 'restore': {
      const option = name === 'backup' ? 'out' : 'in';
      const values = options(name, rest, { [option]: { type: 'string' } });
      const file = text(values, option)?.trim();
      if (!file) throw invalidOption(`--${option}`, 'es obligatorio (un archivo)', 'is required (a file)');
      return name === 'backup' ? { command: 'backup', out: file } : { command: 'restore', in: file };
    }
    case 'import':
      return importCommand(rest);
    default:
      throw new UsageError(`comando desconocido: «${name}»`, `unknown command "${name}"`);
  }
}

/** `import cases FILE [--calls FILE] [--source-system NAME] [--dry-run]`, `import calls FILE [...]` (docs/import.md). */
function importCommand(args: readonly string[]): CliCommand {
  const [kind, file, ...rest] = args;
  if (kind !== 'cases' && kind !== 'calls')
    throw new UsageError('import: falta el tipo o es desconocido (cases, calls)', 'missing or unknown kind (cases, calls)');
  if (file === undefined || file.startsWith('-') || file.trim() === '')
    throw new UsageError(`import ${kind}: falta el archivo CSV`, 'the CSV file is missing');
  const values = options(`import ${kind}`, rest, {
    'source-system': { type: 'string' },
    'dry-run': { type: 'boolean' },
    ...(kind === 'cases' ? { calls: { type: 'string' } } : {}),
  });
  const sourceSystem = text(values, 'source-system')?.trim() ?? 'historic';
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(sourceSystem))
    throw invalidOption(
      '--source-system',
      'debe ser un nombre de 1 a 64 caracteres (letras, dígitos, . _ : -)',
      'must be a name of 1 to 64 characters (letters, digits, . _ : -)',
    );
  const calls = text(values, 'calls')?.trim();
  if (calls === '') throw invalidOption('--calls', 'no puede estar vacío', 'must not be empty');
  return { command: 'import', kind, file, calls: calls ?? null, sourceSystem, dryRun: values['dry-run'] === true };
}

/** `integration dead-letters [--all]`, `integration retry --position N [--relay NAME]`, `integration status`. */
function integration(args: readonly string[]): CliCommand {
  const [action, ...rest] = args;
  const actions = ['dead-letters', 'retry', 'status'];
  if (action === undefined || !actions.includes(action))
    throw new UsageError(
      `integration: falta la acción o es desconocida (${actions.join(', ')})`,
      `missing or unknown action (${actions.join(', ')})`,
    );
  if (action === 'status') {
    options('integration status', rest, {});
    return { command: 'integration-status' };
  }
  if (action === 'dead-letters')
    return {
      command: 'integration-dead-letters',
      all: options('integration dead-letters', rest, { all: { type: 'boolean' } }).all === true,
    };
  const values = options('integration retry', rest, { position: { type: 'string' }, relay: { type: 'string' } });
  const position = integer(values, 'position', 1, Number.MAX_SAFE_INTEGER, 'un entero ≥ 1', 'an integer ≥ 1');
  const relay = text(values, 'relay')?.trim() ?? 'kafka';
  if (relay === '') throw invalidOption('--relay', 'no puede estar vacío', 'must not be empty');
  return { command: 'integration-retry', position, relay };
}

/** `projections status`, `projections retry <name>`, `projections skip <name> --position N --reason R`. */
function projections(args: readonly string[], names: readonly string[]): CliCommand {
  const [action, name, ...rest] = args;
  const actions = ['status', 'retry', 'skip'];
  if (action === undefined || !actions.includes(action))
    throw new UsageError(
      `projections: falta la acción o es desconocida (${actions.join(', ')})`,
      `missing or unknown action (${actions.join(', ')})`,
    );
  if (action === 'status') {
    options('projections status', args.slice(1), {});
    return { command: 'projections-status' };
  }
  if (name === undefined || name.startsWith('-'))
    throw new UsageError(`projections ${action}: falta el nombre de la proyección (${names.join(', ')})`, 'the projection name is missing');
  if (!names.includes(name))
    throw new UsageError(`projections ${action}: proyección desconocida «${name}» (${names.join(', ')})`, `unknown projection "${name}"`);
  if (action === 'retry') {
    options('projections retry', rest, {});
    return { command: 'projections-retry', projection: name };
  }
  const values = options('projections skip', rest, { position: { type: 'string' }, reason: { type: 'string' } });
  const position = integer(values, 'position', 1, Number.MAX_SAFE_INTEGER, 'un entero ≥ 1', 'an integer ≥ 1');
  const reason = text(values, 'reason')?.trim();
  if (!reason) throw invalidOption('--reason', 'es obligatorio (por qué se omite el evento)', 'is required (why the event is skipped)');
  if (reason.length > 200)
    throw invalidOption(
      '--reason',
      'debe tener hasta 200 caracteres (sin datos personales)',
      'must be up to 200 characters (no personal data)',
    );
  return { command: 'projections-skip', projection: name, position, reason };
}

/** `report monthly …`, `export inei …`: the second word names what to produce. */
function subcommand(command: string, kinds: readonly string[], args: readonly string[], spec: Options): Values {
  const [kind, ...rest] = args;
  if (kind === undefined || kind.startsWith('-')) {
    throw new UsageError(`${command}: falta el tipo (${kinds.join(', ')})`, `the kind is missing (${kinds.join(', ')})`);
  }
  if (!kinds.includes(kind)) throw new UsageError(`${command}: tipo desconocido «${kind}» (${kinds.join(', ')})`, `unknown kind "${kind}"`);
  return options(`${command} ${kind}`, rest, spec);
}

/** The options of one command; any positional argument left over is an error. */
function options(command: string, args: readonly string[], spec: Options): Values {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: spec, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /'(-[^' ]+)/.exec((error as Error).message)?.[1] ?? '?';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw invalidOption(option, `opción desconocida para «${command}»`, `unknown option for "${command}"`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw invalidOption(option, 'falta el valor', 'the value is missing');
    throw error;
  }
  if (parsed.positionals.length > 0) {
    const extra = parsed.positionals[0];
    throw new UsageError(`${command}: argumento inesperado «${extra}»`, `unexpected argument "${extra}"`);
  }
  return parsed.values;
}

function exportOptions(values: Values): ExportOptions {
  const out = text(values, 'out');
  if (out === '') throw invalidOption('--out', 'no puede estar vacío', 'must not be empty');
  return {
    asOf: values['as-of'] === undefined ? null : integer(values, 'as-of', 0, Number.MAX_SAFE_INTEGER, 'un entero ≥ 0', 'an integer ≥ 0'),
    format: oneOf(values, 'format', FORMATS, 'json'),
    lang: oneOf(values, 'lang', LANGUAGES, 'es'),
    out: out ?? null,
  };
}

const text = (values: Values, name: string): string | undefined => values[name] as string | undefined;

function integer(values: Values, name: string, min: number, max: number, es: string, en: string): number {
  const raw = text(values, name);
  if (raw === undefined) throw invalidOption(`--${name}`, 'es obligatorio', 'is required');
  const value = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalidOption(`--${name}`, `debe ser ${es} (se recibió «${raw}»)`, `must be ${en} (got "${raw}")`);
  }
  return value;
}

const year = (values: Values): number => integer(values, 'year', 1990, 2100, 'un año entre 1990 y 2100', 'a year from 1990 to 2100');

function oneOf<T extends string, F extends T | null>(values: Values, name: string, allowed: readonly T[], fallback: F): T | F {
  const raw = text(values, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw invalidOption(
      `--${name}`,
      `debe ser uno de: ${allowed.join(', ')} (se recibió «${raw}»)`,
      `must be one of ${allowed.join(', ')}`,
    );
  }
  return raw as T;
}

/** Two-digit INEI department code; whether it exists in the catalog is checked against the catalog later. */
function department(values: Values): string | null {
  const raw = text(values, 'department');
  if (raw === undefined) return null;
  if (!/^\d{2}$/.test(raw) || raw === '00') {
    throw invalidOption(
      '--department',
      `debe ser un código de departamento de 2 dígitos (UBIGEO INEI), se recibió «${raw}»`,
      'must be a two-digit INEI UBIGEO department code',
    );
  }
  return raw;
}

function period(values: Values, kind: (typeof PUBLICATION_KINDS)[number]): string {
  const raw = text(values, 'period');
  if (raw === undefined) throw invalidOption('--period', 'es obligatorio', 'is required');
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(raw);
  const monthly = kind === 'monthly';
  const yearOk = match !== null && Number(match[1]) >= 1990 && Number(match[1]) <= 2100;
  const shapeOk = monthly ? match?.[2] !== undefined && Number(match[2]) >= 1 && Number(match[2]) <= 12 : match?.[2] === undefined;
  if (!yearOk || !shapeOk) {
    throw monthly
      ? invalidOption('--period', `debe ser YYYY-MM para un reporte mensual (se recibió «${raw}»)`, 'must be YYYY-MM for a monthly report')
      : invalidOption('--period', `debe ser YYYY para los cuadros anuales (se recibió «${raw}»)`, 'must be YYYY for the annual tables');
  }
  return raw;
}

function publicationDepartment(values: Values, kind: (typeof PUBLICATION_KINDS)[number]): string | null {
  const code = department(values);
  if (code !== null && kind !== 'monthly') {
    throw invalidOption('--department', 'solo se admite con --kind monthly', 'only allowed with --kind monthly');
  }
  return code;
}

function uuid(values: Values): string | null {
  const raw = text(values, 'id');
  if (raw === undefined) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)) {
    throw invalidOption('--id', `debe ser un UUID (se recibió «${raw}»)`, 'must be a UUID');
  }
  return raw.toLowerCase();
}

/** `login-url --url`: where the console is served (http or https); null: from PORT and HOST. */
function siteUrl(values: Values): string | null {
  const raw = text(values, 'url');
  if (raw === undefined) return null;
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || !['http:', 'https:'].includes(url.protocol))
    throw invalidOption('--url', `debe ser una URL http(s) (se recibió «${raw}»)`, 'must be an http(s) URL');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `token --role R [--department DD …] [--hours N] [--subject S]`: a signed bearer token for local use. */
function token(values: Values): Extract<CliCommand, { command: 'token' }> {
  const role = oneOf(values, 'role', ROLES, null);
  if (role === null) throw invalidOption('--role', `es obligatorio (${ROLES.join(', ')})`, `is required (${ROLES.join(', ')})`);
  const departments = [...new Set((values.department as string[] | undefined) ?? [])].map((code) => {
    const checked = department({ department: code });
    return checked as string;
  });
  const hours = values.hours === undefined ? 8 : integer(values, 'hours', 1, 720, 'un entero entre 1 y 720', 'an integer from 1 to 720');
  const subject = text(values, 'subject') ?? `local-${role}`;
  if (!/^[A-Za-z0-9._:-]{1,200}$/.test(subject)) {
    throw invalidOption(
      '--subject',
      'debe ser un identificador opaco (letras, dígitos, . _ : -), sin datos personales',
      'must be an opaque identifier (letters, digits, . _ : -), no personal data',
    );
  }
  return { command: 'token', role, departments: departments.sort(), hours, subject };
}
