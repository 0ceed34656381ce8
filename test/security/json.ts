import { api, type Auth, type TestServer } from '../helpers/app';

/** A JSON request as a signed-in user (or anonymous), answering status and parsed body. */
export async function send<T = Record<string, unknown>>(
  server: TestServer,
  auth: Auth | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T & { error?: { code: string; message: string } }; headers: Headers }> {
  const res = await api(server, auth, path, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a CSV export): the caller reads headers and status.
  }
  return { status: res.status, body: parsed as T & { error?: { code: string; message: string } }, headers: res.headers };
}
