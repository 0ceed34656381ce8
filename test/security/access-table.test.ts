import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/app';
import { EXPECTATIONS, type Expectation } from './access-expectations';
import { listRoutes, routeKey, type RouteInfo } from './routes-of-app';
import { ACTORS, buildWorld, type Actor, type World } from './world';

/**
 * Every HTTP route the app answers, as every role and as nobody: only what the role allows gets past
 * the access decision. The route list comes from Express itself, so a new route without an entry in
 * access-expectations.ts fails here.
 */
let world: World;
let routes: RouteInfo[];

beforeAll(async () => {
  world = await buildWorld();
  routes = listRoutes(world.server.tendik.app);
});
afterAll(() => world.server.close());

const DENIED = new Set([401, 403, 404]);

function isReviewScoped(expectation: Expectation): expectation is Expectation & {
  allow: { working: readonly Actor[]; issued: readonly Actor[] };
} {
  return !Array.isArray(expectation.allow);
}

async function call(route: RouteInfo, expectation: Expectation, actor: Actor, reviewId?: string) {
  const params: Record<string, string> = { ...(await expectation.params?.(world)), ...(reviewId ? { id: reviewId } : {}) };
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${routeKey(route)}: no value for :${name} in the expectations`);
    return encodeURIComponent(value);
  });
  const query = expectation.query ? `?${new URLSearchParams(expectation.query).toString()}` : '';
  const auth = expectation.freshSession ? await world.freshAuth(actor) : world.auth(actor);
  const body = expectation.body?.(world);
  const method = route.method === 'ALL' ? 'POST' : route.method;
  const res = await api(world.server, auth, path + query, {
    method,
    ...(body === undefined || method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, text };
}

describe('access table: every route × every role', () => {
  it('has an expectation for every route the app answers (and no stale ones)', () => {
    const found = routes.map(routeKey).sort();
    expect(found.length).toBeGreaterThan(10);
    const missing = found.filter((key) => !(key in EXPECTATIONS));
    expect(missing, 'routes without an access expectation: add them to access-expectations.ts').toEqual([]);
    const stale = Object.keys(EXPECTATIONS).filter((key) => !found.includes(key));
    expect(stale, 'expectations for routes that no longer exist').toEqual([]);
  });

  it('lets in exactly the allowed roles, refuses the rest (401 anonymous, 403/404 signed in), never fails with 5xx', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const expectation = EXPECTATIONS[routeKey(route)];
      if (!expectation) continue;
      const cases: Array<{ reviewId?: string; allowed: readonly Actor[]; label: string }> = isReviewScoped(expectation)
        ? [
            { reviewId: world.working.id, allowed: expectation.allow.working, label: 'working review' },
            { reviewId: world.issued.id, allowed: expectation.allow.issued, label: 'issued review' },
          ]
        : [{ allowed: expectation.allow as readonly Actor[], label: '' }];
      for (const { reviewId, allowed, label } of cases) {
        // Refused actors first: an allowed call may change the world, a refused one must not.
        const order = [...ACTORS].sort((a, b) => Number(allowed.includes(a)) - Number(allowed.includes(b)));
        for (const actor of order) {
          const { status, text } = await call(route, expectation, actor, reviewId);
          const where = `${routeKey(route)} ${label} as ${actor}: ${status} ${text.slice(0, 160)}`;
          // A 503 is only ever sent on purpose (a part not ready: the export without a collaboration
          // model, the client not built) and has passed the access decision; a crash is a 500.
          const deliberate503 = status === 503;
          if (status >= 500 && !deliberate503) failures.push(`5xx — ${where}`);
          else if (allowed.includes(actor)) {
            if (DENIED.has(status)) failures.push(`should be let in — ${where}`);
            await expectation.restore?.(world);
          } else if (actor === 'anonymous' ? status !== 401 : status !== 403 && status !== 404)
            failures.push(`should be refused — ${where}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
