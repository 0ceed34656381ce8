import { describe, expect, it } from 'vitest';
import { packWorkingCopy } from '../../server/export/working-copy-docx';
import { locateQuote, nonOverlapping, planEdit } from '../../server/export/working-copy-plan';
import { expectOpensInLibreOffice, expectWellFormedPackage } from './expect-docx';
import { decodeXml, draftTree, finding, paragraphTexts, reviewModel } from './fixtures';

describe('working copy planning', () => {
  it('finds the quoted words among repeats by their context', () => {
    const text = 'мать и мать и мать';
    expect(locateQuote(text, { exact: 'мать', prefix: 'мать и ', suffix: ' и мать' })).toEqual({ start: 7, end: 11 });
    expect(locateQuote(text, { exact: 'мать', prefix: '', suffix: '' })).toEqual({ start: 0, end: 4 });
    expect(locateQuote(text, { exact: 'отец', prefix: '', suffix: '' })).toBeNull();
  });

  it('turns a restatement into a whole-word difference and a short wording into a replacement of the quote', () => {
    const text = '1. Пособие назначается матери, воспитывающей ребёнка.';
    expect(planEdit(text, '1. Пособие назначается родителю, воспитывающему ребёнка.', null)).toEqual({
      start: 23,
      end: 44,
      insert: 'родителю, воспитывающему',
    });
    expect(planEdit(text, 'одному из родителей', { start: 23, end: 29 })).toEqual({ start: 23, end: 29, insert: 'одному из родителей' });
    expect(planEdit(text, text, { start: 23, end: 29 })).toBeNull();
    expect(planEdit(text, 'одному из родителей', null)).toBeNull();
  });

  it('keeps the first of overlapping changes only', () => {
    const a = { start: 0, end: 10, insert: 'a' };
    const b = { start: 5, end: 12, insert: 'b' };
    const c = { start: 10, end: 10, insert: 'c' };
    expect(nonOverlapping([b, c, a])).toEqual({ kept: [a, c], dropped: [b] });
  });
});

describe('working copy DOCX', () => {
  it('carries every confirmed finding as a comment on its words and its wording as a tracked change', async () => {
    const at = Date.UTC(2026, 10, 19);
    const model = reviewModel();
    // A second finding on the same words: its comment overlaps, its change cannot and stays in the comment.
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
    expect(xml).not.toMatch(/ОТКЛОНЁНН/);

    // Every comment has its range start, end and reference in the text.
    for (const id of [0, 1, 2, 3]) {
      expect(xml).toContain(`<w:commentRangeStart w:id="${id}"/>`);
      expect(xml).toContain(`<w:commentRangeEnd w:id="${id}"/>`);
      expect(xml).toContain(`<w:commentReference w:id="${id}"/>`);
    }
    // Two findings on overlapping words: both comments cover their own words; the change that starts
    // first in the text is tracked, and the other's wording stays in its comment only.
    const rangeOf = (criterion: string) => {
      const comment = [...comments.matchAll(/<w:comment [^>]*w:id="(\d+)"[\s\S]*?<\/w:comment>/g)].find((m) => m[0].includes(criterion))!;
      const id = comment[1];
      const range = new RegExp(`<w:commentRangeStart w:id="${id}"/>([\\s\\S]*?)<w:commentRangeEnd w:id="${id}"/>`).exec(xml)!;
      return decodeXml(range[1]!.replace(/<w:delText[^>]*>([^<]*)<\/w:delText>/g, '[-$1]').replace(/<[^>]+>/g, ''));
    };
    expect(rangeOf('C2.')).toBe('[-назначается ][-матери]назначается родителю');
    expect(rangeOf('C8.')).toBe('[-матери]назначается родителю');
    expect(commentTexts.some((t) => t.includes('C8.') && t.includes('Предлагаемая редакция: одному из родителей'))).toBe(true);

    const deleted = [...xml.matchAll(/<w:del [^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((m) => decodeXml(m[1]!));
    const inserted = [...xml.matchAll(/<w:ins [^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!));
    expect(deleted).toEqual(['назначается ', 'матери', 'без разбивки по полу', 'Запрет труда женщин']);
    expect(inserted).toEqual(['назначается родителю', 'в разбивке по полу', 'Гарантии работникам с семейными обязанностями']);
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
