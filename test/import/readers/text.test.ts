import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readText } from '../../../server/import/readers/text';

const SAMPLE = 'Проект\r\nЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ\r\n\r\nСтатья 1.\tОсновные  понятия\r\n1-берене. Өкүлчүлүк\n';
const EXPECTED = ['Проект', 'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ', 'Статья 1. Основные понятия', '1-берене. Өкүлчүлүк'];

describe('plain-text reader: encodings', () => {
  it('reads UTF-8 without a BOM and keeps the real line numbers', () => {
    const source = readText(new TextEncoder().encode(SAMPLE));
    expect(source).toMatchObject({ format: 'text', encoding: 'utf-8', warnings: [] });
    expect(source.paragraphs.map((p) => p.text)).toEqual(EXPECTED);
    expect(source.paragraphs.map((p) => p.line)).toEqual([1, 2, 4, 5]);
  });

  it('reads UTF-8 with a BOM, and UTF-16 LE/BE with a BOM', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    expect(readText(bom).paragraphs.map((p) => p.text)).toEqual(EXPECTED);
    expect(readText(bom).encoding).toBe('utf-8');
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(SAMPLE, 'utf16le')]);
    expect(readText(le)).toMatchObject({ encoding: 'utf-16le' });
    expect(readText(le).paragraphs.map((p) => p.text)).toEqual(EXPECTED);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(SAMPLE, 'utf16le').swap16()]);
    expect(readText(be)).toMatchObject({ encoding: 'utf-16be' });
    expect(readText(be).paragraphs.map((p) => p.text)).toEqual(EXPECTED);
  });

  it('recognises UTF-16 written without a BOM', () => {
    const le = readText(new Uint8Array(Buffer.from(SAMPLE, 'utf16le')));
    expect(le).toMatchObject({ encoding: 'utf-16le' });
    expect(le.paragraphs.map((p) => p.text)).toEqual(EXPECTED);
    expect(le.warnings.map((w) => w.code)).toEqual(['encoding_guessed']);
    const be = readText(new Uint8Array(Buffer.from(SAMPLE, 'utf16le').swap16()));
    expect(be.paragraphs.map((p) => p.text)).toEqual(EXPECTED);
  });

  it('decodes Windows-1251 (Russian) and reports the guessed encoding', () => {
    const ru = 'Статья 1. Женщинам, имеющим детей до трех лет, предоставляется отпуск.\nСтатья 2. Квота 30 процентов.';
    const source = readText(new Uint8Array(iconv.encode(ru, 'windows-1251')));
    expect(source.encoding).toBe('windows-1251');
    expect(source.paragraphs.map((p) => p.text)).toEqual(ru.split('\n'));
    expect(source.warnings).toHaveLength(1);
    expect(source.warnings[0]!.code).toBe('encoding_guessed');
    expect(source.warnings[0]!.message.ru).toMatch(/Windows-1251/);
  });

  it('normalises to NFC and drops invisible characters', () => {
    const decomposed = 'Статья 1. Й'.normalize('NFD') + '\u00AD\u200B текст';
    const source = readText(new TextEncoder().encode(decomposed));
    expect(source.paragraphs[0]!.text).toBe('Статья 1. Й текст');
    expect(source.paragraphs[0]!.text).toBe(source.paragraphs[0]!.text.normalize('NFC'));
  });
});
