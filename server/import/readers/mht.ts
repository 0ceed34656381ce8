import type { SourceDocument } from '../source';
import { canonicalEncoding, decodeWith } from './encoding';
import { parseHtmlInto } from './html';
import { ParagraphSink } from './paragraphs';
import { WarningSet } from './warnings';

/** A MIME HTML archive starts with mail-style headers and declares multipart/related. */
export function looksLikeMht(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  return /^(mime-version|content-type|from|subject|date|x-[\w-]+):/i.test(head.trimStart()) && /multipart\/related/i.test(head);
}

/** A .mht draft ("Web page, single file" from Word or a browser): its HTML part through the HTML reader. */
export function readMht(bytes: Uint8Array): SourceDocument {
  const part = mhtHtmlPart(bytes);
  const warnings = new WarningSet();
  const sink = new ParagraphSink();
  if (part) parseHtmlInto(part.html, sink, warnings);
  return { format: 'html', encoding: part?.encoding ?? 'utf-8', paragraphs: sink.paragraphs, warnings: warnings.list() };
}

/**
 * The HTML part of a MIME HTML archive (.mht, "Web archive, single file"), which Word also embeds in
 * DOCX files as altChunk: the first text/html part, with its transfer encoding (quoted-printable, base64)
 * and charset undone. Null when there is no HTML part.
 */
export function htmlFromMht(bytes: Uint8Array): string | null {
  return mhtHtmlPart(bytes)?.html ?? null;
}

function mhtHtmlPart(bytes: Uint8Array): { html: string; encoding: string } | null {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`) : [raw];
  for (const part of parts) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const transfer = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    const charset = canonicalEncoding(/charset="?([\w.:-]+)"?/i.exec(headers)?.[1] ?? 'utf-8') ?? 'utf-8';
    let decoded: Buffer;
    if (transfer === 'base64') decoded = Buffer.from(body.replace(/\s+/g, ''), 'base64');
    else if (transfer === 'quoted-printable')
      decoded = Buffer.from(
        body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_all, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
        'latin1',
      );
    else decoded = Buffer.from(body, 'latin1');
    return { html: decodeWith(new Uint8Array(decoded), charset), encoding: charset };
  }
  return null;
}
