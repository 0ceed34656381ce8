import type express from 'express';

export interface RouteInfo {
  method: string;
  /** Express path with its :params, e.g. `/api/reviews/:id/members/:userId`; for a RegExp route, a path it matches. */
  path: string;
  /** A RegExp route's pattern (the client's catch-all page route), which names it in the tables. */
  pattern?: string;
}

/** A path a RegExp route answers, to call it with: the app's front page for the client's catch-all. */
function samplePathFor(pattern: RegExp): string {
  for (const candidate of ['/', '/reviews', '/index.html']) if (pattern.test(candidate)) return candidate;
  throw new TypeError(`No sample path for the route ${String(pattern)}: add one to routes-of-app.ts`);
}

interface LayerLike {
  rawPath?: unknown;
  name?: string;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
}

function join(prefix: string, path: string): string {
  const joined = `${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

/**
 * Every method + path the app answers, read from Express's own router stack (Express 5 / router 2),
 * so a route added by anyone shows up here without being registered anywhere else.
 */
export function listRoutes(app: express.Express): RouteInfo[] {
  const routes: RouteInfo[] = [];
  const walk = (stack: LayerLike[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          const named =
            path instanceof RegExp
              ? { path: join(prefix, samplePathFor(path)), pattern: `${prefix}${String(path)}` }
              : typeof path === 'string'
                ? { path: join(prefix, path) }
                : null;
          if (!named) throw new TypeError(`A route with an unnamed path under ${prefix || '/'}: the table cannot name it`);
          for (const [method, on] of Object.entries(layer.route.methods))
            if (on) routes.push({ method: method === '_all' ? 'ALL' : method.toUpperCase(), ...named });
        }
      } else if (layer.handle?.stack && Array.isArray(layer.handle.stack)) {
        const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '';
        walk(layer.handle.stack, join(prefix, mount));
      }
    }
  };
  walk((app as unknown as { router: { stack: LayerLike[] } }).router.stack, '');
  const seen = new Set<string>();
  return routes.filter((route) => {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function routeKey(route: RouteInfo): string {
  return `${route.method} ${route.pattern ?? route.path}`;
}
