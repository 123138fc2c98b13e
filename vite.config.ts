import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The web client. The Fastify server serves `dist/web` in production; in development Vite serves
 * `src/web` and forwards the JSON API to the server on port 3000.
 */
export default defineConfig({
  root: fromRoot('./src/web'),
  base: '/',
  publicDir: false,
  plugins: [react()],
  resolve: {
    alias: {
      // Bootstrap Italia's CSS carries no @font-face: ui/fonts.css declares Titillium Web and
      // Roboto Mono from the package's own files, so the build serves them locally.
      '@bootstrap-italia-fonts': fromRoot('./node_modules/bootstrap-italia/dist/fonts'),
    },
  },
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    // Bootstrap Italia's stylesheet alone is ~600 KB unminified-equivalent; JS is what we watch.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
