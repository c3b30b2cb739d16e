import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Writes `name.br` and `name.gz` beside every text asset at build time, at the highest levels
 * (too slow per request, free once), so the API serves compressed bytes without compressing.
 */
function precompress(): Plugin {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    name: 'luodi-precompress',
    apply: 'build',
    closeBundle() {
      for (const path of walk(outDir).filter((file) => /\.(js|css|html|svg|json)$/.test(file))) {
        const bytes = readFileSync(path);
        if (bytes.length < 1024) continue;
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

// Built into dist/web, which the API serves at `/`. In development `/api` goes to the API.
export default defineConfig({
  root,
  base: '/',
  // @vitejs/plugin-react is not installed; Vite's built-in Oxc transform compiles the JSX.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // The dashboard chunk is mostly ECharts (bar + line only) and is loaded on demand.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
