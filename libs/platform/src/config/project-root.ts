import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where package.json is), found from this file so it works from src/ and dist/ alike. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'registro-de-trata') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project root (package.json of registro-de-trata)');
    dir = parent;
  }
}
