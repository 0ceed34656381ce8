import { describe, expect, it } from 'vitest';
import type { Clause, ClauseTree } from '../../shared/clause';
import { buildConclusion } from '../../shared/conclusion/build';
import type { ClauseId } from '../../shared/ids';
import { packConclusion } from '../../server/export/conclusion-docx';
import { expectOpensInLibreOffice, expectWellFormedPackage } from './expect-docx';
import { completeFields, finding, paragraphTexts, reviewModel, tableRows } from './fixtures';

const NASTY = 'Эмодзи 👩‍⚖️🇰🇬, управляющие \u0001\u0007\u001B, не-символы \uFFFE\uFFFF, одиночный \uD800 суррогат, <теги> & «кавычки»';

/**
 * 1,000 articles, each with one confirmed finding; article 500 is very long; every 50th carries the
 * characters outside the font (not all: the PDF conversion of the whole would take minutes).
 */
function bigTree(): ClauseTree {
  const clauses: Clause[] = Array.from({ length: 1000 }, (_, i) => ({
    id: `a${i + 1}` as ClauseId,
    kind: 'article',
    number: String(i + 1),
    label: `Статья ${i + 1}`,
    text: i === 499 ? `Статья 500. ${'Очень длинная норма без единого переноса строки. '.repeat(400)}` : `Статья ${i + 1}. Норма ${i + 1}.${i % 50 ? '' : ` ${NASTY}`}`,
    children: [],
  }));
  return { meta: { language: 'ru', actKind: 'code', title: 'Большой кодекс', date: null, number: null, isDraft: true }, clauses };
}

describe('hostile and huge input', () => {
  it('1,000 rows, very long texts and characters outside the font still give a valid document', async () => {
    const tree = bigTree();
    const model = reviewModel({
      findings: tree.clauses
        .map((c, i) =>
          finding({
            id: `big-${i}`,
            clauseId: c.id,
            criterionId: i % 2 ? 'C2' : 'C8.mother',
            explanation: i % 50 ? 'Пояснение.' : NASTY,
            quote: { exact: 'Норма', prefix: '', suffix: '' },
            final: { targetId: `big-${i}`, decision: 'confirmed', wording: `Новая редакция ${i + 1}${i % 50 ? '' : ` ${NASTY}`}`, at: 1 },
          }),
        )
        .reverse(),
      conclusion: {
        ...completeFields(),
        draftTitle: `Большой кодекс ${NASTY}`,
        summary: `${'Длинное краткое содержание. '.repeat(1500)}\n${NASTY}`,
      },
    });
    const buffer = await packConclusion(buildConclusion(model, tree, { lang: 'ru' }));
    const parts = expectWellFormedPackage(buffer);
    const xml = parts['word/document.xml']!;
    const rows = tableRows(xml);
    expect(rows).toHaveLength(1001);
    expect(rows.filter((r) => r.header)).toHaveLength(1);
    expect(rows[1]!.cells[1]).toBe('Статья 1');
    expect(rows[1000]!.cells[1]).toBe('Статья 1000');
    const cleaned = 'Эмодзи 👩‍⚖️🇰🇬, управляющие , не-символы , одиночный суррогат, <теги> & «кавычки»';
    expect(paragraphTexts(xml).some((p) => p.includes(cleaned))).toBe(true);
    expect(xml).toContain('&lt;теги&gt; &amp; «кавычки»');

    await expectOpensInLibreOffice(buffer, 'hostile-1000', [
      // A code Tendik does not know by name is named by its title in quotation marks.
      'Заключение по результатам гендерной экспертизы проекта кодекса «Большой кодекс',
      ...tree.clauses.map((c) => c.label),
      'Очень длинная норма без единого переноса строки.',
    ]);
  }, 240_000);
});
