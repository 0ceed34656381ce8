import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * HTTP compression of what the server sends, for people on a slow link (issue 17: the Criminal Code
 * review took 18 s at 1.5 Mbit/s). Two parts, both with node:zlib and no extra package:
 * - API answers (JSON, text): compressed as they are sent (`res.send`, which `res.json` goes through),
 *   brotli at a fast quality or gzip, when the browser accepts one and the answer is over 1 KB;
 * - the built app (JS, CSS, HTML, SVG): compressed once per file version, at a high quality, and kept
 *   in memory (the files are few and never change while the server runs but for a rebuild, which
 *   changes their mtime).
 * Browsers offer brotli only over HTTPS; over plain HTTP (loopback, tests) they get gzip.
 *
 * BREACH: an answer that mixes a secret with text an attacker can have reflected into it leaks the
 * secret through its compressed size. The only secret in an answer is the CSRF token of the session
 * routes (GET /api/auth/me, sign-in, accepting an invitation): those are never compressed.
 */

export type Encoding = 'br' | 'gzip';

/** Below this, compression saves less than a packet and costs a round of CPU. */
export const MIN_COMPRESS_BYTES = 1024;

/** API paths (under /api) whose answers carry the session's CSRF token. */
const SECRET_BEARING = /^\/auth\//;

const COMPRESSIBLE_TYPE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;

const STATIC_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The encoding to answer with for an Accept-Encoding header: brotli, else gzip, among those the
 * client accepts with a non-zero q (`*` accepts both); null when neither.
 */
export function chooseEncoding(header: string | string[] | undefined): Encoding | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const quality = (name: Encoding) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (quality('br') > 0) return 'br';
  if (quality('gzip') > 0) return 'gzip';
  return null;
}

function compressBuffer(body: Buffer, encoding: Encoding, effort: 'fast' | 'best'): Buffer {
  if (encoding === 'gzip') return zlib.gzipSync(body, { level: effort === 'fast' ? 6 : 9 });
  return zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: effort === 'fast' ? 4 : 9,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/**
 * Compresses API answers sent with res.send / res.json. Answers already encoded, streamed, of a
 * type that does not compress (a DOCX is a zip already), small, or of the session routes go as they are.
 */
export function compressApiAnswers(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SECRET_BEARING.test(req.path)) return next();
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.isBuffer(body) ? body : null;
      const type = String(res.getHeader('Content-Type') ?? '');
      if (bytes && COMPRESSIBLE_TYPE.test(type)) res.vary('Accept-Encoding');
      if (
        !bytes ||
        !encoding ||
        req.method === 'HEAD' ||
        res.statusCode === 204 ||
        res.statusCode === 304 ||
        bytes.length < MIN_COMPRESS_BYTES ||
        res.getHeader('Content-Encoding') !== undefined ||
        !COMPRESSIBLE_TYPE.test(type)
      ) {
        return send(body);
      }
      res.setHeader('Content-Encoding', encoding);
      // The ETag express computes is over the compressed bytes: each encoding has its own.
      return send(compressBuffer(bytes, encoding, 'fast'));
    };
    next();
  };
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  encoded: Map<Encoding, Buffer>;
}

/**
 * Serves the compressible files under `root` compressed (falls through to express.static for the
 * rest, for clients that accept no compression, and for what is not there). `cacheControl` says how
 * long the browser may keep the file at `relativePath`.
 */
export function compressedStatic(root: string, cacheControl: (relativePath: string) => string): RequestHandler {
  const cache = new Map<string, CachedFile>();
  const base = path.resolve(root);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    if (relative.includes('\0')) return next();
    const file = path.resolve(base, `.${path.posix.normalize(relative)}`);
    if (!file.startsWith(base + path.sep)) return next();
    const type = STATIC_TYPES[path.extname(file).toLowerCase()];
    if (!type) return next();
    const served = serveCompressedFile(req, res, file, type, cacheControl(relative), cache);
    if (!served) next();
  };
}

/**
 * Answers with the compressed file when the client accepts an encoding and the file is large enough;
 * returns false (nothing sent) otherwise. Shared by the assets and the app's index.html.
 */
export function serveCompressedFile(req: Request, res: Response, file: string, type: string, cacheControl: string, cache: Map<string, CachedFile>): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile() || stat.size < MIN_COMPRESS_BYTES) return false;
  res.vary('Accept-Encoding');
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  if (!encoding) return false;
  let entry = cache.get(file);
  if (!entry || entry.mtimeMs !== stat.mtimeMs || entry.size !== stat.size) {
    entry = { mtimeMs: stat.mtimeMs, size: stat.size, encoded: new Map() };
    cache.set(file, entry);
  }
  let body = entry.encoded.get(encoding);
  if (!body) {
    body = compressBuffer(fs.readFileSync(file), encoding, 'best');
    entry.encoded.set(encoding, body);
  }
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Encoding', encoding);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Last-Modified', stat.mtime.toUTCString());
  res.setHeader('ETag', `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}-${encoding}"`);
  if (req.fresh) {
    res.status(304).end();
    return true;
  }
  res.setHeader('Content-Length', String(body.length));
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
  return true;
}

export function fileCache(): Map<string, CachedFile> {
  return new Map();
}
