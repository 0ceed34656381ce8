import busboy from 'busboy';
import type { Request, Response } from 'express';
import { ImportErrors } from './errors';
import { sanitizeFileName } from './file-name';

export interface ReceivedUpload {
  file: { name: string; bytes: Uint8Array } | null;
  fields: Record<string, string>;
}

const MB = 1024 * 1024;
/** Room for the multipart boundaries and the small text fields around the file. */
const MULTIPART_OVERHEAD = 256 * 1024;
const FIELD_NAMES = new Set(['title', 'deadline', 'committee']);

/**
 * Reads a multipart/form-data upload with hard limits: one file field "file" of at most `maxBytes`,
 * a few small text fields. An over-size upload is refused as soon as the limit is crossed (or at once,
 * when Content-Length already says so); the rest of the body is never buffered.
 */
export function receiveUpload(req: Request, maxBytes: number, fieldNames: ReadonlySet<string> = FIELD_NAMES): Promise<ReceivedUpload> {
  const tooLarge = () => ImportErrors.IMPORT_TOO_LARGE({ limitMb: Math.round(maxBytes / MB) });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 16 * 1024, parts: 16 },
      });
    } catch {
      reject(ImportErrors.IMPORT_NO_FILE());
      return;
    }
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      reject(err);
    };
    const fields: Record<string, string> = {};
    let file: ReceivedUpload['file'] = null;
    let fileDone: Promise<void> = Promise.resolve();
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || file !== null) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      const entry = { name: sanitizeFileName(info.filename), bytes: new Uint8Array(0) };
      file = entry;
      fileDone = new Promise<void>((done) => {
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('limit', () => fail(tooLarge()));
        stream.on('end', () => {
          entry.bytes = new Uint8Array(Buffer.concat(chunks));
          done();
        });
      });
    });
    parser.on('field', (name, value) => {
      if (fieldNames.has(name)) fields[name] = value;
    });
    parser.on('error', (err) => fail(err instanceof Error && /Unexpected end|Malformed/i.test(err.message) ? ImportErrors.IMPORT_NO_FILE() : err));
    parser.on('close', () => {
      void fileDone.then(() => {
        if (settled) return;
        settled = true;
        resolve({ file, fields });
      });
    });
    // A client that goes away mid-upload (ECONNRESET, "aborted") is a client fault, not a server error;
    // it settles the promise too, so nothing waits on a dead socket.
    req.on('error', () => fail(ImportErrors.IMPORT_NO_FILE()));
    req.on('close', () => {
      if (!req.complete) fail(ImportErrors.IMPORT_NO_FILE());
    });
    req.pipe(parser);
  });
}

/**
 * Answers a refused upload without reading the rest of it, yet without losing the answer: the response
 * goes out with `Connection: close`, then the connection is closed in stages (RFC 9112 §9.6 "lingering
 * close"): our side is half-closed, what the client still sends is read and dropped — never buffered —
 * until it closes, for at most `maxMs` or `maxDiscardBytes`. Closing at once would reset the connection
 * while the client is still writing, and the client could lose the 413 it has not read yet.
 */
export function closeAfterResponse(req: Request, res: Response, maxDiscardBytes = 16 * MB, maxMs = 5000): void {
  res.setHeader('Connection', 'close');
  const socket = req.socket;
  socket.destroySoon = function lingeringClose(): void {
    socket.end();
    let discarded = 0;
    const stop = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(stop, maxMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    socket.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > maxDiscardBytes) stop();
    });
    socket.resume();
  };
}
