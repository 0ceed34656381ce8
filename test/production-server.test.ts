import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../server/config';
import { startProductionServer, type ProductionServer } from './helpers/production-server';

/**
 * `npm start` serves the compiled dist/server/main.mjs with plain Node, not the TypeScript sources:
 * this runs that file on a fresh database the way the README's first command does, and signs in with a
 * demo password it printed.
 */
describe('the compiled server (npm start)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-start-'));
  // A bundle of its own (another test may be rebuilding dist/ at the same moment), inside the checkout.
  const bundleDir = path.join(PROJECT_ROOT, 'dist', `server-test-${process.pid}`);
  let server: ProductionServer;
  let output = '';
  let url = '';

  beforeAll(async () => {
    server = await startProductionServer(path.join(dir, 'tendik.sqlite'), { bundle: path.join(bundleDir, 'main.mjs'), seedDemo: true });
    url = server.url;
    output = server.output();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(bundleDir, { recursive: true, force: true });
  });

  it('creates the database in the given place, seeds the demo accounts and review, and lets the secretary in', async () => {
    expect(fs.existsSync(path.join(dir, 'tendik.sqlite'))).toBe(true);
    const secretary = /secretary\s+(\S+@\S+)\s+(\S+)/.exec(output);
    expect(secretary, output).not.toBeNull();
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: secretary![1], password: secretary![2] }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const reviews = (await (await fetch(`${url}/api/reviews`, { headers: { cookie } })).json()) as { reviews: Array<{ title: string }> };
    expect(reviews.reviews.map((r) => r.title)).toEqual([expect.stringMatching(/поддержке семей/)]);
  });

  it('finds the checklists and the morphology from the compiled file: the demo draft gets candidate findings', async () => {
    const secretary = /secretary\s+(\S+@\S+)\s+(\S+)/.exec(output)!;
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: secretary[1], password: secretary[2] }),
    });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { reviews } = (await (await fetch(`${url}/api/reviews`, { headers: { cookie } })).json()) as { reviews: Array<{ id: string }> };
    const model = (await (await fetch(`${url}/api/reviews/${reviews[0]!.id}/model`, { headers: { cookie } })).json()) as {
      findings: Array<{ origin: string; criterionId: string }>;
    };
    const engine = model.findings.filter((f) => f.origin === 'engine');
    expect(engine.length).toBeGreaterThan(0);
    expect(engine.every((f) => /^C\d+$/.test(f.criterionId))).toBe(true);
  }, 30_000);

  it('stops cleanly on SIGTERM', async () => {
    expect(await server.stop()).toBe(0);
  });
});
