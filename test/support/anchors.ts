import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnchorExporter } from '#platform';

/**
 * A throw-away folder for the anchor signing key and the exported anchors, so tests never read or write the
 * developer's .data; `env` sets it for an app or a CLI run, `exporter` signs and checks with the same files.
 */
export function testAnchorExport(): {
  env: { ANCHOR_SIGNING_KEY_FILE: string; ANCHOR_EXPORT_FILE: string };
  exporter: AnchorExporter;
  dir: string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'registro-anchors-'));
  const env = { ANCHOR_SIGNING_KEY_FILE: join(dir, 'anchor-signing-key.pem'), ANCHOR_EXPORT_FILE: join(dir, 'integrity-anchors.jsonl') };
  return {
    env,
    dir,
    exporter: new AnchorExporter({
      anchorSigningKeyFile: env.ANCHOR_SIGNING_KEY_FILE,
      anchorExportFile: env.ANCHOR_EXPORT_FILE,
      anchorExportUrl: null,
    }),
  };
}
