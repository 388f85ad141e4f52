import { spawn } from 'node:child_process';

/**
 * The supply chain of a build: a CycloneDX SBOM of the production dependencies (`npm sbom`), written with every
 * build, and the dependency audit (`npm audit`), which needs a registry that answers the advisories endpoint —
 * where it does not, the check says so plainly instead of passing silently.
 */

export interface NpmRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs npm with the given arguments in `cwd`, collecting its output (no shell, so nothing is interpolated). */
export function runNpm(args: readonly string[], cwd: string): Promise<NpmRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

/**
 * `npm sbom --omit dev` (npm 11.19) leaves out production packages that a development package also reaches (pg and
 * its whole subtree here, about a hundred in all), so the SBOM is taken of the whole tree and narrowed to the
 * packages `npm ls --omit dev --all` lists — npm's own view of what a production install holds.
 */
export const SBOM_ARGS = ['sbom', '--sbom-format', 'cyclonedx', '--sbom-type', 'application'] as const;
export const PRODUCTION_TREE_ARGS = ['ls', '--omit', 'dev', '--all', '--json'] as const;

export interface Sbom {
  bomFormat: 'CycloneDX';
  specVersion: string;
  components: Array<{ 'bom-ref'?: string; name: string; version: string; purl?: string }>;
  dependencies?: Array<{ ref: string; dependsOn?: string[] }>;
}

interface NpmTree {
  version?: string;
  dependencies?: Record<string, NpmTree>;
}

/** Every `name@version` in the tree `npm ls --json` printed. */
export function packagesOfTree(text: string): Set<string> {
  const found = new Set<string>();
  const walk = (tree: NpmTree) => {
    for (const [name, child] of Object.entries(tree.dependencies ?? {})) {
      if (child.version === undefined) continue; // missing optional dependency (another platform)
      const ref = `${name}@${child.version}`;
      if (found.has(ref) && !child.dependencies) continue;
      found.add(ref);
      walk(child);
    }
  };
  walk(JSON.parse(text) as NpmTree);
  return found;
}

/** The SBOM narrowed to the production packages: components and the dependency graph between them. */
export function productionSbom(bom: Sbom, production: ReadonlySet<string>): Sbom {
  const keep = (ref: string) => production.has(ref);
  const rootRef = (bom as { metadata?: { component?: { 'bom-ref'?: string } } }).metadata?.component?.['bom-ref'];
  return {
    ...bom,
    components: bom.components.filter((c) => keep(`${c.name}@${c.version}`)),
    dependencies: bom.dependencies
      ?.filter((d) => d.ref === rootRef || keep(d.ref))
      .map((d) => ({ ...d, dependsOn: d.dependsOn?.filter(keep) })),
  };
}

/** Parses what `npm sbom` printed and checks it is a CycloneDX document with components. */
export function parseSbom(text: string): Sbom {
  let bom: Partial<Sbom>;
  try {
    bom = JSON.parse(text) as Partial<Sbom>;
  } catch {
    throw new Error('npm sbom no devolvió JSON / npm sbom did not print JSON');
  }
  if (bom.bomFormat !== 'CycloneDX' || typeof bom.specVersion !== 'string' || !Array.isArray(bom.components)) {
    throw new Error('npm sbom no devolvió un documento CycloneDX / npm sbom did not print a CycloneDX document');
  }
  return bom as Sbom;
}

const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;
type Severity = (typeof SEVERITIES)[number];

export type AuditOutcome =
  | { kind: 'clean'; dependencies: number }
  | { kind: 'vulnerable'; counts: Record<Severity, number>; packages: Array<{ name: string; severity: Severity }> }
  | { kind: 'unavailable'; reason: string };

/**
 * What `npm audit --json` answered: a report (clean or with vulnerabilities), or no report at all because the
 * registry refused or could not be reached — which is "not verified", never "no vulnerabilities".
 */
export function classifyAudit(run: NpmRun): AuditOutcome {
  let report: {
    auditReportVersion?: number;
    vulnerabilities?: Record<string, { severity?: Severity }>;
    metadata?: { vulnerabilities?: Partial<Record<Severity, number>>; dependencies?: { prod?: number; total?: number } };
    message?: string;
    statusCode?: number;
    error?: { summary?: string; code?: string };
  };
  try {
    report = JSON.parse(run.stdout) as typeof report;
  } catch {
    return { kind: 'unavailable', reason: firstLine(run.stderr) || `npm audit terminó con código ${run.code}` };
  }
  if (report.auditReportVersion === undefined || report.metadata?.vulnerabilities === undefined) {
    const why = report.message ?? report.error?.summary ?? report.error?.code ?? firstLine(run.stderr);
    return { kind: 'unavailable', reason: why || 'npm audit no devolvió un informe' };
  }
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, report.metadata?.vulnerabilities?.[s] ?? 0])) as Record<Severity, number>;
  const packages = Object.entries(report.vulnerabilities ?? {})
    .map(([name, v]) => ({ name, severity: v.severity ?? 'info' }))
    .sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || a.name.localeCompare(b.name));
  if (packages.length === 0 && SEVERITIES.every((s) => counts[s] === 0)) {
    return { kind: 'clean', dependencies: report.metadata.dependencies?.prod ?? report.metadata.dependencies?.total ?? 0 };
  }
  return { kind: 'vulnerable', counts, packages };
}

/** The lines the audit prints, Spanish first; `failing` when the build should stop (high or critical found). */
export function describeAudit(outcome: AuditOutcome): { lines: string[]; failing: boolean } {
  switch (outcome.kind) {
    case 'clean':
      return {
        lines: [
          `npm audit: sin vulnerabilidades conocidas en ${outcome.dependencies} dependencias de producción / no known vulnerabilities`,
        ],
        failing: false,
      };
    case 'unavailable':
      return {
        lines: [
          `npm audit NO se pudo ejecutar: ${outcome.reason}`,
          'La auditoría de dependencias NO está verificada en esta máquina (el registro no responde al servicio de avisos).',
          'npm audit could NOT run: the dependency audit is NOT verified on this machine; run `npm run audit:deps` where the registry answers it.',
        ],
        failing: false,
      };
    case 'vulnerable': {
      const summary = SEVERITIES.filter((s) => outcome.counts[s] > 0)
        .map((s) => `${s}: ${outcome.counts[s]}`)
        .join(', ');
      return {
        lines: [
          `npm audit: vulnerabilidades en dependencias de producción / vulnerabilities in production dependencies (${summary})`,
          ...outcome.packages.map((p) => `  ${p.severity.padEnd(8)} ${p.name}`),
        ],
        failing: outcome.counts.high > 0 || outcome.counts.critical > 0,
      };
    }
  }
}

const firstLine = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/^npm (error|warn) /, '').trim())
    .find(Boolean) ?? '';

/** The CycloneDX SBOM of the production dependencies installed in `root`, as JSON text. */
export async function buildProductionSbom(root: string): Promise<{ text: string; bom: Sbom }> {
  const [sbom, tree] = await Promise.all([runNpm(SBOM_ARGS, root), runNpm(PRODUCTION_TREE_ARGS, root)]);
  if (sbom.code !== 0) throw new Error(`npm sbom falló / failed (código ${sbom.code}): ${sbom.stderr.trim()}`);
  if (tree.code !== 0) throw new Error(`npm ls falló / failed (código ${tree.code}): ${tree.stderr.trim()}`);
  const bom = productionSbom(parseSbom(sbom.stdout), packagesOfTree(tree.stdout));
  return { text: `${JSON.stringify(bom, null, 2)}\n`, bom };
}
