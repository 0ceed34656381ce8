import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { backupFileName, listBackups, rotateBackups } from '../../server/ops/backup';

/**
 * Several copies in one second (the schedule and `runNow`, or a short period): the newest is the last
 * numbered, and rotation keeps it. Before, the names were sorted as text, the unnumbered first copy
 * counted as the newest and the copy just written could be deleted by its own rotation.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

it('orders the copies of one second by their number, and rotation keeps the newest', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-backup-order-'));
  dirs.push(dir);
  const second = new Date('2026-12-07T03:00:00.250Z');
  const written: string[] = [];
  for (let i = 0; i < 11; i++) {
    const file = backupFileName(dir, second);
    fs.writeFileSync(file, String(i));
    written.push(file);
  }
  const earlier = backupFileName(dir, new Date('2026-12-07T02:59:59Z'));
  fs.writeFileSync(earlier, 'earlier');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');

  expect(path.basename(written[0]!)).toBe('tendik-20261207-030000.sqlite');
  expect(path.basename(written[10]!)).toBe('tendik-20261207-030000-11.sqlite');
  expect(listBackups(dir)).toEqual([...written].reverse().concat(earlier));

  const deleted = rotateBackups(dir, 2);
  expect(listBackups(dir)).toEqual([written[10], written[9]]);
  expect(deleted.sort()).toEqual([...written.slice(0, 9), earlier].sort());

  // The next copy of that second comes after the newest, not into the gap rotation left.
  const next = backupFileName(dir, second);
  expect(path.basename(next)).toBe('tendik-20261207-030000-12.sqlite');
  fs.writeFileSync(next, 'next');
  rotateBackups(dir, 2);
  expect(listBackups(dir)).toEqual([next, written[10]]);
});
