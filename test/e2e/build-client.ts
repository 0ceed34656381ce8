import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config';

const INDEX = path.join(PROJECT_ROOT, 'dist', 'client', 'index.html');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

/**
 * Builds the browser app with Vite (as `npm run build` does) unless dist/client is newer than every
 * source it is built from, so a clean clone's `npm test` tests the client it just built.
 */
export function ensureClientBuilt(): void {
  const sources = Math.max(newest(path.join(PROJECT_ROOT, 'client')), newest(path.join(PROJECT_ROOT, 'shared')), fs.statSync(path.join(PROJECT_ROOT, 'vite.config.ts')).mtimeMs);
  if (fs.existsSync(INDEX) && fs.statSync(INDEX).mtimeMs > sources) return;
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}
