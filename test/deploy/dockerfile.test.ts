import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config';

/**
 * The container image (Dockerfile, docs/deploy.md "With Docker"). If a container engine answers, the
 * image is built and run and its health check must pass. Without one the Dockerfile is still checked:
 * its instructions (official Node 20 image, non-root user, the database on a volume, a health check on
 * /api/health, the port), every file it copies, and — run here as the image would run them — its
 * command with its environment, and its health check against that server.
 */

interface Instruction {
  op: string;
  args: string;
  stage: number;
}

function parseDockerfile(text: string): Instruction[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const out: Instruction[] = [];
  let stage = -1;
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === 'FROM') stage++;
    out.push({ op: op.toUpperCase(), args: args.replace(/\s+/g, ' ').trim(), stage });
  }
  return out;
}

const dockerfile = parseDockerfile(fs.readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8'));
const lastStage = Math.max(...dockerfile.map((i) => i.stage));
const final = dockerfile.filter((i) => i.stage === lastStage);
const env: Record<string, string> = {};
for (const i of final.filter((x) => x.op === 'ENV'))
  for (const [, k, v] of i.args.matchAll(/(\w+)=(\S+)/g)) env[k!] = v!;
const execForm = (args: string) => JSON.parse(args.replace(/^--\S+\s+/g, '')) as string[];
const healthcheck = final.find((i) => i.op === 'HEALTHCHECK')!;
const healthCommand = execForm(healthcheck.args.replace(/^(--\S+\s+)*CMD\s+/, ''));
const command = execForm(final.find((i) => i.op === 'CMD')!.args);

const engine = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 20_000 });
const engineWorks = engine.status === 0;
const whyNot = engineWorks ? '' : (engine.stderr || engine.error?.message || 'docker info failed').trim().split('\n').pop();

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-docker-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('the Dockerfile', () => {
  it('builds from the official Node 20 image and runs as a non-root user with the database on a volume and a health check', () => {
    for (const from of dockerfile.filter((i) => i.op === 'FROM')) expect(from.args).toMatch(/^node:20(\.\d+)*(-[a-z]+)*(@sha256:[0-9a-f]+)?( AS \w+)?$/i);
    const user = final.filter((i) => i.op === 'USER').at(-1);
    expect(user?.args).toBeDefined();
    expect(user!.args).not.toMatch(/^(root|0)(:|$)/);
    // The user is switched before the command runs, and the data folder is the only thing chowned to it.
    expect(final.indexOf(user!)).toBeLessThan(final.findIndex((i) => i.op === 'CMD'));
    expect(final.find((i) => i.op === 'RUN' && i.args.includes('chown'))?.args).toContain(`chown node:node ${path.posix.dirname(env.TENDIK_DB!)}`);
    expect(env.NODE_ENV).toBe('production');
    expect(env.TENDIK_SEED_DEMO).toBe('0');
    const volumes = execForm(final.find((i) => i.op === 'VOLUME')!.args);
    expect(volumes).toContain(path.posix.dirname(env.TENDIK_DB!));
    expect(env.TENDIK_BACKUP_DIR!.startsWith(`${path.posix.dirname(env.TENDIK_DB!)}/`)).toBe(true);
    expect(final.find((i) => i.op === 'EXPOSE')?.args).toBe(env.PORT);
    expect(healthcheck.args).toMatch(/--interval=\d+s/);
    expect(healthCommand.join(' ')).toContain('/api/health');
    expect(command).toEqual(['node', '--enable-source-maps', 'dist/server/main.mjs']);
  });

  it('copies only files that exist (or that its build makes), and .dockerignore keeps local data and node_modules out', () => {
    const ignore = fs.readFileSync(path.join(PROJECT_ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(ignore).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git', 'data/*.sqlite*']));
    const built = new Set(['dist', 'node_modules']);
    for (const copy of dockerfile.filter((i) => i.op === 'COPY')) {
      const parts = copy.args.split(' ').filter((p) => !p.startsWith('--'));
      for (const source of parts.slice(0, -1)) {
        const rel = source.replace(/^\/app\/?/, '') || '.';
        if (built.has(rel.split('/')[0]!)) continue;
        expect(fs.existsSync(path.join(PROJECT_ROOT, rel)), `COPY ${source}`).toBe(true);
        // Nothing copied is excluded by .dockerignore.
        expect(ignore.includes(rel.split('/')[0]!), `${rel} is copied but ignored`).toBe(false);
      }
    }
    const scripts = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const run of dockerfile.filter((i) => i.op === 'RUN'))
      for (const [, name] of run.args.matchAll(/npm run (\S+)/g)) expect(scripts[name!], `npm run ${name}`).toBeDefined();
  });

  it("runs its command with the image's environment (the volume a folder here), and its health check passes, then fails once the server stops", async () => {
    const bundle = path.join(PROJECT_ROOT, 'dist', 'test-docker', 'server', 'main.mjs');
    execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'build-server.mjs'), bundle], { cwd: PROJECT_ROOT });
    const data = path.join(temp, 'data');
    fs.mkdirSync(data);
    const childEnv = { ...process.env, ...env, TENDIK_DB: path.join(data, 'tendik.sqlite'), TENDIK_BACKUP_DIR: path.join(data, 'backups'), PORT: '0', HOST: '127.0.0.1' };
    const [node, ...args] = command;
    expect(node).toBe('node');
    const child = spawn(process.execPath, args.map((a) => (a === 'dist/server/main.mjs' ? bundle : a)), { cwd: PROJECT_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await expect.poll(() => /listening on http:\/\/[^\s"]+:(\d+)/.exec(output)?.[1], { timeout: 10_000 }).toBeDefined();
    const port = /listening on http:\/\/[^\s"]+:(\d+)/.exec(output)![1]!;
    // NODE_ENV=production: the log is JSON lines.
    const first = output.split('\n').find((l) => l.includes('listening'))!;
    expect((JSON.parse(first) as { level: string }).level).toBe('info');
    expect(fs.existsSync(path.join(data, 'tendik.sqlite'))).toBe(true);

    const [hnode, ...hargs] = healthCommand;
    expect(hnode).toBe('node');
    const healthy = spawnSync(process.execPath, hargs, { env: { ...childEnv, PORT: port }, timeout: 20_000 });
    expect(healthy.status).toBe(0);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopping"');
    const unhealthy = spawnSync(process.execPath, hargs, { env: { ...childEnv, PORT: port }, timeout: 20_000 });
    expect(unhealthy.status).toBe(1);
    fs.rmSync(path.dirname(path.dirname(bundle)), { recursive: true, force: true });
  }, 60_000);

  it.skipIf(!engineWorks)('is built and run by the container engine, and reports healthy', () => {
    const tag = `tendik-test:${process.pid}`;
    execFileSync('docker', ['build', '-t', tag, PROJECT_ROOT], { stdio: 'inherit', timeout: 900_000 });
    const id = execFileSync('docker', ['run', '-d', '--rm', '-v', `${temp}:/data`, tag], { encoding: 'utf8' }).trim();
    try {
      const deadline = Date.now() + 120_000;
      let status = '';
      while (Date.now() < deadline && status !== 'healthy') {
        status = execFileSync('docker', ['inspect', '--format', '{{.State.Health.Status}}', id], { encoding: 'utf8' }).trim();
        spawnSync('sleep', ['2']);
      }
      expect(status).toBe('healthy');
      expect(execFileSync('docker', ['exec', id, 'id', '-u'], { encoding: 'utf8' }).trim()).not.toBe('0');
    } finally {
      spawnSync('docker', ['rm', '-f', id]);
      spawnSync('docker', ['rmi', tag]);
    }
  }, 1_000_000);

  if (!engineWorks) it('says why the image was not built', () => console.log(`SKIPPED: building the image — no working container engine (${whyNot})`));
});
