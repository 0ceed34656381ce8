import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/config';

/**
 * The server as `npm start` runs it: the compiled dist/server/main.mjs under plain Node, in a process of
 * its own, so what the kernel counts for that process is the server's memory and nobody else's.
 */
export interface ProductionServer {
  url: string;
  /** Resident memory now (VmRSS), MB. */
  rssMb(): number;
  /** Highest resident memory since start or since the last resetPeak() (VmHWM), MB. */
  peakRssMb(): number;
  /** Starts a new peak window (Linux: writing 5 to clear_refs resets VmHWM to the current RSS). */
  resetPeak(): void;
  /** CPU time the server process has used so far, ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export async function startProductionServer(databasePath: string): Promise<ProductionServer> {
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'build-server.mjs')], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'server', 'main.mjs')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, TENDIK_DB: databasePath, PORT: '0', HOST: '127.0.0.1', TENDIK_SEED_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await listeningUrl(child);
  const status = (field: string) => {
    const line = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    return Math.round(Number(line?.split(/\s+/)[1] ?? 0) / 1024);
  };
  return {
    url,
    rssMb: () => status('VmRSS'),
    peakRssMb: () => status('VmHWM'),
    resetPeak: () => fs.writeFileSync(`/proc/${child.pid}/clear_refs`, '5'),
    cpuMs: () => {
      // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux).
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening:\n${out}`)));
  });
}
