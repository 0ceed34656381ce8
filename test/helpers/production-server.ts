import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config';

/**
 * The server as `npm start` runs it: the compiled bundle under plain Node, in a process of its own, so
 * what the kernel counts for that process is the server's memory and nobody else's.
 */
export interface ProductionServer {
  url: string;
  /** Everything it printed so far (stdout and stderr): the demo passwords, warnings. */
  output(): string;
  /** Resident memory now (VmRSS), MB. */
  rssMb(): number;
  /** Highest resident memory since start or since the last resetPeak() (VmHWM), MB. */
  peakRssMb(): number;
  /** Starts a new peak window (Linux: writing 5 to clear_refs resets VmHWM to the current RSS). */
  resetPeak(): void;
  /** CPU time the server process has used so far, ms. */
  cpuMs(): number;
  /** SIGTERM, and the exit code it ended with. */
  stop(): Promise<number | null>;
}

export interface ProductionServerOptions {
  /**
   * Where to build the bundle (default dist/server/main.mjs, what `npm start` runs). It must lie inside
   * the checkout, so its npm packages resolve from node_modules above it.
   */
  bundle?: string;
  seedDemo?: boolean;
}

export async function startProductionServer(databasePath: string, options: ProductionServerOptions = {}): Promise<ProductionServer> {
  const bundle = options.bundle ?? path.join(PROJECT_ROOT, 'dist', 'server', 'main.mjs');
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'build-server.mjs'), bundle], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  const child = spawn(process.execPath, [bundle], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, TENDIK_DB: databasePath, PORT: '0', HOST: '127.0.0.1', TENDIK_SEED_DEMO: options.seedDemo ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    void exited.then((code) => reject(new Error(`the server exited with ${code} before listening:\n${output}`)));
  });
  const status = (field: string) => {
    const line = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    return Math.round(Number(line?.split(/\s+/)[1] ?? 0) / 1024);
  };
  return {
    url,
    output: () => output,
    rssMb: () => status('VmRSS'),
    peakRssMb: () => status('VmHWM'),
    resetPeak: () => fs.writeFileSync(`/proc/${child.pid}/clear_refs`, '5'),
    cpuMs: () => {
      // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux).
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
