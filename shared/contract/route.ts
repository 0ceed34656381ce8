import type { z } from 'zod';

/**
 * A route of the HTTP API described as data: method, path, and the schemas of what goes in and out.
 * The server's handlers parse their input and check their output with these; the browser's
 * apiCall() builds the request from them and validates the answer, so both ends read one definition.
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The parameter names of an Express path: `/api/reviews/:id/members/:userId` → 'id' | 'userId'. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type PathParams<P extends string> = { [K in PathParamNames<P>]: string };

interface RouteBase<P extends string = string> {
  method: HttpMethod;
  /** Express syntax: `:name` is a path parameter. */
  path: P;
  /** The query string, where the route reads one (the values arrive as strings). */
  query?: z.ZodType;
  /** A schema for path parameters the route checks beyond their presence (ids that must be uuids). */
  params?: z.ZodType;
  /** What the route is for, in a line: shown in the contract's listing. */
  summary: string;
}

/** A route that answers JSON. */
export interface JsonRoute<P extends string = string> extends RouteBase<P> {
  kind: 'json';
  /** The JSON body it reads; absent for routes without one. */
  body?: z.ZodType;
  /** A multipart upload rather than a JSON body (the draft's file): only the answer is JSON. */
  upload?: 'multipart';
  /** What a successful answer holds. */
  response: z.ZodType;
  /** The status of a successful answer when it is not 200 (201 for what was created). */
  successStatus?: readonly number[];
}

/** A route that answers a file (DOCX, CSV): the bytes are the answer, errors are JSON as everywhere. */
export interface FileRoute<P extends string = string> extends RouteBase<P> {
  kind: 'file';
  /** The MIME type of the file. */
  produces: string;
}

export type ContractRoute = JsonRoute | FileRoute;

/** Declares a JSON route; `const` keeps the method and path literal, so a call's params are typed. */
export function route<const R extends Omit<JsonRoute, 'kind'>>(spec: R): R & { kind: 'json' } {
  return { ...spec, kind: 'json' };
}

/** Declares a route whose answer is a file. */
export function fileRoute<const R extends Omit<FileRoute, 'kind'>>(spec: R): R & { kind: 'file' } {
  return { ...spec, kind: 'file' };
}

/** The JSON body a route reads, as the caller writes it. */
export type BodyOf<R extends JsonRoute> = R extends { body: infer B extends z.ZodType } ? z.input<B> : undefined;
/** The query a route reads, as the caller writes it. */
export type QueryOf<R extends RouteBase> = R extends { query: infer Q extends z.ZodType } ? z.input<Q> : undefined;
/** The answer, as the server writes it (the handlers' side). */
export type ResponseIn<R extends JsonRoute> = z.input<R['response']>;
/** The answer, as the client reads it once validated. */
export type ResponseOf<R extends JsonRoute> = z.output<R['response']>;

/** Fills a path's `:params`, each encoded: `/api/reviews/:id` + {id} → `/api/reviews/3f…`. */
export function pathOf(path: string, params: Readonly<Record<string, string>> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`${path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
}

/** The query string for the defined values, with its `?`; '' when there are none. */
export function queryString(query: Readonly<Record<string, unknown>> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null) search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** `GET /api/reviews/:id`: how tests and error messages name a route. */
export function routeName(route: Pick<RouteBase, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
