import { canonicalEncoding, decodeWith } from './encoding';

/**
 * The HTML part of a MIME HTML archive (.mht, "Web archive, single file"), which Word also embeds in
 * DOCX files as altChunk: the first text/html part, with its transfer encoding (quoted-printable, base64)
 * and charset undone. Null when there is no HTML part.
 */
export function htmlFromMht(bytes: Uint8Array): string | null {
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
    return decodeWith(new Uint8Array(decoded), charset);
  }
  return null;
}
