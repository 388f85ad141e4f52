import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildProductionSbom, classifyAudit, describeAudit, runNpm } from './supply-chain.js';

/**
 * `npm run sbom` (also the last step of `npm run build`): writes dist/sbom.cdx.json, the CycloneDX SBOM of the
 * production dependencies. `npm run audit:deps`: the dependency audit, which exits 1 on high or critical
 * vulnerabilities and says plainly (exit 0, or 2 with --strict) when the registry could not answer it.
 */
async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const root = process.cwd();
  if (command === 'sbom') {
    const out = resolve(root, optionValue(rest, '--out') ?? 'dist/sbom.cdx.json');
    const { text, bom } = await buildProductionSbom(root);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
    console.log(`SBOM CycloneDX ${bom.specVersion}: ${out} (${bom.components.length} componentes de producción / production components)`);
    return 0;
  }
  if (command === 'audit') {
    const { lines, failing } = describeAudit(classifyAudit(await runNpm(['audit', '--omit', 'dev', '--json'], root)));
    for (const line of lines) console.log(line);
    if (failing) return 1;
    return rest.includes('--strict') && lines[0].startsWith('npm audit NO') ? 2 : 0;
  }
  console.error('Uso / usage: supply-chain sbom [--out FILE] | supply-chain audit [--strict]');
  return 2;
}

function optionValue(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
