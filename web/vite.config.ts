/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server forwards API and health calls to a running platform (./authorworks serve),
// so the app talks to the same origin in development and in production (CSP connect-src 'self').
const backend = process.env.AUTHORWORKS_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': backend,
      '/health': backend,
    },
  },
  build: {
    outDir: 'dist',
    // the CSP forbids inline scripts: keep every script an external file
    modulePreload: { polyfill: false },
    // the editor's lazily loaded chunk (Plate) is about 520 kB, 155 kB gzipped; the rest stays small
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    // findBy* waits up to 5 s (src/test/setup.ts); a test needs room for a few of those
    testTimeout: 60000,
  },
});
