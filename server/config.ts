import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_COLLAB_LIMITS, type CollabLimits } from './collab/user-limits';

/**
 * The checkout's root (checklists/, data/, dist/client). Found by walking up to package.json because this
 * module runs from two depths: as server/config.ts under tsx (tests, dev) and inside the compiled
 * dist/server/main.mjs (`npm start`).
 */
export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Tendik: no package.json above ${from}`);
  }
}

/** Everything an operator may tune, read once from the environment. Sizes are bytes. */
export interface Config {
  port: number;
  host: string;
  /** SQLite file; ':memory:' is refused in production because a restart would lose every review. */
  databasePath: string;
  /** Largest accepted upload of a draft law. */
  maxUploadBytes: number;
  /** Largest total inflated size of the parts of a DOCX we read (zip-bomb guard). */
  maxInflatedBytes: number;
  /** Largest accepted socket.io frame. */
  maxSocketFrameBytes: number;
  /** Rate limits and the socket cap per person (server/collab/user-limits.ts). */
  collabLimits: CollabLimits;
  /** Cookie `Secure` flag: on behind TLS. */
  secureCookies: boolean;
  sessionTtlMs: number;
  /** Seed demo accounts and a demo review on the first start of an empty database. */
  seedDemo: boolean;
  production: boolean;
}

const MB = 1024 * 1024;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    port: intFrom(env.PORT, 3000),
    host: env.HOST ?? '127.0.0.1',
    databasePath: env.TENDIK_DB ?? path.join(PROJECT_ROOT, 'data', 'tendik.sqlite'),
    maxUploadBytes: intFrom(env.TENDIK_MAX_UPLOAD_MB, 25) * MB,
    maxInflatedBytes: intFrom(env.TENDIK_MAX_INFLATED_MB, 100) * MB,
    maxSocketFrameBytes: intFrom(env.TENDIK_MAX_FRAME_KB, 2048) * 1024,
    collabLimits: { ...DEFAULT_COLLAB_LIMITS, socketsPerUser: intFrom(env.TENDIK_MAX_SOCKETS_PER_USER, DEFAULT_COLLAB_LIMITS.socketsPerUser) },
    secureCookies: env.TENDIK_SECURE_COOKIES === '1',
    sessionTtlMs: intFrom(env.TENDIK_SESSION_HOURS, 12) * 3600_000,
    seedDemo: env.TENDIK_SEED_DEMO !== '0',
    production,
  };
}

function intFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number.parseInt(value, 10);
  if (!Number.isFinite(parsed) || parsed < 0) throw new RangeError(`Expected a non-negative integer, got "${value}"`);
  return parsed;
}

/** A config for tests: everything default except what the test says. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), port: 0, databasePath: ':memory:', seedDemo: false, ...overrides };
}
