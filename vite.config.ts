import { defineConfig } from 'vite';

/**
 * The browser app: sources in client/, built to dist/client, which server/http/static.ts serves.
 * In dev (`npm run dev`) Vite serves the client with reload and forwards the API and the collaboration
 * socket to the Tendik server on TENDIK_DEV_API (default http://127.0.0.1:3000).
 */
const api = process.env.TENDIK_DEV_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'client',
  publicDir: false,
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The CSP forbids inline styles and scripts: keep every asset a file.
    assetsInlineLimit: 0,
    // Libraries (ProseMirror, Yjs, socket.io) in their own chunk: a release that changes only Tendik's
    // code leaves that larger file in the browser's cache (assets are cached as immutable).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } } },
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true, changeOrigin: false },
    },
  },
});
