import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_ROUTES, HTML_ROUTES, JSON_ROUTES, pathOf, queryString, routeName, type ContractRoute } from '../../shared/contract';
import { api } from '../helpers/app';
import { listRoutes, routeKey } from '../security/routes-of-app';
import { FILE_CALLS, JSON_CALLS, type Call } from './calls';
import { buildContractWorld, type ContractWorld } from './contract-world';

/**
 * The HTTP contract (shared/contract) against the running server: every route the app mounts is in
 * the contract (or listed there as a file or an HTML page), and every JSON route's real answer parses
 * with its response schema — and loses nothing to it, so the browser, which keeps only what the schema
 * names, sees all the server sends. A route added without a contract fails here.
 */
let world: ContractWorld;
beforeAll(async () => {
  world = await buildContractWorld();
});
afterAll(() => world?.server.close());

async function answer(route: ContractRoute, call: Call) {
  const request = await call(world);
  const path = pathOf(route.path, request.params) + queryString(request.query);
  const res = await api(world.server, request.auth, path, {
    method: route.method,
    ...(request.form
      ? { body: request.form }
      : request.body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.body) }),
  });
  return { res, where: `${routeName(route)} (${path})` };
}

describe('every route the server mounts has a contract', () => {
  it('is a JSON route, a file route or an HTML page of shared/contract, and the contract names no route that is gone', () => {
    const mounted = listRoutes(world.server.tendik.app).map(routeKey).sort();
    const described = [...JSON_ROUTES, ...FILE_ROUTES].map(routeName).concat(HTML_ROUTES.map((page) => `${page.method} ${String(page.pattern)}`));
    expect(mounted.filter((key) => !described.includes(key)), 'routes without a contract: describe them in shared/contract').toEqual([]);
    expect(described.filter((key) => !mounted.includes(key)), 'contract routes the server no longer mounts').toEqual([]);
    expect(new Set(described).size, 'a route described twice').toBe(described.length);
  });

  it('has a real call for every route of the contract in calls.ts', () => {
    expect(JSON_ROUTES.map(routeName).filter((name) => !(name in JSON_CALLS))).toEqual([]);
    expect(FILE_ROUTES.map(routeName).filter((name) => !(name in FILE_CALLS))).toEqual([]);
    const known = new Set([...JSON_ROUTES, ...FILE_ROUTES].map(routeName));
    expect(Object.keys({ ...JSON_CALLS, ...FILE_CALLS }).filter((name) => !known.has(name))).toEqual([]);
  });
});

describe("each JSON route's real answer matches its response schema", () => {
  for (const [name, calls] of Object.entries(JSON_CALLS)) {
    it(name, async () => {
      const route = JSON_ROUTES.find((r) => routeName(r) === name);
      expect(route, `${name} is not in the contract`).toBeDefined();
      for (const call of calls) {
        const { res, where } = await answer(route!, call);
        const text = await res.text();
        expect(route!.successStatus ?? [200], `${where}: ${res.status} ${text.slice(0, 300)}`).toContain(res.status);
        expect(res.headers.get('content-type'), where).toMatch(/^application\/json/);
        const body: unknown = JSON.parse(text);
        const parsed = route!.response.safeParse(body);
        expect(parsed.success ? [] : parsed.error.issues, `${where}: the answer does not match its schema`).toEqual([]);
        // Parsing strips what the schema does not name: the same value back means it names every field sent.
        expect(parsed.data, `${where}: fields the contract does not describe`).toStrictEqual(body);
      }
    });
  }
});

describe('each file route answers its file', () => {
  for (const [name, calls] of Object.entries(FILE_CALLS)) {
    it(name, async () => {
      const route = FILE_ROUTES.find((r) => routeName(r) === name);
      expect(route, `${name} is not in the contract`).toBeDefined();
      for (const call of calls) {
        const { res, where } = await answer(route!, call);
        const bytes = new Uint8Array(await res.arrayBuffer());
        expect(res.status, `${where}: ${new TextDecoder().decode(bytes.slice(0, 300))}`).toBe(200);
        expect(res.headers.get('content-type'), where).toContain(route!.kind === 'file' ? route!.produces : '');
        expect(bytes.length).toBeGreaterThan(0);
      }
    });
  }
});
