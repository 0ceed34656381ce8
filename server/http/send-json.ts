import type { Response } from 'express';
import { routeName, type JsonRoute, type ResponseIn } from '../../shared/contract';

/** The server answered something its contract does not describe: a bug on the server's side. */
export class ContractDriftError extends Error {
  constructor(route: JsonRoute, issues: string) {
    super(`The answer of ${routeName(route)} does not match its contract (shared/contract): ${issues}`);
    this.name = 'ContractDriftError';
  }
}

/**
 * Sends a route's JSON answer, typed by its contract. Outside production the payload is also checked
 * against the response schema, and a mismatch throws (a 500, logged) instead of reaching the browser,
 * so every test that calls the route catches a server drifting from what the client expects. In
 * production the check is skipped: a large review model is not validated on every read.
 */
export function sendJson<R extends JsonRoute>(res: Response, route: R, value: ResponseIn<R>, status = 200): void {
  if (process.env.NODE_ENV !== 'production') {
    const checked = route.response.safeParse(value);
    if (!checked.success) {
      const issues = checked.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(answer)'}: ${issue.message}`);
      throw new ContractDriftError(route, issues.join('; '));
    }
  }
  res.status(status).json(value);
}
