import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config';

const INDEX = path.join(PROJECT_ROOT, 'dist', 'client', 'index.html');
/** mkdir is atomic: the one process that creates it builds, the others wait for it to go. */
const LOCK = path.join(PROJECT_ROOT, 'dist', '.client-build.lock');
const STALE_LOCK_MS = 180_000;

function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

function upToDate(): boolean {
  const sources = Math.max(newest(path.join(PROJECT_ROOT, 'client')), newest(path.join(PROJECT_ROOT, 'shared')), fs.statSync(path.join(PROJECT_ROOT, 'vite.config.ts')).mtimeMs);
  return fs.existsSync(INDEX) && fs.statSync(INDEX).mtimeMs > sources;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function tryLock(): boolean {
  try {
    fs.mkdirSync(LOCK, { recursive: false });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A build that crashed leaves its lock behind: take over after a generous while.
    if (Date.now() - fs.statSync(LOCK).mtimeMs > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/**
 * Builds the browser app with Vite (as `npm run build` does) unless dist/client is newer than every
 * source it is built from, so a clean clone's `npm test` tests the client it just built. Test files run
 * in parallel workers: one builds under a lock while the others wait, since Vite empties dist/client
 * first and a concurrent build would pull the files from under a running test.
 */
export function ensureClientBuilt(): void {
  if (upToDate()) return;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  while (!tryLock()) {
    sleep(200);
    if (upToDate() && !fs.existsSync(LOCK)) return;
  }
  try {
    if (upToDate()) return;
    execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
