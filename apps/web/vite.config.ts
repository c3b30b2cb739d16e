import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Built into dist/web, which the API serves at `/`. In development `/api` goes to the API.
export default defineConfig({
  root,
  base: '/',
  // @vitejs/plugin-react is not installed; Vite's built-in Oxc transform compiles the JSX.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // The dashboard chunk is mostly ECharts (bar + line only) and is loaded on demand.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
