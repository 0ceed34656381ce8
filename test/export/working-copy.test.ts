import { describe, expect, it } from 'vitest';
import { packWorkingCopy } from '../../server/export/working-copy-docx';
import { revisedUnit, unquoteWording, wordEdits } from '../../server/export/unit-revision';
import { locateQuote, type Edit } from '../../server/export/working-copy-plan';
import { expectOpensInLibreOffice, expectWellFormedPackage } from './expect-docx';
import { decodeXml, draftTree, finding, paragraphTexts, reviewModel } from './fixtures';

describe('working copy planning', () => {
  it('finds the quoted words among repeats by their context', () => {
    const text = 'мать и мать и мать';
    expect(locateQuote(text, { exact: 'мать', prefix: 'мать и ', suffix: ' и мать' })).toEqual({ start: 7, end: 11 });
    expect(locateQuote(text, { exact: 'мать', prefix: '', suffix: '' })).toEqual({ start: 0, end: 4 });
    expect(locateQuote(text, { exact: 'отец', prefix: '', suffix: '' })).toBeNull();
  });

});

/** What Word makes of a unit's tracked changes: Accept all. */
function accepted(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.insert + out.slice(e.end);
  return out;
}

describe('one unit under its proposed wordings (unit-revision.ts)', () => {
  const at = (n: number) => Date.UTC(2026, 10, n);

  it('a restatement replaces the whole unit, keeping its number when the expert left it out, never inserted in place of the quote', () => {
    const text = '1. Для заключения брака необходимы взаимное добровольное согласие мужчины и женщины, вступающих в брак, и достижение ими брачного возраста.';
    const wording = 'Для заключения брака необходимы взаимное добровольное согласие лиц, вступающих в брак, и достижение ими брачного возраста.';
    const quote = { start: text.indexOf('мужчины и женщины'), end: text.indexOf('мужчины и женщины') + 'мужчины и женщины'.length };
    expect(revisedUnit(text, [{ wording, quote, at: at(1) }])).toBe(`1. ${wording}`);
    expect(revisedUnit(text, [{ wording: `1. ${wording}`, quote, at: at(1) }])).toBe(`1. ${wording}`);
  });

  it('the law keeps the words around the quote that the wording repeats, once, with its own capital letter', () => {
    const text = '2. В случае смерти матери пособие выплачивается отцу.';
    const quote = { start: text.indexOf('смерти матери'), end: text.indexOf('смерти матери') + 'смерти матери'.length };
    expect(revisedUnit(text, [{ wording: 'в случае смерти одного из родителей', quote, at: at(1) }])).toBe('2. В случае смерти одного из родителей пособие выплачивается отцу.');
    const tail = { start: text.indexOf('отцу'), end: text.indexOf('отцу') + 4 };
    expect(revisedUnit(text, [{ wording: 'другому родителю.', quote: tail, at: at(1) }])).toBe('2. В случае смерти матери пособие выплачивается другому родителю.');
  });

  it('quotation marks typed around a wording stay out of the law', () => {
    const text = 'Пособие назначается матери.';
    const quote = { start: 20, end: 26 };
    for (const wording of ['«одному из родителей»', '"одному из родителей"', '„одному из родителей“', '“одному из родителей”'])
      expect(revisedUnit(text, [{ wording, quote, at: at(1) }]), wording).toBe('Пособие назначается одному из родителей.');
    expect(unquoteWording('«мать» и «отец»')).toBe('«мать» и «отец»');
  });

  it('several wordings on one unit: all that do not overlap apply; of overlapping ones the later decision; a restatement overlaps everything', () => {
    const text = 'Мать и отец обязаны содержать детей; мать получает пособие.';
    const span = (words: string, from = 0) => ({ start: text.indexOf(words, from), end: text.indexOf(words, from) + words.length });
    const first = { wording: 'Родители', quote: span('Мать и отец'), at: at(1) };
    const second = { wording: 'один из родителей', quote: span('мать', 20), at: at(2) };
    expect(revisedUnit(text, [first, second])).toBe('Родители обязаны содержать детей; один из родителей получает пособие.');
    const overlapping = { wording: 'Отец и мать', quote: span('Мать и отец'), at: at(3) };
    expect(revisedUnit(text, [first, overlapping])).toBe('Отец и мать обязаны содержать детей; мать получает пособие.');
    const restated = { wording: 'Мать и отец обязаны содержать своих детей; мать получает пособие.', quote: null, at: at(4) };
    expect(revisedUnit(text, [first, second, restated])).toBe('Мать и отец обязаны содержать своих детей; мать получает пособие.');
    expect(revisedUnit(text, [{ ...restated, at: at(0) }, second])).toBe('Мать и отец обязаны содержать детей; один из родителей получает пособие.');
  });

  it('cuts the change word by word, and Accept all gives exactly the new text', () => {
    const before = '1. Пособие назначается матери, воспитывающей ребёнка до трёх лет.';
    const after = '1. Пособие назначается одному из родителей, воспитывающему ребёнка до трёх лет.';
    const edits = wordEdits(before, after);
    expect(edits).toEqual([
      { start: 23, end: 29, insert: 'одному из родителей' },
      { start: 31, end: 44, insert: 'воспитывающему' },
    ]);
    expect(accepted(before, edits)).toBe(after);
    expect(wordEdits(before, before)).toEqual([]);
    // Neighbouring changes with only a space between are one struck phrase.
    expect(wordEdits('матери и отцу', 'родителям')).toEqual([{ start: 0, end: 13, insert: 'родителям' }]);
  });
});

describe('working copy DOCX', () => {
  it('carries every confirmed finding as a comment on its words and its wording as a tracked change', async () => {
    const at = Date.UTC(2026, 10, 19);
    const model = reviewModel();
    // A second finding on the same words, decided earlier: its comment covers its words, its wording
    // loses to the later decision and stays in its comment.
    model.findings.push(
      finding({
        id: 'f-mother-2',
        clauseId: 'a1.p1',
        criterionId: 'C2',
        quote: { exact: 'назначается матери', prefix: 'Пособие ', suffix: ',' },
        explanation: 'Второе замечание к той же норме.',
        final: { targetId: 'f-mother-2', decision: 'confirmed', wording: 'назначается родителю', at },
      }),
    );
    const buffer = await packWorkingCopy(model, draftTree(), { lang: 'ru' });
    const parts = expectWellFormedPackage(buffer);
    const xml = parts['word/document.xml']!;
    const comments = parts['word/comments.xml']!;
    expect(parts['word/settings.xml']).toContain('<w:trackRevisions/>');

    const commentTexts = [...comments.matchAll(/<w:comment [\s\S]*?<\/w:comment>/g)].map((m) => paragraphTexts(m[0]).join('\n'));
    expect(commentTexts).toHaveLength(4);
    for (const [label, criterion] of [
      ['Статья 1, часть 1', 'C8. Стереотипы и семейные роли'],
      ['Статья 1, часть 1', 'C2. Прямая дискриминация'],
      ['Статья 2, часть 2', 'C12. Данные в разбивке по полу'],
      ['Статья 12-1', 'C9. Защитные (ограничительные) нормы'],
    ])
      expect(commentTexts.some((t) => t.startsWith(`${label} — Критерий: ${criterion}`))).toBe(true);
    expect(comments).not.toMatch(/ОТКЛОНЁНН|НЕРЕШЁННОЕ/);
    // Reasoning as a person stated it, never the engine's question to the expert.
    expect(commentTexts.every((t) => !t.includes('?'))).toBe(true);
    expect(xml).not.toMatch(/ОТКЛОНЁНН/);

    // Every comment has its range start, end and reference in the text.
    for (const id of [0, 1, 2, 3]) {
      expect(xml).toContain(`<w:commentRangeStart w:id="${id}"/>`);
      expect(xml).toContain(`<w:commentRangeEnd w:id="${id}"/>`);
      expect(xml).toContain(`<w:commentReference w:id="${id}"/>`);
    }
    // Two findings on overlapping words: both comments cover their own words; the unit changes once,
    // as the later decision says, cut word by word; the other's wording stays in its comment only.
    const rangeOf = (criterion: string) => {
      const comment = [...comments.matchAll(/<w:comment [^>]*w:id="(\d+)"[\s\S]*?<\/w:comment>/g)].find((m) => m[0].includes(criterion))!;
      const id = comment[1];
      const range = new RegExp(`<w:commentRangeStart w:id="${id}"/>([\\s\\S]*?)<w:commentRangeEnd w:id="${id}"/>`).exec(xml)!;
      return decodeXml(range[1]!.replace(/<w:delText[^>]*>([^<]*)<\/w:delText>/g, '[-$1]').replace(/<[^>]+>/g, ''));
    };
    expect(rangeOf('C2.')).toBe('назначается [-матери]одному из родителей');
    expect(rangeOf('C8.')).toBe('[-матери]одному из родителей');
    expect(commentTexts.some((t) => t.includes('C2.') && t.includes('Предлагаемая редакция: назначается родителю'))).toBe(true);

    const deleted = [...xml.matchAll(/<w:del [^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((m) => decodeXml(m[1]!));
    const inserted = [...xml.matchAll(/<w:ins [^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!));
    // Word by word: only what changes is struck («без разбивки» → «в разбивке», «по полу» kept).
    expect(deleted).toEqual(['матери', 'без разбивки', 'Запрет труда женщин']);
    expect(inserted).toEqual(['одному из родителей', 'в разбивке', 'Гарантии работникам с семейными обязанностями']);
    const revisionIds = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(revisionIds).size).toBe(revisionIds.length);
    expect(parts['word/styles.xml']).toContain('<w:lang w:val="ru-RU"/>');

    // LibreOffice shows tracked changes in the PDF: both the struck and the inserted words are there.
    await expectOpensInLibreOffice(buffer, 'working-copy', [
      'Рабочий экземпляр проекта с замечаниями гендерной экспертизы',
      'Статья 12-1.',
      'Статья 2. Порядок назначения',
      ...deleted,
      ...inserted,
    ]);
  });
});
