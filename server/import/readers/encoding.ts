import iconv from 'iconv-lite';
import jschardet from 'jschardet';

export interface DecodedText {
  text: string;
  /** Canonical name: 'utf-8', 'utf-16le', 'utf-16be', 'windows-1251', … */
  encoding: string;
  /** True when nothing in the file declared the encoding and it was inferred from the bytes. */
  guessed: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function bomEncoding(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2])
    return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 written without a BOM: one byte of every pair is zero for Latin and, for Cyrillic (U+04xx),
 * the high byte is 0x04. Recognised by the share of zero or 0x04 bytes on one side only.
 */
export function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenHigh = 0;
  let oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 || bytes[i] === 4) evenHigh++;
    if (bytes[i + 1] === 0 || bytes[i + 1] === 4) oddHigh++;
  }
  const pairs = n / 2;
  const guess = oddHigh > pairs * 0.9 && evenHigh < pairs * 0.1 ? 'utf-16le' : evenHigh > pairs * 0.9 && oddHigh < pairs * 0.1 ? 'utf-16be' : null;
  if (!guess) return null;
  // Binary tables of small numbers have the same zero pattern; text has almost no control characters.
  const sample = new TextDecoder(guess).decode(bytes.subarray(0, n));
  // eslint-disable-next-line no-control-regex
  const control = sample.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return control <= sample.length * 0.02 ? guess : null;
}

/** The text when the bytes are valid UTF-8, else null (one pass: validation and decoding together). */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Normalises a declared charset label; null when iconv-lite does not know it. */
export function canonicalEncoding(label: string): string | null {
  const lower = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const aliases: Record<string, string> = {
    utf8: 'utf-8',
    'utf-8': 'utf-8',
    cp1251: 'windows-1251',
    'windows-1251': 'windows-1251',
    'win-1251': 'windows-1251',
    'x-cp1251': 'windows-1251',
    'koi8-r': 'koi8-r',
    'iso-8859-1': 'windows-1252', // as browsers do (WHATWG encoding standard)
    'us-ascii': 'windows-1252',
  };
  const name = aliases[lower] ?? lower;
  return iconv.encodingExists(name) ? name : null;
}

export function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Share of Cyrillic letters among all letters: Russian or Kyrgyz text decoded right is mostly Cyrillic. */
export function cyrillicShare(text: string): number {
  let letters = 0;
  let cyrillic = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x0400 && code <= 0x04ff) {
      cyrillic++;
      letters++;
    } else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)) letters++;
  }
  return letters === 0 ? 0 : cyrillic / letters;
}

/**
 * Plain-text decoding as Kyrgyz drafts arrive: a BOM wins; valid UTF-8 is UTF-8 (ASCII included);
 * otherwise Windows-1251, the encoding of Cyrillic Windows, when the result reads as Cyrillic; else what
 * jschardet recognises, falling back to Windows-1251 (reported as guessed either way).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    const text = bom.encoding === 'utf-8' ? new TextDecoder('utf-8').decode(body) : new TextDecoder(bom.encoding).decode(body);
    return { text, encoding: bom.encoding, guessed: false };
  }
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, guessed: true };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', guessed: false };
  const cp1251 = decodeWith(bytes, 'windows-1251');
  if (cyrillicShare(cp1251) >= 0.5) return { text: cp1251, encoding: 'windows-1251', guessed: true };
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64 * 1024));
  const detected = jschardet.detect(sample);
  const name = detected.encoding ? canonicalEncoding(detected.encoding) : null;
  if (name && name !== 'utf-8' && (detected.confidence ?? 0) >= 0.5)
    return { text: decodeWith(bytes, name), encoding: name, guessed: true };
  return { text: cp1251, encoding: 'windows-1251', guessed: true };
}
