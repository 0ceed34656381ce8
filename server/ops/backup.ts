import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../storage/db';

/**
 * Online backups with SQLite's backup API (better-sqlite3's db.backup): the copy is a consistent
 * database as of one moment, taken while the server goes on reading and writing. It is written beside
 * its destination as `<file>.partial`, checked, then renamed into place, so a file with the final name
 * is always a whole, checked database — never half a copy after a crash or a full disk.
 */
export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  pages: number;
}

export interface BackupOptions {
  /**
   * Pages copied per step. The server copies a few MB per step and lets requests run between steps
   * (SQLite carries the server's own writes into the copy as they happen). A separate process (the
   * CLI) copies everything in one step: a write by another connection between steps restarts the copy.
   */
  pagesPerStep?: number;
}

export async function backupDatabase(db: Db, file: string, options: BackupOptions = {}): Promise<BackupResult> {
  if (db.memory) throw new Error('an in-memory database has nothing to back up');
  const target = path.resolve(file);
  if (target === path.resolve(db.name)) throw new Error(`the backup would overwrite the database itself (${target})`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const started = performance.now();
  const pagesPerStep = options.pagesPerStep ?? 0x7fffffff;
  try {
    const result = await db.backup(partial, { progress: () => pagesPerStep });
    checkCopy(partial);
    fs.renameSync(partial, target);
    return { file: target, bytes: fs.statSync(target).size, ms: Math.round(performance.now() - started), pages: result.totalPages };
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

/** Opens the copy on its own and asks SQLite whether it is whole; a copy that is not is never kept. */
export function checkCopy(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    // A copy is a database of its own: one file, no WAL of the server's beside it.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy ${file} failed SQLite's check: ${String(check)}`);
    const migrations = copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() as { n: number };
    if (migrations.n !== 1) throw new Error(`the copy ${file} is not a Tendik database`);
  } finally {
    copy.close();
  }
}

/** Backups the server made in a folder, newest first (their names sort by time). */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, order: backupOrder(name) }))
    .filter((entry): entry is { name: string; order: [string, number] } => entry.order !== null)
    .sort((a, b) => (a.order[0] === b.order[0] ? b.order[1] - a.order[1] : a.order[0] < b.order[0] ? 1 : -1))
    .map((entry) => path.join(dir, entry.name));
}

const BACKUP_NAME = /^tendik-(\d{8}-\d{6})(?:-(\d+))?\.sqlite$/;

/**
 * A backup's place in time: its second, then its number within that second (the first has none, then
 * -2, -3, …). Sorting the names as text would put «…-030000.sqlite» after «…-030000-2.sqlite» ('.' > '-')
 * and «-10» before «-2», and rotation would delete the newest copies of a busy second.
 */
function backupOrder(name: string): [string, number] | null {
  const match = BACKUP_NAME.exec(name);
  return match ? [match[1]!, match[2] ? Number(match[2]) : 1] : null;
}

/** `tendik-20261207-013000.sqlite` (UTC), with a suffix if one of that second exists already. */
export function backupFileName(dir: string, now: Date): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  // Numbered after the newest copy of that second, never into a gap rotation left: a reused name
  // would count as the oldest of the second and be rotated away as soon as it was written.
  const taken = fs.existsSync(dir)
    ? fs.readdirSync(dir).map(backupOrder).filter((order): order is [string, number] => order !== null && order[0] === stamp)
    : [];
  const n = taken.reduce((max, [, number]) => Math.max(max, number), 0) + 1;
  return path.join(dir, n === 1 ? `tendik-${stamp}.sqlite` : `tendik-${stamp}-${n}.sqlite`);
}

/** Deletes all but the newest `keep` backups of the folder; returns the deleted files. */
export function rotateBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const file of old) fs.rmSync(file, { force: true });
  return old;
}
