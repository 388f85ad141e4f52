import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** What test/architecture/compose.spec.ts reads of docker-compose.yml (the parts it checks, nothing more). */
export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number | boolean>;
  ports?: string[];
  volumes?: string[];
  configs?: { source: string; target: string }[];
  deploy?: { replicas?: number };
  container_name?: string;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  configs?: Record<string, { content?: string; file?: string }>;
}

/** docker-compose.yml with its anchors and `<<` merge keys resolved, as Compose itself reads them. */
export function readComposeFile(root: string): ComposeFile {
  return parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
}

/**
 * Compose's interpolation of one value: `$$`, `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?error}`
 * and `${NAME?error}` (the forms the compose file may use; a bare `$NAME` is refused by the spec instead).
 */
export function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (match, name: string, op?: string, arg?: string) => {
    if (match === '$$') return '$';
    const raw = env[name];
    const missing = raw === undefined || (op?.startsWith(':') === true && raw === '');
    if (missing && op?.endsWith('?')) throw new Error(`required variable ${name} is missing a value: ${arg}`);
    if (missing && op?.endsWith('-')) return arg ?? '';
    return raw ?? '';
  });
}

/**
 * Every environment variable libs/platform/src/config/config.ts reads, found in its source: `env.NAME`,
 * `env['NAME']` and the helpers' `(env, 'NAME', …)`. The spec checks the scan finds the variables it knows of.
 */
export function configVariables(root: string): Set<string> {
  const source = readFileSync(join(root, 'libs/platform/src/config/config.ts'), 'utf8');
  const names = new Set<string>();
  for (const pattern of [/\benv\.([A-Z][A-Z0-9_]*)\b/g, /\benv\[\s*'([A-Z][A-Z0-9_]*)'\s*\]/g, /\benv,\s*'([A-Z][A-Z0-9_]*)'/g]) {
    for (const match of source.matchAll(pattern)) names.add(match[1]);
  }
  return names;
}

/** The variables a Dockerfile's `ENV NAME=value` lines set in the image. */
export function dockerfileEnvironment(root: string): Record<string, string> {
  const lines = readFileSync(join(root, 'Dockerfile'), 'utf8').split('\n');
  const env: Record<string, string> = {};
  for (const line of lines) {
    const match = /^ENV\s+([A-Z][A-Z0-9_]*)=(\S*)\s*$/.exec(line);
    if (match) env[match[1]] = match[2];
  }
  return env;
}

const GLOB_PARTS = new Map([
  ['**/', '(?:.*/)?'],
  ['**', '.*'],
  ['*', '[^/]*'],
]);

/** tsc's glob patterns (`**`, `*`) as a regular expression over a path relative to the project root. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split(/(\*\*\/|\*\*|\*)/)
    .map((part) => GLOB_PARTS.get(part) ?? part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('');
  return new RegExp(`^${body}$`);
}

/**
 * The source file `tsc -p tsconfig.build.json` compiles into `emitted` (a path under its outDir), or null when the
 * build would not emit that file (outside its include, or excluded).
 */
export function buildSourceOf(root: string, emitted: string): string | null {
  const read = (file: string) =>
    JSON.parse(readFileSync(join(root, file), 'utf8')) as {
      extends?: string;
      compilerOptions?: { outDir?: string; rootDir?: string };
      include?: string[];
      exclude?: string[];
    };
  const build = read('tsconfig.build.json');
  const base = build.extends ? read(build.extends) : {};
  const outDir = (build.compilerOptions?.outDir ?? base.compilerOptions?.outDir ?? '').replace(/^\.\/|\/$/g, '');
  const rootDir = (build.compilerOptions?.rootDir ?? base.compilerOptions?.rootDir ?? '.').replace(/^\.\/?|\/$/g, '');
  if (!emitted.startsWith(`${outDir}/`) || !emitted.endsWith('.js')) return null;
  const relative = emitted.slice(outDir.length + 1).replace(/\.js$/, '.ts');
  const source = rootDir ? `${rootDir}/${relative}` : relative;
  const included = (build.include ?? base.include ?? []).some((glob) => globToRegExp(glob).test(source));
  const excluded = (build.exclude ?? base.exclude ?? []).some((glob) => globToRegExp(glob).test(source));
  return included && !excluded ? source : null;
}
