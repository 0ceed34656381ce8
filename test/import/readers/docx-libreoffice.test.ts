import { Document, LevelFormat, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../server/import/readers/docx';
import { p, rawDocx } from '../helpers/docx-build';
import { sofficeAvailable, sofficeTexts } from '../helpers/soffice-text';

const LIMIT = { maxInflatedBytes: 50 * 1024 * 1024 };

async function lawDocx(): Promise<Uint8Array> {
  const n = (text: string, level: number, instance = 1) => new Paragraph({ text, numbering: { reference: 'law', level, instance } });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'law',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: 'Статья %1.', start: 3 },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2.' },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3)' },
            { level: 3, format: LevelFormat.LOWER_LETTER, text: '%4)' },
            { level: 4, format: LevelFormat.UPPER_ROMAN, text: '%5.' },
          ],
        },
        { reference: 'ru', levels: [{ level: 0, format: LevelFormat.RUSSIAN_LOWER, text: '%1)' }] },
      ],
    },
    sections: [
      {
        children: [
          n('Цели', 0),
          n('Часть', 1),
          n('пункт', 2),
          n('подпункт', 3),
          n('подпункт', 3),
          n('пункт', 2),
          n('Часть', 1),
          n('Понятия', 0),
          n('Часть', 1),
          n('пункт', 2),
          n('римский', 4),
          n('римский', 4),
          n('Новый список', 0, 2),
          n('Часть', 1, 2),
          // The whole Russian letter sequence (after «я» Word and LibreOffice differ, so it stops there).
          ...Array.from({ length: 29 }, (_, i) => new Paragraph({ text: `буква ${i + 1}`, numbering: { reference: 'ru', level: 0 } })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function styledDocx(): Uint8Array {
  const numbering = `
    <w:abstractNum w:abstractNumId="7">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Статья %1."/><w:pStyle w:val="Article"/><w:suff w:val="space"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/><w:suff w:val="space"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
    <w:num w:numId="4"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="20"/></w:lvlOverride></w:num>`;
  const styles = `
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Article"><w:name w:val="Article"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Part"><w:name w:val="Part"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>`;
  const body = [
    p('Цели', { style: 'Article' }),
    p('Часть', { style: 'Part' }),
    p('Часть', { style: 'Part' }),
    p('Задачи', { style: 'Article' }),
    p('Часть', { style: 'Part' }),
    p('Новая нумерация', { numId: 4, ilvl: 0 }),
    p('Часть', { numId: 4, ilvl: 1 }),
  ].join('');
  return rawDocx({ body, numbering, styles });
}

/** Two list instances of one definition continue each other; a third overrides start and the level itself. */
function sharedDefinitionDocx(): Uint8Array {
  const numbering = `
    <w:abstractNum w:abstractNumId="7">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Статья %1."/><w:suff w:val="space"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/><w:suff w:val="space"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
    <w:num w:numId="5"><w:abstractNumId w:val="7"/></w:num>
    <w:num w:numId="6"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/><w:lvl w:ilvl="0"><w:start w:val="7"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Глава %1."/><w:suff w:val="space"/></w:lvl></w:lvlOverride></w:num>`;
  const body = [
    p('Цели', { numId: 3, ilvl: 0 }),
    p('пункт', { numId: 3, ilvl: 1 }),
    p('Понятия', { numId: 5, ilvl: 0 }),
    p('пункт', { numId: 5, ilvl: 1 }),
    p('Сфера', { numId: 3, ilvl: 0 }),
    p('Общие положения', { numId: 6, ilvl: 0 }),
    p('Особые положения', { numId: 6, ilvl: 0 }),
    p('пункт', { numId: 6, ilvl: 1 }),
  ].join('');
  return rawDocx({ body, numbering });
}

describe.runIf(sofficeAvailable())('DOCX numbering agrees with LibreOffice', () => {
  it('prints the same numbers as LibreOffice lays out', async () => {
    const docs = { law: await lawDocx(), styled: styledDocx(), shared: sharedDefinitionDocx() };
    const oracle = await sofficeTexts(docs);
    for (const [name, bytes] of Object.entries(docs)) {
      const ours = readDocx(bytes, LIMIT).paragraphs.map((x) => x.text);
      expect(ours, name).toEqual(oracle[name]);
    }
    // And the oracle did print numbers, so the comparison means something.
    expect(oracle.law).toContain('Статья 3. Цели');
    expect(oracle.law).toContain('я) буква 29');
    expect(oracle.styled).toContain('Статья 20. Новая нумерация');
    expect(oracle.shared).toEqual(['Статья 1. Цели', '1) пункт', 'Статья 2. Понятия', '1) пункт', 'Статья 3. Сфера', 'Глава I. Общие положения', 'Глава II. Особые положения', '1) пункт']);
  });
});
