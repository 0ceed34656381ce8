import type { SourceFormat } from '../../../shared/import-report';
import { ImportErrors } from '../errors';
import { bomEncoding, sniffUtf16WithoutBom } from './encoding';
import { looksLikeMht } from './mht';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Formats recognised by their first bytes that Tendik does not read, with the name the user knows. */
const FOREIGN_MAGIC: Array<{ magic: number[]; name: string }> = [
  { magic: [0x25, 0x50, 0x44, 0x46], name: 'PDF' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'RTF' },
  { magic: [0x89, 0x50, 0x4e, 0x47], name: 'PNG' },
  { magic: [0xff, 0xd8, 0xff], name: 'JPEG' },
  { magic: [0x47, 0x49, 0x46, 0x38], name: 'GIF' },
  { magic: [0x49, 0x49, 0x2a, 0x00], name: 'TIFF' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], name: 'TIFF' },
  { magic: [0x52, 0x61, 0x72, 0x21], name: 'RAR' },
  { magic: [0x1f, 0x8b], name: 'GZIP' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], name: '7Z' },
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function extension(name: string | undefined): string {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name ?? '');
  return match ? match[1]!.toLowerCase() : '';
}

/** An OLE compound file holding an "EncryptedPackage" stream is a password-protected Office file. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  const marker = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker);
}

/**
 * Binary data has NUL bytes or many control characters; text in any 8-bit encoding or UTF-8 has neither.
 * UTF-16 without a BOM would fail this test, so it is recognised before (sniffUtf16WithoutBom).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control++;
  }
  return control > sample.length * 0.02;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1').trimStart().toLowerCase();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body|meta|p[\s>]|div|h[1-6][\s>])/.test(head);
}

/**
 * The format of an upload, decided by its bytes first and its name second: a renamed file is read for
 * what it is, and what cannot be read is refused with the reason (password, legacy or foreign format,
 * binary junk).
 */
export function detectFormat(bytes: Uint8Array, fileName?: string): SourceFormat {
  if (bytes.length === 0) throw ImportErrors.IMPORT_EMPTY();
  const ext = extension(fileName);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (['odt', 'xlsx', 'pptx', 'zip'].includes(ext)) throw ImportErrors.IMPORT_UNSUPPORTED_FORMAT({ format: ext.toUpperCase() });
    return 'docx';
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    if (isEncryptedOffice(bytes) || ext === 'docx') throw ImportErrors.IMPORT_DOCX_ENCRYPTED();
    throw ImportErrors.IMPORT_UNSUPPORTED_FORMAT({ format: ext === 'xls' ? 'XLS' : 'DOC (Word 97–2003)' });
  }
  for (const { magic, name } of FOREIGN_MAGIC) if (startsWith(bytes, magic)) throw ImportErrors.IMPORT_UNSUPPORTED_FORMAT({ format: name });
  const bom = bomEncoding(bytes);
  if (bom && bom.encoding !== 'utf-8') {
    const text = new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length, 4096));
    return /^\s*<(!doctype html|html|head|body|meta)/i.test(text) || ext === 'html' || ext === 'htm' ? 'html' : 'text';
  }
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes.subarray(0, 4096));
    return /^\s*<(!doctype html|html|head|body|meta)/i.test(text) || ext === 'html' || ext === 'htm' ? 'html' : 'text';
  }
  if (looksBinary(bytes)) throw ImportErrors.IMPORT_BINARY();
  if (['html', 'htm', 'xhtml', 'mht', 'mhtml'].includes(ext) || looksLikeHtml(bom ? bytes.subarray(3) : bytes) || looksLikeMht(bytes)) return 'html';
  return 'text';
}
