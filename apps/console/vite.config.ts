import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console is served by the API itself (same origin, its CSP: scripts only from 'self', no inline script), so the
// build goes where the API looks for it: dist/console. Screens are split into lazy chunks; the first screen's
// JavaScript is measured in docs/performance.md.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  // The domain's code lists and rules the console shares (offences in force, stages), by the same name as in
  // tsconfig.json's paths, instead of ../../../../../libs relative imports.
  resolve: { alias: { '#domain-src': fileURLToPath(new URL('../../libs/domain/src', import.meta.url)) } },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // Mantine in one chunk loaded with the entry, rather than some thirty small chunks behind each screen: the
      // first screen went from 1.0 s to 0.76 s (median, bench) for 211 instead of 140 kB gzip (docs/performance.md).
      output: { codeSplitting: { groups: [{ name: 'mantine', test: /node_modules[\\/]@mantine[\\/](core|hooks)/ }] } },
      // Mantine marks its modules "use client" (for React Server Components); meaningless in a plain SPA bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
