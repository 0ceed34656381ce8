import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes, routeKey, type RouteInfo } from './routes-of-app';
import { buildWorld, type World } from './world';
import { stateFingerprint } from './state';

/** Routes that start a session: no token exists yet, they are guarded by JSON + Origin instead. */
const SESSION_STARTING = new Set([
  'POST /api/auth/login',
  'POST /api/auth/accept-invite',
  'POST /api/auth/invitation',
  'POST /api/auth/password-reset/request',
  'POST /api/auth/password-reset',
]);

let world: World;
let changing: RouteInfo[];
beforeAll(async () => {
  world = await buildWorld();
  changing = listRoutes(world.server.tendik.app).filter((route) => !['GET', 'HEAD', 'OPTIONS'].includes(route.method));
});
afterAll(() => world.server.close());

function pathOf(route: RouteInfo): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? world.working.id : world.people.member.user.id));
}

describe('CSRF: every state-changing request with a session carries that session’s token', () => {
  it('covers a real set of routes', () => {
    expect(changing.length).toBeGreaterThan(8);
  });

  it('refuses a missing, wrong or borrowed token on every state-changing route, and nothing changes', async () => {
    const secretary = world.people.secretary.auth;
    const admin = world.people.admin.auth;
    const before = stateFingerprint(world.server.tendik.ctx.db);
    const failures: string[] = [];
    for (const route of changing) {
      if (SESSION_STARTING.has(routeKey(route))) continue;
      for (const [auth, other] of [
        [secretary, admin],
        [admin, secretary],
      ] as const) {
        for (const [label, token] of [
          ['no token', undefined],
          ['wrong token', 'x'.repeat(auth.csrfToken.length)],
          ['another session’s token', other.csrfToken],
        ] as const) {
          const headers: Record<string, string> = { cookie: auth.cookie, 'content-type': 'application/json' };
          if (token !== undefined) headers['x-csrf-token'] = token;
          const res = await fetch(`${world.server.url}${pathOf(route)}`, {
            method: route.method,
            headers,
            body: JSON.stringify({ userId: world.spareExpert.id, status: 'archived', name: 'changed', email: 'x@y.z', role: 'expert' }),
          });
          const body = (await res.json()) as { error?: { code: string } };
          if (res.status !== 403 || body.error?.code !== 'CSRF_FAILED')
            failures.push(`${routeKey(route)} (${label}): ${res.status} ${JSON.stringify(body).slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(stateFingerprint(world.server.tendik.ctx.db)).toEqual(before);
  });

  it('refuses a cross-site request on the session-starting routes (Origin / Sec-Fetch-Site)', async () => {
    for (const key of SESSION_STARTING) {
      const path = key.split(' ')[1]!;
      for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }] as Array<Record<string, string>>) {
        const res = await fetch(`${world.server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ email: world.people.secretary.user.email, password: world.people.secretary.password }),
        });
        expect(res.status, `${key} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
  });

  it('accepts the right token (the guard is not simply closed)', async () => {
    const res = await fetch(`${world.server.url}/api/reviews/${world.working.id}/status`, {
      method: 'POST',
      headers: {
        cookie: world.people.secretary.auth.cookie,
        'x-csrf-token': world.people.secretary.auth.csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ status: 'in_review' }),
    });
    expect(res.status).toBe(200);
  });
});
