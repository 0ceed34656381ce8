import * as admin from './admin';
import * as amend from './amend';
import * as audit from './audit';
import * as auth from './auth';
import * as checklist from './checklist';
import * as committees from './committees';
import * as conclusion from './conclusion';
import * as health from './health';
import * as importing from './import';
import * as members from './members';
import * as mentions from './mentions';
import * as recommendations from './recommendations';
import { clientPages } from './pages';
import * as reviews from './reviews';
import type { FileRoute, JsonRoute } from './route';
import * as status from './status';
import * as versions from './versions';

/**
 * The HTTP contract: every route of the API, by feature area, with the schemas of what it reads and
 * answers. The server's handlers parse and send with these (server/http/send-json.ts), the browser
 * calls them through apiCall() (client/api.ts), and test/contract checks that the running server
 * answers what its contract says and mounts no route outside it.
 *
 * Not JSON, and listed as such below: the DOCX exports and the audit CSV (files), and the browser
 * app's pages (HTML). The two upload routes take a multipart body but answer JSON, so they are JSON
 * routes with `upload: 'multipart'`. The socket protocol is shared/protocol.ts.
 */
export { admin, amend, audit, auth, checklist, committees, conclusion, health, importing, members, mentions, recommendations, reviews, status, versions };
export { clientPages };
export * from './route';

function routesOf(module: Record<string, unknown>): Array<JsonRoute | FileRoute> {
  return Object.values(module).filter(
    (value): value is JsonRoute | FileRoute =>
      typeof value === 'object' && value !== null && 'kind' in value && (value.kind === 'json' || value.kind === 'file'),
  );
}

const ALL = [admin, amend, audit, auth, checklist, committees, conclusion, health, importing, members, mentions, recommendations, reviews, status, versions].flatMap(routesOf);

/** Every route that answers JSON. */
export const JSON_ROUTES: readonly JsonRoute[] = ALL.filter((r): r is JsonRoute => r.kind === 'json');

/** Routes that answer a file (DOCX, CSV): described by path, query and MIME type, no response schema. */
export const FILE_ROUTES: readonly FileRoute[] = ALL.filter((r): r is FileRoute => r.kind === 'file');

/** Routes that answer HTML: the browser app's pages. */
export const HTML_ROUTES = [clientPages] as const;
