import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const fromRoot = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Brotli and gzip copies of the built text assets, beside them: the server sends the one the
 * browser accepts (@fastify/static `preCompressed`), so Bootstrap Italia's 570 KB of CSS travels
 * as about 75 KB, without compressing on every request.
 */
function precompress(outDir: string): Plugin {
  return {
    name: 'metroplan-precompress',
    apply: 'build',
    closeBundle() {
      const assets = path.join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const file = path.join(assets, name);
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The web client. The Fastify server serves `dist/web` in production; in development Vite serves
 * `src/web` and forwards the JSON API to the server on port 3000.
 */
export default defineConfig({
  root: fromRoot('./src/web'),
  base: '/',
  publicDir: false,
  plugins: [react(), precompress(fromRoot('./dist/web'))],
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
