import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, loadConfig } from '../config';
import { backupDatabase, backupFileName } from '../ops/backup';

/**
 * `npm run backup -- FILE`: a consistent copy of the running server's database (TENDIK_DB), taken
 * online with SQLite's backup API while the server keeps working. FILE may be a folder: the copy is
 * then named by the time (tendik-YYYYMMDD-HHMMSS.sqlite). Restoring is in docs/deploy.md.
 * The database is opened as it is — never migrated or changed by this command.
 */
const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length !== 1 || args[0]!.startsWith('-')) {
  console.error('usage: npm run backup -- FILE_OR_FOLDER   (the database is TENDIK_DB, as for the server)');
  process.exit(2);
}
let databasePath: string;
try {
  databasePath = loadConfig().databasePath;
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`Tendik backup: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
if (!fs.existsSync(databasePath)) {
  console.error(`Tendik backup: there is no database at ${databasePath} (set TENDIK_DB to the server's database file).`);
  process.exit(1);
}
const requested = path.resolve(args[0]!);
const target = fs.existsSync(requested) && fs.statSync(requested).isDirectory() ? backupFileName(requested, new Date()) : requested;

const db = new Database(databasePath, { fileMustExist: true });
// The server may be writing: wait for its short write locks rather than fail.
db.pragma('busy_timeout = 10000');
try {
  const result = await backupDatabase(db, target);
  console.log(`Backup written: ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.ms} ms)`);
} catch (err) {
  console.error(`Tendik backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  db.close();
}
