import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIP } from 'node:net';
import { DEFAULT_COLLAB_LIMITS, type CollabLimits } from './collab/user-limits';
import { LOG_LEVELS, type LogLevel } from './ops/log-level';

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
  /**
   * Which peers may say who the client is (X-Forwarded-For, X-Forwarded-Proto): Express's `trust proxy`.
   * 'loopback' by default (a reverse proxy on the same machine); false trusts nobody.
   */
  trustProxy: TrustProxy;
  /** Least severe level written to the log; JSON lines when `production`, readable lines otherwise. */
  logLevel: LogLevel;
  /** The address people open Tendik at (https://tendik.example.kg): links in e-mails start with it. */
  publicUrl: string | null;
  /** Outgoing e-mail; null sends none (invitation links are then passed on by the admin, as before). */
  mail: MailConfig | null;
  /** Scheduled online backups into a folder, with rotation; null when TENDIK_BACKUP_DIR is unset. */
  backup: BackupConfig | null;
}

/** false, a hop count, or a list of addresses, CIDR ranges and Express's names (loopback, linklocal, uniquelocal). */
export type TrustProxy = false | number | string[];

export interface MailConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse to send unless the server upgrades the connection with STARTTLS. */
  requireTls: boolean;
  user: string | null;
  password: string | null;
  /** The From: of every message, e.g. `Tendik <tendik@example.kg>`. */
  from: string;
}

export interface BackupConfig {
  dir: string;
  intervalMs: number;
  /** Backups kept in the folder; older ones are deleted after each new one. */
  keep: number;
}

/** A setting the server cannot start with: the message names the variable and what it accepts. */
export class ConfigError extends Error {
  override name = 'ConfigError';
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
    trustProxy: trustProxyFrom(env.TENDIK_TRUST_PROXY),
    logLevel: logLevelFrom(env.TENDIK_LOG_LEVEL),
    publicUrl: publicUrlFrom(env.TENDIK_PUBLIC_URL),
    mail: mailFrom(env),
    backup: backupFrom(env),
  };
}

function trustProxyFrom(value: string | undefined): TrustProxy {
  const v = value?.trim();
  if (v === undefined || v === '') return ['loopback'];
  if (/^(0|false|off|no|none)$/i.test(v)) return false;
  if (/^\d+$/.test(v)) return Number.parseInt(v, 10);
  if (/^(true|on|yes|all|\*)$/i.test(v))
    throw new ConfigError(
      `TENDIK_TRUST_PROXY=${v} would let anyone who reaches the server directly choose the client address the rate limits count. ` +
        'Name the proxy instead: loopback (the default: a proxy on this machine), a comma-separated list of addresses or CIDR ranges (10.0.0.5, 172.16.0.0/12), uniquelocal, or a number of proxy hops.',
    );
  const entries = v.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) continue;
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!family || !bitsOk || extra !== undefined)
      throw new ConfigError(`TENDIK_TRUST_PROXY: "${entry}" is neither an address, a CIDR range, nor loopback / linklocal / uniquelocal.`);
  }
  return entries;
}

function logLevelFrom(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info';
  const level = value.trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new ConfigError(`TENDIK_LOG_LEVEL=${value}: expected one of ${LOG_LEVELS.join(', ')}.`);
  return level as LogLevel;
}

function publicUrlFrom(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError(`TENDIK_PUBLIC_URL=${value} is not a URL (expected e.g. https://tendik.example.kg).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`TENDIK_PUBLIC_URL=${value}: expected an http(s) address.`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function mailFrom(env: NodeJS.ProcessEnv): MailConfig | null {
  const host = env.TENDIK_SMTP_HOST?.trim();
  if (!host) return null;
  const from = env.TENDIK_MAIL_FROM?.trim();
  if (!from) throw new ConfigError('TENDIK_SMTP_HOST is set but TENDIK_MAIL_FROM is not: say whom the e-mails come from (Tendik <tendik@example.kg>).');
  if (!publicUrlFrom(env.TENDIK_PUBLIC_URL))
    throw new ConfigError('TENDIK_SMTP_HOST is set but TENDIK_PUBLIC_URL is not: e-mails carry links, which need the address people open Tendik at.');
  const secure = env.TENDIK_SMTP_SECURE === '1';
  let password = env.TENDIK_SMTP_PASSWORD ?? null;
  // A file (a Docker or systemd secret) keeps the password out of the environment listing.
  if (env.TENDIK_SMTP_PASSWORD_FILE) password = fs.readFileSync(env.TENDIK_SMTP_PASSWORD_FILE, 'utf8').replace(/\r?\n$/, '');
  return {
    host,
    port: intFrom(env.TENDIK_SMTP_PORT, secure ? 465 : 587),
    secure,
    requireTls: env.TENDIK_SMTP_REQUIRE_TLS === '1',
    user: env.TENDIK_SMTP_USER?.trim() || null,
    password,
    from,
  };
}

function backupFrom(env: NodeJS.ProcessEnv): BackupConfig | null {
  const dir = env.TENDIK_BACKUP_DIR?.trim();
  if (!dir) return null;
  const hours = Number(env.TENDIK_BACKUP_HOURS ?? '24');
  if (!Number.isFinite(hours) || hours <= 0) throw new ConfigError(`TENDIK_BACKUP_HOURS=${env.TENDIK_BACKUP_HOURS}: expected a positive number of hours.`);
  const keep = intFrom(env.TENDIK_BACKUP_KEEP, 14);
  if (keep < 1) throw new ConfigError('TENDIK_BACKUP_KEEP must keep at least 1 backup.');
  return { dir: path.resolve(dir), intervalMs: Math.round(hours * 3600_000), keep };
}

function intFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number.parseInt(value, 10);
  if (!Number.isFinite(parsed) || parsed < 0) throw new ConfigError(`Expected a non-negative integer, got "${value}"`);
  return parsed;
}

/** A config for tests: everything default except what the test says. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // Only errors are logged by default: a 5xx shows up in the test output as it always did.
  return { ...loadConfig({}), port: 0, databasePath: ':memory:', seedDemo: false, logLevel: 'error', ...overrides };
}
