import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, LevelFormat, Packer, Paragraph } from 'docx';
import { importing as contract } from '../../../shared/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, registerCommittee, signedIn, startTestServer, type Auth, type TestServer } from '../../helpers/app';

const MB = 1024 * 1024;

const DRAFT_TEXT = [
  'Проект',
  'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
  'О поддержке семей с детьми',
  'Статья 1. Основные понятия',
  '1. Пособие назначается женщинам, имеющим детей до трех лет.',
  'Статья 2. Комиссия',
  'Комиссия формируется из пяти членов.',
].join('\n');

function form(file: Blob, name: string, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  data.set('file', file, name);
  return data;
}

async function numberedDocx(): Promise<Blob> {
  const doc = new Document({
    numbering: {
      config: [{ reference: 'law', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: 'Статья %1.' }, { level: 1, format: LevelFormat.DECIMAL, text: '%2.' }] }],
    },
    sections: [
      {
        children: [
          new Paragraph('ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ'),
          new Paragraph({ text: 'Основные понятия', numbering: { reference: 'law', level: 0 } }),
          new Paragraph({ text: 'Пособие назначается матери.', numbering: { reference: 'law', level: 1 } }),
          new Paragraph({ text: 'Сфера действия', numbering: { reference: 'law', level: 0 } }),
        ],
      },
    ],
  });
  return new Blob([new Uint8Array(await Packer.toBuffer(doc))]);
}

function reviewCount(server: TestServer): number {
  return (server.tendik.ctx.db.prepare('SELECT COUNT(*) AS n FROM reviews').get() as { n: number }).n;
}

interface ErrorBody {
  error: { code: string; message: string };
}

describe('upload routes over real HTTP', () => {
  let server: TestServer;
  let secretary: Auth;
  let expert: Auth;

  beforeAll(async () => {
    server = await startTestServer({ maxUploadBytes: 2 * MB, maxInflatedBytes: 20 * MB });
    secretary = (await signedIn(server, 'secretary')).auth;
    expert = (await signedIn(server, 'expert')).auth;
    // The review's committee is one of the registry's (test/security/committees.test.ts has the refusals).
    registerCommittee(server.tendik.ctx.db, 'social');
  });
  afterAll(() => server.close());

  it('creates a review from a plain-text draft, stores its import and audits it', async () => {
    const res = await api(server, secretary, '/api/reviews', {
      method: 'POST',
      body: form(new Blob([DRAFT_TEXT]), 'proekt.txt', { deadline: '2026-12-01', committee: 'social' }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { review: { id: string; title: string; sourceName: string; deadline: string; committee: string }; report: { format: string; encoding: string; paragraphs: number; characters: number } };
    expect(body.review.sourceName).toBe('proekt.txt');
    expect(body.review.deadline).toBe('2026-12-01');
    expect(body.review.committee).toBe('social');
    expect(body.review.title.length).toBeGreaterThan(0);
    expect(body.report).toMatchObject({ format: 'text', encoding: 'utf-8', paragraphs: 7 });
    const db = server.tendik.ctx.db;
    const stored = db.prepare('SELECT report, source_sha256 FROM review_imports WHERE review_id = ?').get(body.review.id) as { report: string; source_sha256: string };
    expect(stored.source_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(stored.report).paragraphs).toBe(7);
    const auditRow = db.prepare("SELECT action FROM audit_log WHERE review_id = ? AND action = 'review.created'").get(body.review.id);
    expect(auditRow).toBeDefined();
  });

  it('imports a DOCX with Word numbering and uses the title field', async () => {
    const res = await api(server, secretary, '/api/reviews', {
      method: 'POST',
      body: form(await numberedDocx(), 'Проект закона.docx', { title: 'О поддержке семей' }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { review: { id: string; title: string; sourceName: string }; report: { format: string } };
    expect(body.review.title).toBe('О поддержке семей');
    expect(body.review.sourceName).toBe('Проект закона.docx');
    expect(body.report.format).toBe('docx');
    const stored = server.tendik.ctx.db.prepare('SELECT pm_doc FROM review_imports WHERE review_id = ?').get(body.review.id) as { pm_doc: string };
    expect(stored.pm_doc).toContain('Статья 1. Основные понятия');
    expect(stored.pm_doc).toContain('Статья 2. Сфера действия');
  });

  it('shows a path-traversal file name only as a harmless display name', async () => {
    const res = await api(server, secretary, '/api/reviews', {
      method: 'POST',
      body: form(new Blob([DRAFT_TEXT]), '../../../etc/passwd\u202E.txt'),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { review: { sourceName: string } };
    expect(body.review.sourceName).toBe('passwd.txt');
  });

  it('previews without storing anything', async () => {
    const before = reviewCount(server);
    const res = await api(server, secretary, '/api/import/preview', { method: 'POST', body: form(await numberedDocx(), 'p.docx') });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { outline: Array<{ kind: string; label: string; title: string | null; children: unknown[] }>; report: { format: string; paragraphs: number } };
    const flat = (nodes: typeof body.outline): typeof body.outline => nodes.flatMap((n) => [n, ...flat(n.children as typeof body.outline)]);
    expect(flat(body.outline).filter((n) => n.kind === 'article').map((n) => n.title)).toEqual(['Основные понятия', 'Сфера действия']);
    expect(body.report).toMatchObject({ format: 'docx', paragraphs: 4 });
    expect(reviewCount(server)).toBe(before);
  });

  it('the preview lists what the import read differently from the printed lines, and the contract keeps that list for the browser', async () => {
    const wrapped = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'wrapped-ru.txt'));
    const res = await api(server, secretary, '/api/import/preview', { method: 'POST', body: form(new Blob([wrapped]), 'wrapped.txt') });
    expect(res.status).toBe(200);
    const answer = contract.previewImport.response.parse(await res.json());
    expect(answer.report.repairs?.some((r) => r.code === 'lines_joined')).toBe(true);
    expect(answer.report.repairs?.every((r) => r.message.ru && r.message.ky && r.message.en)).toBe(true);
  });

  it('refuses an expert (403) and an anonymous user (401) with coded errors', async () => {
    const before = reviewCount(server);
    const asExpert = await api(server, expert, '/api/reviews', { method: 'POST', body: form(new Blob([DRAFT_TEXT]), 'a.txt') });
    expect(asExpert.status).toBe(403);
    expect(((await asExpert.json()) as ErrorBody).error.code).toBe('FORBIDDEN');
    const anonymous = await api(server, null, '/api/reviews', { method: 'POST', body: form(new Blob([DRAFT_TEXT]), 'a.txt') });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ErrorBody).error.code).toBe('AUTH_REQUIRED');
    const preview = await api(server, expert, '/api/import/preview', { method: 'POST', body: form(new Blob([DRAFT_TEXT]), 'a.txt') });
    expect(preview.status).toBe(403);
    expect(reviewCount(server)).toBe(before);
  });

  it('requires the CSRF header of the session', async () => {
    const res = await fetch(`${server.url}/api/reviews`, {
      method: 'POST',
      headers: { cookie: secretary.cookie },
      body: form(new Blob([DRAFT_TEXT]), 'a.txt'),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.code).toBe('CSRF_FAILED');
  });

  it('answers bad input with its own code in the user language and stores nothing', async () => {
    const before = reviewCount(server);
    const cases: Array<{ bytes: Uint8Array<ArrayBuffer>; name: string; code: string; status: number }> = [
      { bytes: new Uint8Array(0), name: 'empty.txt', code: 'IMPORT_EMPTY', status: 422 },
      { bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), name: 'broken.docx', code: 'IMPORT_DOCX_CORRUPT', status: 422 },
      { bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), name: 'junk.docx', code: 'IMPORT_BINARY', status: 415 },
      { bytes: new TextEncoder().encode('%PDF-1.7\n...'), name: 'draft.pdf', code: 'IMPORT_UNSUPPORTED_FORMAT', status: 415 },
    ];
    for (const c of cases) {
      const res = await api(server, secretary, '/api/reviews?lang=ky', { method: 'POST', body: form(new Blob([c.bytes]), c.name) });
      expect(res.status, c.name).toBe(c.status);
      const body = (await res.json()) as ErrorBody & { error: { messages: { ky: string } } };
      expect(body.error.code, c.name).toBe(c.code);
      expect(body.error.message).toBe(body.error.messages.ky);
    }
    const noFile = await api(server, secretary, '/api/reviews', { method: 'POST', body: (() => { const f = new FormData(); f.set('title', 'x'); return f; })() });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as ErrorBody).error.code).toBe('IMPORT_NO_FILE');
    const badDeadline = await api(server, secretary, '/api/reviews', { method: 'POST', body: form(new Blob([DRAFT_TEXT]), 'a.txt', { deadline: '2026-02-31' }) });
    expect(((await badDeadline.json()) as ErrorBody).error.code).toBe('IMPORT_BAD_FIELD');
    // A committee is the code readers' accounts carry: a name typed instead could never be issued to.
    const badCommittee = await api(server, secretary, '/api/reviews', { method: 'POST', body: form(new Blob([DRAFT_TEXT]), 'a.txt', { committee: 'Комитет по социальной политике' }) });
    expect(badCommittee.status).toBe(400);
    const committeeError = (await badCommittee.json()) as ErrorBody & { error: { messages: { ru: string } } };
    expect(committeeError.error.code).toBe('IMPORT_BAD_FIELD');
    expect(committeeError.error.messages.ru).toContain('«committee»');
    expect(reviewCount(server)).toBe(before);
  });

  it('cuts off a 200 MB upload while it streams, answers 413 and stays up', async () => {
    const before = reviewCount(server);
    const boundary = '----tendik-test-boundary';
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    );
    const chunk = new Uint8Array(MB).fill(0x61);
    const total = 200;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      pull(controller) {
        if (sent >= total) {
          controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
          controller.close();
          return;
        }
        sent++;
        controller.enqueue(chunk);
      },
    });
    const headers = new Headers({ 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: secretary.cookie, 'x-csrf-token': secretary.csrfToken });
    const res = await fetch(`${server.url}/api/reviews`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.code).toBe('IMPORT_TOO_LARGE');
    // Refused long before the end: the server stopped reading instead of swallowing 200 MB.
    expect(sent).toBeLessThan(total / 2);
    expect(reviewCount(server)).toBe(before);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('survives a client that disconnects in the middle of an upload', async () => {
    const before = reviewCount(server);
    const boundary = '----tendik-abort';
    const controller = new AbortController();
    let chunks = 0;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n`));
      },
      async pull(c) {
        chunks++;
        if (chunks === 3) {
          controller.abort();
          return;
        }
        c.enqueue(new TextEncoder().encode('Статья 1. Текст\n'.repeat(1000)));
        await new Promise((r) => setTimeout(r, 20));
      },
    });
    const headers = new Headers({ 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: secretary.cookie, 'x-csrf-token': secretary.csrfToken });
    await expect(fetch(`${server.url}/api/reviews`, { method: 'POST', headers, body, duplex: 'half', signal: controller.signal } as RequestInit)).rejects.toThrow();
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(reviewCount(server)).toBe(before);
  });

  it('refuses at once an upload whose Content-Length is over the limit', async () => {
    const res = await api(server, secretary, '/api/reviews', { method: 'POST', body: form(new Blob([new Uint8Array(3 * MB)]), 'big.txt') });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.code).toBe('IMPORT_TOO_LARGE');
  });
});
