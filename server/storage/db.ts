import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

/**
 * Opens (and creates) the SQLite file in WAL mode and brings its schema up to date.
 * WAL + synchronous=NORMAL: an append costs ~17 µs and a committed write survives a process kill.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // Before anything is written (even the journal mode): a newer database is left exactly as it was.
    assertNotNewer(db);
  } catch (err) {
    db.close();
    throw err;
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * The database was written by a newer Tendik: it carries migrations this code does not know, so this
 * code cannot tell what its tables mean. Nothing is changed; the message says what to do.
 */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
  constructor(
    readonly file: string,
    readonly unknown: string[],
  ) {
    super(
      `the database ${file} was written by a newer version of Tendik: it has ${unknown.length === 1 ? 'the migration' : 'migrations'} ` +
        `${unknown.join(', ')}, which this version (latest ${MIGRATIONS.at(-1)!.id}) does not know. Nothing was changed. ` +
        'Run the newer version again, or restore a backup taken before the upgrade (docs/deploy.md, "Upgrades").',
    );
  }
}

/**
 * Brings the schema forward: every migration of the list not yet applied, in order, each in its own
 * transaction with its record. A database with a migration the list lacks is refused before anything
 * is applied (SchemaTooNewError). `migrations` is the code's list; tests pass an older prefix of it to
 * make a database as a previous release left it.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  assertNotNewer(db, migrations);
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = new Set(appliedMigrations(db));
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.run?.(db);
      record.run(migration.id, Date.now());
    })();
  }
}

/** The ids of the migrations a database has had, in no particular order; none for a new file. */
export function appliedMigrations(db: Db): string[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return [];
  return (db.prepare('SELECT id FROM schema_migrations').all() as { id: string }[]).map((row) => row.id);
}

/** Refuses a database that has a migration the code's list lacks (SchemaTooNewError), reading only. */
export function assertNotNewer(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const known = new Set(migrations.map((m) => m.id));
  const unknown = appliedMigrations(db).filter((id) => !known.has(id)).sort();
  if (unknown.length > 0) throw new SchemaTooNewError(db.name, unknown);
}
