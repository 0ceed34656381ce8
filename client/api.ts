import type { I18nText } from '../shared/i18n/lang';
import { t } from './i18n/i18n';

/**
 * HTTP to the Tendik server. Every state-changing request carries the session's CSRF token. Errors
 * become ApiError with the server's message in all three languages, so the UI can show it in the
 * language chosen now (and again after a switch), never a blank screen.
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

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
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
  return parsed as T;
}
