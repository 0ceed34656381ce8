import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isTendikError } from '../../../shared/errors';
import { importDraft } from '../../../server/import/import-draft';
import { rawDocx, p } from '../helpers/docx-build';
import { deflateBomb, deflateBombSize, rawZip } from '../helpers/zip-bomb';

const MB = 1024 * 1024;
const GB = 1024 * MB;
const OPTIONS = { maxInflatedBytes: 100 * MB };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const BOMB_PREFIX = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>a`;

function refusal(bytes: Uint8Array, fileName?: string, options = OPTIONS): { code: string; status: number; ru: string; ky: string; en: string } {
  try {
    importDraft(bytes, { ...options, fileName });
  } catch (err) {
    if (!isTendikError(err)) throw err;
    return { code: err.code, status: err.status, ...err.toJSON('ru').error.messages };
  }
  throw new Error('expected the import to be refused');
}

function packageWith(documentXml: Uint8Array, method: 0 | 8, declaredSize: number, flags = 0): Uint8Array {
  const rels = strToU8(
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  return rawZip([
    { name: '_rels/.rels', data: rels, method: 0, declaredSize: rels.length },
    { name: 'word/document.xml', data: documentXml, method, declaredSize, flags },
  ]);
}

describe('bad input: every refusal has its own code and a message in ru/ky/en', () => {
  it('empty file', () => {
    const r = refusal(new Uint8Array(0), 'draft.docx');
    expect(r.code).toBe('IMPORT_EMPTY');
    expect(r.ru).toMatch(/пуст/);
    expect(r.ky).toMatch(/бош/);
    expect(r.en).toMatch(/empty/);
  });

  it('a zip bomb with an honest header is refused from the central directory, before inflating', () => {
    const data = deflateBomb(BOMB_PREFIX, GB);
    const r = refusal(packageWith(data, 8, deflateBombSize(BOMB_PREFIX, GB)), 'bomb.docx');
    expect(r.code).toBe('IMPORT_ZIP_BOMB');
    expect(r.en).toMatch(/100 MB/);
  });

  it('a zip bomb that lies about its size is stopped while inflating', () => {
    const data = deflateBomb(BOMB_PREFIX, GB);
    const before = process.memoryUsage().arrayBuffers;
    const r = refusal(packageWith(data, 8, 4096), 'bomb.docx');
    expect(r.code).toBe('IMPORT_ZIP_BOMB');
    // The 1 GB was never materialised: far less than the bomb's size was allocated.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(200 * MB);
  });

  it('a zip bomb made by DEFLATE level 9 from repeated text, within a smaller budget', () => {
    const line = '<w:p><w:r><w:t>Статья. Женщины и мужчины равны.</w:t></w:r></w:p>'.repeat(2000);
    const body = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${line.repeat(40)}</w:body></w:document>`;
    const zipped = zipSync({ 'word/document.xml': [strToU8(body), { level: 9 }] });
    expect(zipped.length).toBeLessThan(body.length / 50);
    const r = refusal(zipped, 'bomb.docx', { maxInflatedBytes: 1 * MB });
    expect(r.code).toBe('IMPORT_ZIP_BOMB');
  });

  it('a password-protected DOCX (OLE compound file with an EncryptedPackage)', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
    for (const name of ['draft.docx', 'whatever.bin']) expect(refusal(ole, name).code).toBe('IMPORT_DOCX_ENCRYPTED');
    expect(refusal(ole, 'draft.docx').ru).toMatch(/паролем/);
  });

  it('a ZIP entry with the encryption flag', () => {
    const xml = strToU8(`<w:document xmlns:w="${W}"><w:body>${p('Текст')}</w:body></w:document>`);
    expect(refusal(packageWith(xml, 0, xml.length, 1), 'x.docx').code).toBe('IMPORT_DOCX_ENCRYPTED');
  });

  it('a legacy Word 97–2003 .doc is an unsupported format, not a password', () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = refusal(ole, 'old.doc');
    expect(r.code).toBe('IMPORT_UNSUPPORTED_FORMAT');
    expect(r.en).toMatch(/DOC/);
  });

  it('corrupt DOCX: truncated, bad compressed data, missing document.xml, broken XML', async () => {
    const good = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Статья 1. Текст')] }] })));
    expect(importDraft(good, OPTIONS).report.paragraphs).toBe(1);
    expect(refusal(good.subarray(0, Math.floor(good.length / 2)), 'cut.docx').code).toBe('IMPORT_DOCX_CORRUPT');
    const garbage = Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256);
    expect(refusal(packageWith(garbage, 8, 5000), 'g.docx').code).toBe('IMPORT_DOCX_CORRUPT');
    const noDocument = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/styles.xml': strToU8('<w:styles/>') });
    const missing = refusal(noDocument, 'x.docx');
    expect(missing.code).toBe('IMPORT_DOCX_CORRUPT');
    expect(missing.en).toMatch(/word\/document\.xml missing/);
    const broken = zipSync({ 'word/document.xml': strToU8(`<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Текст</w:r></w:body>`) });
    expect(refusal(broken, 'x.docx').code).toBe('IMPORT_DOCX_CORRUPT');
  });

  it('an image-only document has no text', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 600, height: 800 } })] })] }] });
    const r = refusal(new Uint8Array(await Packer.toBuffer(doc)), 'scan.docx');
    expect(r.code).toBe('IMPORT_NO_TEXT');
    expect(r.ru).toMatch(/скан/);
    expect(refusal(new TextEncoder().encode(' \r\n\t\r\n '), 'blank.txt').code).toBe('IMPORT_NO_TEXT');
    expect(refusal(new TextEncoder().encode('<html><body><img src="scan.png"></body></html>'), 'scan.html').code).toBe('IMPORT_NO_TEXT');
    expect(refusal(rawDocx({ body: '<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>' }), 'empty.docx').code).toBe('IMPORT_NO_TEXT');
  });

  it('binary junk renamed .docx, and foreign formats', () => {
    const junk = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7919 + (i >> 3)) % 256);
    expect(refusal(junk, 'draft.docx').code).toBe('IMPORT_BINARY');
    expect(refusal(junk, 'draft.txt').status).toBe(415);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    expect(refusal(new Uint8Array(png), 'draft.docx')).toMatchObject({ code: 'IMPORT_UNSUPPORTED_FORMAT' });
    expect(refusal(new TextEncoder().encode('%PDF-1.4\n%âãÏÓ'), 'draft.pdf').en).toMatch(/PDF/);
  });

  it('other office files in a ZIP are named in the refusal', () => {
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<office:document-content/>') });
    const r = refusal(odt, 'draft.docx');
    expect(r.code).toBe('IMPORT_UNSUPPORTED_FORMAT');
    expect(r.en).toMatch(/ODT/);
    expect(refusal(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), 'table.docx').en).toMatch(/XLSX/);
  });

  it('a binary table of small numbers is not mistaken for UTF-16 text', () => {
    const table = new Uint8Array(new Uint16Array(Array.from({ length: 4000 }, (_, i) => i % 31)).buffer);
    expect(refusal(table, 'data.txt').code).toBe('IMPORT_BINARY');
  });

  it('a plain-text file misnamed .docx is still read as text', () => {
    const result = importDraft(new TextEncoder().encode('Статья 1. Цель закона'), { ...OPTIONS, fileName: 'draft.docx' });
    expect(result.report.format).toBe('text');
  });
});
