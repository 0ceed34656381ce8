import {
  pathOf,
  queryString,
  routeName,
  type BodyOf,
  type JsonRoute,
  type PathParamNames,
  type PathParams,
  type QueryOf,
  type ResponseOf,
} from '../shared/contract/route';
import type { I18nText } from '../shared/i18n/lang';
import { t } from './i18n/i18n';
import { STRINGS } from './i18n/strings';

/**
 * HTTP to the Tendik server. Every state-changing request carries the session's CSRF token. Errors
 * become ApiError with the server's message in all three languages, so the UI can show it in the
 * language chosen now (and again after a switch), never a blank screen. Calls go through apiCall()
 * with a route of the HTTP contract (shared/contract), which types the request and validates the answer.
 */

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: I18nText | null,
  ) {
    super(messages?.en ?? code);
  }
}

/** The request never got an answer (offline, server down): distinct from bugs, which are TypeErrors too. */
export class NetworkError extends Error {
  constructor() {
    super('network');
  }
}

/** Turns a response body (maybe not JSON at all) into an ApiError. */
export function errorFrom(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; messages?: unknown } } | null)?.error;
  const messages = error?.messages as I18nText | undefined;
  const valid = messages && typeof messages.ru === 'string' && typeof messages.ky === 'string' && typeof messages.en === 'string';
  return new ApiError(status, typeof error?.code === 'string' ? error.code : `HTTP_${status}`, valid ? messages : null);
}

/** A readable message for any error, in the current language. */
export function describeError(error: unknown, lang: keyof I18nText): string {
  if (error instanceof ApiError) return error.messages ? error.messages[lang] : t('errorUnexpected', { status: error.status });
  if (error instanceof NetworkError) return t('errorNetwork');
  return t('errorUnexpected', { status: error instanceof Error ? error.message : String(error) });
}

/** The answer did not match the route's contract: the page and the server disagree on its shape. */
export const BAD_RESPONSE = 'BAD_RESPONSE';

function badResponse(status: number): ApiError {
  return new ApiError(status, BAD_RESPONSE, { ru: STRINGS.ru.errorBadResponse, ky: STRINGS.ky.errorBadResponse, en: STRINGS.en.errorBadResponse });
}

/**
 * A successful answer checked against its route's response schema. A mismatch is an ApiError the
 * user can read (BAD_RESPONSE); the console keeps which fields differed, for whoever investigates.
 */
export function checkedAnswer<R extends JsonRoute>(route: R, status: number, body: unknown): ResponseOf<R> {
  const checked = route.response.safeParse(body);
  if (checked.success) return checked.data as ResponseOf<R>;
  console.error(`Tendik: the answer of ${routeName(route)} does not match its contract`, checked.error.issues);
  throw badResponse(status);
}

type ParamsOption<R extends JsonRoute> = [PathParamNames<R['path']>] extends [never] ? { params?: undefined } : { params: PathParams<R['path']> };
type BodyOption<R extends JsonRoute> = BodyOf<R> extends undefined ? { body?: undefined } : { body: BodyOf<R> };
type QueryOption<R extends JsonRoute> = QueryOf<R> extends undefined ? { query?: undefined } : { query?: QueryOf<R> };
/** What a call of the route needs: its path's parameters, its body, its query, each only where it has one. */
export type CallOptions<R extends JsonRoute> = ParamsOption<R> & BodyOption<R> & QueryOption<R>;
type CallArgs<R extends JsonRoute> = {} extends CallOptions<R> ? [options?: CallOptions<R>] : [options: CallOptions<R>];

/**
 * Calls a JSON route of the contract: `apiCall(reviews.getReview, { params: { id } })`. The answer is
 * validated with the route's response schema; a refusal is the server's ApiError as always.
 */
export async function apiCall<R extends JsonRoute>(route: R, ...[options]: CallArgs<R>): Promise<ResponseOf<R>> {
  // Uploads are multipart with a progress bar (screens/upload.ts), which checks its answer with checkedAnswer.
  if (route.upload) throw new TypeError(`${routeName(route)} is an upload: send it as multipart`);
  const { params, query, body } = (options ?? {}) as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
  const { status, answer } = await send(route.method, pathOf(route.path, params) + queryString(query), body);
  return checkedAnswer(route, status, answer);
}

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; answer: unknown }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') Object.assign(headers, csrfHeader());
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new NetworkError();
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!res.ok) throw errorFrom(res.status, parsed);
  return { status: res.status, answer: parsed };
}
