import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SlidingWindowLimiter } from '../../server/auth/rate-limit';
import { configureSignInGuards } from '../../server/auth/sign-in';
import { loadReviewModel } from '../../server/collab/model';
import { PATH_PAYLOADS, SQL_PAYLOADS, XSS_PAYLOADS } from './payloads';
import { listRoutes, type RouteInfo } from './routes-of-app';
import { stateFingerprint } from './state';
import { ACTORS, buildWorld, type World } from './world';

/**
 * Property: whatever arrives over HTTP — any route, any role, any path parameter, query, body and
 * content type, with or without the CSRF token — the server answers (no 5xx, no crash), and a
 * refused request (any 4xx) changes nothing. Seeded, so a failure replays; bounded, for CI.
 */
let world: World;
let routes: RouteInfo[];
beforeAll(async () => {
  world = await buildWorld();
  // Fuzzed failed sign-ins from 127.0.0.1 must not slow the table's own sign-ins from there down.
  configureSignInGuards(world.server.tendik.ctx, {
    perAddress: new SlidingWindowLimiter(100_000, 60_000),
    passwordChange: new SlidingWindowLimiter(100_000, 60_000),
  });
  routes = listRoutes(world.server.tendik.app);
  // A review's first load seeds its TEXT doc from the import and runs the checklist engine into its
  // ENGINE doc: derived data any first reader triggers, not a change a request makes. Done here, so a
  // refused export (422, after the load) is judged on what it changed itself.
  for (const review of [world.working, world.issued]) await loadReviewModel(world.server.tendik.ctx, review.id);
});
afterAll(() => world.server.close());

const hostile = fc.constantFrom<string>(...SQL_PAYLOADS, ...XSS_PAYLOADS, ...PATH_PAYLOADS, '', ' ', '0', '-1', 'null', 'ᐊ'.repeat(300));
const text = fc.oneof(hostile, fc.string({ maxLength: 40 }), fc.uuid());

function knownIds(w: World): string[] {
  return [w.working.id, w.issued.id, w.spareExpert.id, w.people.member.user.id, w.people.admin.user.id];
}

const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      email: text,
      password: text,
      name: text,
      role: fc.constantFrom('admin', 'secretary', 'expert', 'reader', 'root', ''),
      committee: fc.oneof(text, fc.constant('social'), fc.constant(null)),
      userId: text,
      status: fc.constantFrom('issued', 'in_review', 'archived', 'deleted'),
      token: text,
      disabled: fc.oneof(fc.boolean(), text),
      currentPassword: text,
      newPassword: text,
    },
    { requiredKeys: [] },
  ),
);

const request = fc.record({
  route: fc.nat(),
  actor: fc.constantFrom(...ACTORS),
  params: fc.array(fc.oneof(text, fc.constantFrom('known-0', 'known-1', 'known-2', 'known-3', 'known-4')), {
    minLength: 2,
    maxLength: 2,
  }),
  query: fc.dictionary(fc.constantFrom('from', 'to', 'userId', 'reviewId', 'action', 'before', 'limit', 'lang', 'x'), text, {
    maxKeys: 3,
  }),
  body: fc.oneof(
    jsonish.map((value) => ({ type: 'application/json', data: JSON.stringify(value) })),
    fc.string({ maxLength: 200 }).map((data) => ({ type: 'application/json', data })),
    fc.string({ maxLength: 200 }).map((data) => ({ type: 'text/plain', data })),
    fc.string({ maxLength: 200 }).map((data) => ({ type: 'application/x-www-form-urlencoded', data })),
    fc.string({ maxLength: 200 }).map((data) => ({ type: 'multipart/form-data; boundary=zz', data: `--zz\r\n${data}` })),
  ),
  csrf: fc.constantFrom('valid', 'missing', 'wrong'),
});

describe('HTTP fuzz (fast-check)', () => {
  it('no 5xx, and no change of state when a request is refused', async () => {
    const failures: string[] = [];
    // The failures name the request and the answer: show them rather than fast-check's bare "false".
    const run = fc.assert(
      fc.asyncProperty(request, async (r) => {
        const route = routes[r.route % routes.length]!;
        const ids = knownIds(world);
        let i = 0;
        const path = route.path.replace(/:(\w+)/g, () => {
          const value = r.params[i++ % r.params.length]!;
          const known = /^known-(\d)$/.exec(value);
          return encodeURIComponent(known ? ids[Number(known[1])]! : value);
        });
        const query = new URLSearchParams(r.query).toString();
        const auth = world.auth(r.actor);
        const headers: Record<string, string> = { 'content-type': r.body.type };
        if (auth) {
          headers.cookie = auth.cookie;
          if (r.csrf === 'valid') headers['x-csrf-token'] = auth.csrfToken;
          if (r.csrf === 'wrong') headers['x-csrf-token'] = 'wrong';
        }
        const before = stateFingerprint(world.server.tendik.ctx.db);
        const method = route.method === 'ALL' ? 'POST' : route.method;
        const res = await fetch(`${world.server.url}${path}${query ? `?${query}` : ''}`, {
          method,
          headers,
          ...(method === 'GET' || method === 'HEAD' ? {} : { body: r.body.data }),
        });
        const answer = await res.text();
        const where = `${method} ${path}?${query} as ${r.actor} (${r.csrf}, ${r.body.type}): ${res.status} ${answer.slice(0, 160)}`;
        // 503 is only ever sent on purpose (a part not ready: the client unbuilt, no collaboration
        // model yet); a crash is the error handler's 500.
        const deliberate503 = res.status === 503;
        if (res.status >= 500 && !deliberate503) failures.push(`5xx — ${where}`);
        if (res.status >= 400 && res.status < 500) {
          const after = stateFingerprint(world.server.tendik.ctx.db);
          if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`state changed on refusal (${Object.keys(after).filter((k) => after[k] !== before[k]).join(', ')}) — ${where}`);
          if (!/^\{"error":\{"code":"[A-Z_]+"/.test(answer)) failures.push(`uncoded refusal — ${where}`);
        }
        // A successful request may legitimately end sessions (logout-all, a role change): sign back in.
        if (res.status < 400) await world.signInAgain();
        return failures.length === 0;
      }),
      { numRuns: 200, seed: 20261122, endOnFailure: true },
    );
    await run.catch((error: unknown) => {
      expect(failures).toEqual([]);
      throw error;
    });
    expect(failures).toEqual([]);
  });
});
