// Compiles the server (server/main.ts and what it imports from server/ and shared/) into one ES module,
// dist/server/main.mjs, that plain Node runs. npm packages stay imports resolved from node_modules
// (better-sqlite3 is native; the others load as published). Running the compiled file instead of the
// sources through tsx keeps the TypeScript loader out of the serving process: ~55 MB less resident
// memory for an idle server, which is what keeps an export of a large review under its 200 MB budget.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/main.ts'],
  // Another place may be given (tests build their own copy while dist/ may be rebuilt beside them).
  outfile: process.argv[2] ?? 'dist/server/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
