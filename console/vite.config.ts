import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console is served by Callplane at /console (src/http/console.ts). `npm run dev:console`
// serves it with hot reload and sends API calls to a Callplane on CALLPLANE_URL (default :8080).

const target = process.env.CALLPLANE_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: true, reportCompressedSize: false },
  server: {
    proxy: {
      '/v1': target,
      '/sandbox': { target, headers: { 'x-accel-buffering': 'no' } },
    },
  },
  clearScreen: false,
});
