import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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
  plugins: [
    // The service worker that lets a review reopen without a network (issue 12): Workbox precaches the
    // built app and keeps the last answers of the few API reads a review needs to open. The experts'
    // work itself lives in IndexedDB (client/collab/local-copy.ts); sign-out clears both.
    VitePWA({
      strategies: 'generateSW',
      injectRegister: false,
      manifest: false,
      registerType: 'autoUpdate',
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/socket\.io\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            // Network first: offline only, the last answer is used. Only what opening a review reads (its
            // versions and, on a later one, where earlier annotations sit in it: issue 16).
            urlPattern: ({ url, request }) =>
              request.method === 'GET' &&
              /^\/api\/(auth\/me|checklists\/current|reviews|reviews\/[0-9a-f-]{36}|reviews\/[0-9a-f-]{36}\/(members|versions|versions\/\d+\/placements))$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'tendik-api', networkTimeoutSeconds: 10, expiration: { maxEntries: 200 } },
          },
        ],
      },
    }),
  ],
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true, changeOrigin: false },
    },
  },
});
