import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, compressApiAnswers, compressedStatic } from '../../server/http/compression';
import { signedIn, startTestServer, type TestServer } from '../helpers/app';

// What travels is compressed (issue 17, slow links): API answers, the built app's files, and the
// socket's messages (per-message deflate). Raw node:http, so what is on the wire is seen as it is
// (fetch would decompress it out of sight).

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function rawGet(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

function decode(raw: Raw): string {
  const encoding = raw.headers['content-encoding'];
  if (encoding === 'gzip') return zlib.gunzipSync(raw.body).toString('utf8');
  if (encoding === 'br') return zlib.brotliDecompressSync(raw.body).toString('utf8');
  return raw.body.toString('utf8');
}

describe('Accept-Encoding', () => {
  it('prefers brotli, then gzip, honours q=0 and *', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
    expect(chooseEncoding(undefined)).toBeNull();
  });
});

describe('API answers', () => {
  let server: TestServer;
  let auth: { cookie: string; csrfToken: string };
  beforeAll(async () => {
    server = await startTestServer();
    ({ auth } = await signedIn(server, 'expert'));
  });
  afterAll(() => server.close());

  it('a large JSON answer goes gzip or brotli to a client that accepts it, as is to one that does not', async () => {
    const url = `${server.url}/api/checklists/current`;
    const plain = await rawGet(url, { cookie: auth.cookie });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    for (const [accept, expected] of [['gzip, deflate', 'gzip'], ['gzip, deflate, br', 'br']] as const) {
      const packed = await rawGet(url, { cookie: auth.cookie, 'accept-encoding': accept });
      expect(packed.status).toBe(200);
      expect(packed.headers['content-encoding']).toBe(expected);
      expect(packed.headers['content-type']).toMatch(/application\/json/);
      expect(packed.body.length).toBeLessThan(plain.body.length / 2);
      expect(JSON.parse(decode(packed))).toEqual(JSON.parse(plain.body.toString('utf8')));
    }
  });

  it('the session answer, which carries the CSRF token, is never compressed (BREACH)', async () => {
    const me = await rawGet(`${server.url}/api/auth/me`, { cookie: auth.cookie, 'accept-encoding': 'gzip, br' });
    expect(me.status).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(me.body.toString('utf8')).toContain(auth.csrfToken);
  });

  it('errors still reach the client readably when compressed', async () => {
    const missing = await rawGet(`${server.url}/api/no-such-route`, { cookie: auth.cookie, 'accept-encoding': 'gzip', 'accept-language': 'ru' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(decode(missing))).toHaveProperty('error');
  });

  it('the socket negotiates per-message deflate', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers: { cookie: auth.cookie } });
    const extensions = await new Promise<string>((resolve, reject) => {
      ws.on('open', () => resolve(ws.extensions));
      ws.on('error', reject);
    });
    ws.close();
    expect(extensions).toMatch(/permessage-deflate/);
  });
});

describe('static files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-static-'));
  const script = `console.log(${JSON.stringify('Тендик '.repeat(400))});\n`;
  fs.writeFileSync(path.join(dir, 'app-1234.js'), script);
  fs.writeFileSync(path.join(dir, 'tiny.js'), 'x();\n');
  fs.writeFileSync(path.join(dir, 'photo.png'), Buffer.alloc(4096, 7));
  const large = { token: 'secret', names: Array.from({ length: 200 }, (_, i) => `Имя ${i}`) };
  let url = '';
  let close = () => undefined as unknown;
  beforeAll(async () => {
    const app = express();
    app.use('/api', compressApiAnswers());
    app.get('/api/auth/me', (_req, res) => res.json(large));
    app.get('/api/reviews', (_req, res) => res.json(large));
    app.use(compressedStatic(dir, () => 'public, max-age=31536000, immutable'));
    app.use(express.static(dir));
    const listening = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listening.once('listening', resolve));
    url = `http://127.0.0.1:${(listening.address() as { port: number }).port}`;
    close = () => listening.close();
  });
  afterAll(() => {
    close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves JS compressed with its type, cache policy and an ETag per encoding, and 304 on revalidation', async () => {
    const gz = await rawGet(`${url}/app-1234.js`, { 'accept-encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/javascript/);
    expect(gz.headers['cache-control']).toContain('immutable');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(decode(gz)).toBe(script);
    expect(gz.body.length).toBeLessThan(Buffer.byteLength(script) / 4);
    const br = await rawGet(`${url}/app-1234.js`, { 'accept-encoding': 'br' });
    expect(decode(br)).toBe(script);
    expect(br.headers.etag).not.toBe(gz.headers.etag);
    const again = await rawGet(`${url}/app-1234.js`, { 'accept-encoding': 'gzip', 'if-none-match': String(gz.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('a large answer of a session route goes uncompressed, the same answer elsewhere compressed', async () => {
    const session = await rawGet(`${url}/api/auth/me`, { 'accept-encoding': 'gzip, br' });
    expect(session.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(session.body.toString('utf8'))).toEqual(large);
    const other = await rawGet(`${url}/api/reviews`, { 'accept-encoding': 'gzip, br' });
    expect(other.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decode(other))).toEqual(large);
  });

  it('leaves small files, images, unknown paths and clients without an encoding to express.static', async () => {
    expect((await rawGet(`${url}/tiny.js`, { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBeUndefined();
    expect((await rawGet(`${url}/photo.png`, { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBeUndefined();
    const plain = await rawGet(`${url}/app-1234.js`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
    expect((await rawGet(`${url}/missing.js`, { 'accept-encoding': 'gzip' })).status).toBe(404);
    expect((await rawGet(`${url}/..%2f..%2fetc%2fpasswd.js`, { 'accept-encoding': 'gzip' })).status).toBe(404);
  });
});
