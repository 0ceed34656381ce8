import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  SymbolRun,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../server/import/readers/docx';
import { p, rawDocx } from '../helpers/docx-build';

const LIMIT = { maxInflatedBytes: 50 * 1024 * 1024 };

async function pack(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

const LAW_NUMBERING = {
  config: [
    {
      reference: 'law',
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: 'Статья %1.' },
        { level: 1, format: LevelFormat.DECIMAL, text: '%2.' },
        { level: 2, format: LevelFormat.DECIMAL, text: '%3)' },
        { level: 3, format: LevelFormat.RUSSIAN_LOWER, text: '%4)' },
      ],
    },
    {
      reference: 'chapters',
      levels: [
        { level: 0, format: LevelFormat.UPPER_ROMAN, text: 'РАЗДЕЛ %1.', start: 4 },
        { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.' },
        { level: 2, format: LevelFormat.LOWER_LETTER, text: '%3)' },
      ],
    },
  ],
};

const texts = (doc: { paragraphs: Array<{ text: string }> }) => doc.paragraphs.map((x) => x.text);

describe('DOCX reader: Word automatic numbering becomes the printed text', () => {
  it('numbers articles, parts and points with restarts under the higher level', async () => {
    const n = (text: string, level: number, instance?: number) =>
      new Paragraph({ text, numbering: { reference: 'law', level, ...(instance ? { instance } : {}) } });
    const doc = new Document({
      numbering: LAW_NUMBERING,
      sections: [
        {
          children: [
            new Paragraph('ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ'),
            n('Основные понятия', 0),
            n('Первая часть', 1),
            n('первый пункт;', 2),
            n('подпункт', 3),
            n('подпункт', 3),
            n('второй пункт.', 2),
            n('Вторая часть', 1),
            n('пункт', 2),
            n('Сфера действия', 0),
            n('Часть', 1),
            new Paragraph('Статья 3. Набрано вручную'),
            n('Продолжение нумерации', 0),
          ],
        },
      ],
    });
    const source = readDocx(await pack(doc), LIMIT);
    expect(source.format).toBe('docx');
    expect(texts(source)).toEqual([
      'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
      'Статья 1. Основные понятия',
      '1. Первая часть',
      '1) первый пункт;',
      'а) подпункт',
      'б) подпункт',
      '2) второй пункт.',
      '2. Вторая часть',
      '1) пункт',
      'Статья 2. Сфера действия',
      '1. Часть',
      'Статья 3. Набрано вручную',
      'Статья 3. Продолжение нумерации',
    ]);
    expect(source.paragraphs.map((x) => x.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('honours start values, roman and letter formats, multi-level text and a restarted instance', async () => {
    const c = (text: string, level: number, instance = 1) => new Paragraph({ text, numbering: { reference: 'chapters', level, instance } });
    const doc = new Document({
      numbering: LAW_NUMBERING,
      sections: [{ children: [c('Общие', 0), c('Пункт', 1), c('Пункт', 1), c('буква', 2), c('буква', 2), c('Особые', 0), c('Пункт', 1), c('Новый список', 0, 2), c('Пункт', 1, 2)] }],
    });
    expect(texts(readDocx(await pack(doc), LIMIT))).toEqual([
      // Word prints a higher level in its own format inside %1.%2. (legal numbering, isLgl, would say 4.1.).
      'РАЗДЕЛ IV. Общие',
      'IV.1. Пункт',
      'IV.2. Пункт',
      'a) буква',
      'b) буква',
      'РАЗДЕЛ V. Особые',
      'V.1. Пункт',
      'РАЗДЕЛ IV. Новый список',
      'IV.1. Пункт',
    ]);
  });

  it('takes numbering from the paragraph style, startOverride and lvlRestart from numbering.xml', () => {
    const numbering = `
      <w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Статья %1."/><w:pStyle w:val="Article"/><w:suff w:val="space"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:lvlRestart w:val="0"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="20"/></w:lvlOverride></w:num>`;
    const styles = `
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Article"><w:name w:val="Article"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="ArticleChild"><w:basedOn w:val="Article"/></w:style>
      <w:style w:type="paragraph" w:styleId="Part"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>`;
    const body = [
      p('Цели', { style: 'Article' }),
      p('Часть', { style: 'Part' }),
      p('Часть', { style: 'Part' }),
      p('Задачи', { style: 'ArticleChild' }),
      p('Часть без перезапуска', { style: 'Part' }),
      p('маркер', { numId: 3, ilvl: 2 }),
      p('Без номера', { style: 'Article', numId: 0 }),
      p('Новая нумерация', { numId: 4, ilvl: 0 }),
      p('Далее', { numId: 4, ilvl: 0 }),
    ].join('');
    const source = readDocx(rawDocx({ body, numbering, styles }), LIMIT);
    expect(texts(source)).toEqual([
      'Статья 1. Цели',
      '1. Часть',
      '2. Часть',
      'Статья 2. Задачи',
      '3. Часть без перезапуска',
      '• маркер',
      'Без номера',
      'Статья 20. Новая нумерация',
      'Статья 21. Далее',
    ]);
    expect(source.paragraphs[0]!.hints).toMatchObject({ style: 'Article', bold: true, centered: true });
  });

  it('prints legal numbering (isLgl), zero-padded and upper-letter formats, and no separator for suff=nothing', () => {
    const numbering = `
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Раздел %1"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalZero"/><w:isLgl/><w:lvlText w:val="%1.%2."/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%3)"/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:isLgl/><w:lvlText w:val="%1.%4."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`;
    const body = [
      p('. Общий', { numId: 1, ilvl: 0 }),
      p('пункт', { numId: 1, ilvl: 1 }),
      p('буква', { numId: 1, ilvl: 2 }),
      p('буква', { numId: 1, ilvl: 2 }),
      p('рим', { numId: 1, ilvl: 3 }),
      p('рим', { numId: 1, ilvl: 3 }),
    ].join('');
    expect(texts(readDocx(rawDocx({ body, numbering }), LIMIT))).toEqual(['Раздел II. Общий', '2.01. пункт', 'A) буква', 'B) буква', '2.1. рим', '2.2. рим']);
  });
});

describe('DOCX reader: runs, revisions, tables and what is left out', () => {
  it('reads tabs, breaks, non-breaking hyphens and symbols as printed', () => {
    const body = [
      '<w:p><w:r><w:t>Статья 12</w:t></w:r><w:r><w:noBreakHyphen/><w:t>1.</w:t><w:tab/><w:t>Заголовок</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>Статья 13. Права</w:t><w:br/><w:t>Женщины и мужчины равны.</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>Текст, который</w:t><w:br/><w:t>продолжается на новой строке.</w:t></w:r></w:p>',
      '<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> пункт списка</w:t></w:r></w:p>',
      '<w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p>',
      '<w:p><w:r><w:t>Видимый</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>СКРЫТЫЙ</w:t></w:r><w:r><w:t xml:space="preserve"> текст</w:t></w:r></w:p>',
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    ].join('');
    const source = readDocx(rawDocx({ body }), LIMIT);
    expect(texts(source)).toEqual([
      'Статья 12-1. Заголовок',
      'Статья 13. Права',
      'Женщины и мужчины равны.',
      'Текст, который продолжается на новой строке.',
      '• пункт списка',
      'Видимый текст',
      '7',
    ]);
    expect(source.warnings.map((w) => w.code)).toEqual(['feature_ignored']);
    expect(source.warnings[0]!.message.en).toMatch(/Hidden/);
  });

  it('skips deleted revisions, keeps inserted ones, ignores comments and footnotes (warned once each)', async () => {
    const doc = new Document({
      comments: { children: [{ id: 0, author: 'Эксперт', date: new Date(0), children: [new Paragraph('ЗАМЕЧАНИЕ ЭКСПЕРТА')] }] },
      footnotes: { 1: { children: [new Paragraph('ТЕКСТ СНОСКИ')] } },
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('КОЛОНТИТУЛ СВЕРХУ')] }) },
          footers: { default: new Footer({ children: [new Paragraph('КОЛОНТИТУЛ СНИЗУ')] }) },
          children: [
            new Paragraph({
              children: [
                new TextRun('Пособие выплачивается '),
                new DeletedTextRun({ text: 'женщинам', id: 1, author: 'A', date: '2026-01-01T00:00:00Z' }),
                new InsertedTextRun({ text: 'родителям', id: 2, author: 'A', date: '2026-01-01T00:00:00Z' }),
                new TextRun(' до трех лет.'),
              ],
            }),
            new Paragraph({
              children: [new CommentRangeStart(0), new TextRun('Комиссия из пяти членов.'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })],
            }),
            new Paragraph({ children: [new TextRun('Квота 30 процентов'), new FootnoteReferenceRun(1), new TextRun('.')] }),
            new Paragraph({ children: [new CommentRangeStart(1), new TextRun('Ещё'), new CommentRangeEnd(1)] }),
          ],
        },
      ],
    });
    const source = readDocx(await pack(doc), LIMIT);
    expect(texts(source)).toEqual(['Пособие выплачивается родителям до трех лет.', 'Комиссия из пяти членов.', 'Квота 30 процентов.', 'Ещё']);
    const all = JSON.stringify(source.paragraphs);
    for (const leaked of ['ЗАМЕЧАНИЕ', 'СНОСКИ', 'КОЛОНТИТУЛ', 'женщинам']) expect(all).not.toContain(leaked);
    const ignored = source.warnings.filter((w) => w.code === 'feature_ignored');
    expect(ignored).toHaveLength(3);
    expect(ignored.map((w) => w.message.en).join(' ')).toMatch(/tracked changes.*comments.*[Ff]ootnotes/s);
    expect(ignored[1]!.location.line).toBe(2);
  });

  it('drops a paragraph deleted as a whole, number included, so the list numbers on as Word shows it', () => {
    const numbering = `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Статья %1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`;
    const numPr = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';
    const body = [
      p('Первая', { numId: 1, ilvl: 0 }),
      `<w:p><w:pPr>${numPr}<w:rPr><w:del w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr><w:del w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>Удалённая статья</w:delText></w:r></w:del></w:p>`,
      `<w:p><w:pPr>${numPr}</w:pPr><w:ins w:id="3" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:t>Вставленная</w:t></w:r></w:ins></w:p>`,
    ].join('');
    const source = readDocx(rawDocx({ body, numbering }), LIMIT);
    expect(texts(source)).toEqual(['Статья 1. Первая', 'Статья 2. Вставленная']);
  });

  it('ignores old properties of tracked formatting changes and skips the table of contents', () => {
    const numbering = `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Статья %1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`;
    const styles = `<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style><w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/></w:style>`;
    const body = [
      p('Статья 1. Цели ........ 2', { style: 'TOC1' }),
      p('Статья 2. Понятия ........ 3', { style: 'TOC1' }),
      // The paragraph was numbered before the change; now it is plain body text.
      `<w:p><w:pPr><w:pStyle w:val="Body"/><w:pPrChange w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Текст без номера</w:t></w:r></w:p>`,
      p('Цели', { numId: 1, ilvl: 0 }),
    ].join('');
    const source = readDocx(rawDocx({ body, numbering, styles }), LIMIT);
    expect(texts(source)).toEqual(['Текст без номера', 'Статья 1. Цели']);
    expect(source.warnings.map((w) => w.message.en)).toContain('The table of contents was skipped: it repeats the headings.');
  });

  it('reads embedded HTML and MHT chunks (altChunk) in their place, scripts removed', () => {
    const chunkType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk';
    const html = new Uint8Array(iconv.encode('<html><head><meta charset="windows-1251"></head><body><p>Статья 2. Из HTML</p><script>alert(1)</script></body></html>', 'windows-1251'));
    const qp = Buffer.from('<p>Статья 3. Из MHT</p>', 'utf8').toString('hex').replace(/(..)/g, '=$1').toUpperCase();
    const mht = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="----=_NextPart"',
      '',
      '------=_NextPart',
      'Content-Type: text/html; charset="utf-8"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      qp.replace(/(.{60})/g, '$1=\r\n'),
      '------=_NextPart--',
      '',
    ].join('\r\n');
    const body = [p('Статья 1. Из Word'), '<w:altChunk r:id="rIdA"/>', '<w:altChunk r:id="rIdB"/>', '<w:altChunk r:id="rIdC"/>', p('Статья 4. Снова Word')].join('');
    const source = readDocx(
      rawDocx({
        body,
        rels: `<Relationship Id="rIdA" Type="${chunkType}" Target="chunk1.htm"/><Relationship Id="rIdB" Type="${chunkType}" Target="chunk2.mht"/><Relationship Id="rIdC" Type="${chunkType}" Target="chunk3.rtf"/>`,
        extra: { 'word/chunk1.htm': html, 'word/chunk2.mht': mht, 'word/chunk3.rtf': '{\\rtf1 x}' },
      }),
      LIMIT,
    );
    expect(texts(source)).toEqual(['Статья 1. Из Word', 'Статья 2. Из HTML', 'Статья 3. Из MHT', 'Статья 4. Снова Word']);
    expect(source.paragraphs.map((x) => x.line)).toEqual([1, 2, 3, 4]);
    expect(source.warnings.map((w) => w.code).sort()).toEqual(['content_removed', 'feature_ignored']);
  });

  it('reads table cells in order', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Перед таблицей'),
            new Table({ rows: [new TableRow({ children: [cell('A1'), cell('B1')] }), new TableRow({ children: [cell('A2'), cell('B2')] })] }),
            new Paragraph({ children: [new SymbolRun('F0B7'), new TextRun(' После')] }),
          ],
        },
      ],
    });
    expect(texts(readDocx(await pack(doc), LIMIT))).toEqual(['Перед таблицей', 'A1', 'B1', 'A2', 'B2', '• После']);
  });

  it('reports images and keeps the text around them', async () => {
    const png = Uint8Array.from(
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
    );
    const doc = new Document({
      sections: [{ children: [new Paragraph('Текст'), new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 } })] })] }],
    });
    const source = readDocx(await pack(doc), LIMIT);
    expect(texts(source)).toEqual(['Текст']);
    expect(source.warnings.map((w) => w.message.en)).toEqual(['Images and drawings are not imported.']);
  });
});
