import fs from 'node:fs';
import type { BackupConfig } from '../config';
import type { Db } from '../storage/db';
import { backupDatabase, backupFileName, listBackups, rotateBackups } from './backup';
import type { Logger } from './logger';

/**
 * Scheduled backups from the server itself (TENDIK_BACKUP_DIR, TENDIK_BACKUP_HOURS, TENDIK_BACKUP_KEEP):
 * a copy every period into the folder, then all but the newest `keep` deleted. The first one is due a
 * period after the newest copy already in the folder — a server restarted often still makes its
 * backups, and one restarted twice in a minute does not make two.
 */
export interface BackupSchedule {
  /** Takes a backup now (the schedule's own, also used by tests); resolves with its file. */
  runNow(): Promise<string>;
  stop(): Promise<void>;
}

/** Pages per step while the server runs: ~4 MB, a few ms, so requests are served between steps. */
const SERVER_PAGES_PER_STEP = 1000;

export function startBackupSchedule(db: Db, config: BackupConfig, log: Logger, now: () => number = Date.now): BackupSchedule {
  const blog = log.child({ part: 'backup' });
  fs.mkdirSync(config.dir, { recursive: true });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<string> | null = null;
  let stopped = false;

  const runNow = (): Promise<string> => {
    // One at a time: a slow disk never piles copies up.
    running ??= (async () => {
      try {
        const result = await backupDatabase(db, backupFileName(config.dir, new Date(now())), { pagesPerStep: SERVER_PAGES_PER_STEP });
        const deleted = rotateBackups(config.dir, config.keep);
        blog.info('backup written', { file: result.file, bytes: result.bytes, ms: result.ms, deleted: deleted.length });
        return result.file;
      } catch (err) {
        blog.error('backup failed', { dir: config.dir, err });
        throw err;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      runNow().then(
        () => schedule(config.intervalMs),
        // A failure is logged; the next attempt is a period later (or sooner, if the disk frees up: the admin restarts).
        () => schedule(config.intervalMs),
      );
    }, Math.max(0, delay));
    timer.unref();
  };

  const newest = listBackups(config.dir)[0];
  const lastAt = newest ? fs.statSync(newest).mtimeMs : 0;
  schedule(lastAt + config.intervalMs - now());
  blog.info('scheduled backups', { dir: config.dir, hours: config.intervalMs / 3600_000, keep: config.keep });

  return {
    runNow,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      // The database closes after this: let a copy under way finish first.
      await running?.catch(() => undefined);
    },
  };
}
