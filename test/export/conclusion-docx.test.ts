import { describe, expect, it } from 'vitest';
import { buildComparativeTableDocument, buildConclusion } from '../../shared/conclusion/build';
import { SECTION_TITLES } from '../../shared/conclusion/strings';
import type { Lang } from '../../shared/i18n/lang';
import { packConclusion } from '../../server/export/conclusion-docx';
import { expectWellFormedPackage } from './expect-docx';
import { expectAllOpenInLibreOffice, type DocxToCheck } from './libreoffice-batch';
import { renderConclusionHtml } from '../../shared/conclusion/html';
import { decodeXml, docxParts, draftTree, paragraphTexts, reviewModel, tableRows } from './fixtures';

const CONFIRMED_LABELS = ['Статья 1, часть 1', 'Статья 2, часть 2', 'Статья 12-1'];
/** Every DOCX built below, converted by real LibreOffice in one batch by the last test. */
const built: DocxToCheck[] = [];

describe('conclusion DOCX', () => {
  it('holds the conclusion’s sections in order (docs/conclusion.md) and one table row per confirmed finding', async () => {
    const doc = buildConclusion(reviewModel(), draftTree(), { lang: 'ru' });
    const buffer = await packConclusion(doc);
    const parts = expectWellFormedPackage(buffer);
    const xml = parts['word/document.xml']!;
    const paragraphs = paragraphTexts(xml);

    // Issuing body, addressee and title come first, in that order.
    const at = (text: string) => paragraphs.findIndex((p) => p.includes(text));
    expect(at('Альянс женских законодательных инициатив')).toBe(0);
    expect(at('Исх. № 17/ГЭ от 20.11.2026')).toBeGreaterThan(0);
    const title = 'Заключение по результатам гендерной экспертизы проекта Закона Кыргызской Республики «О государственных пособиях семьям с детьми»';
    expect(at(title)).toBeGreaterThan(at('Комитет Жогорку Кенеша Кыргызской Республики по социальной политике'));

    const order = ['general', 'summary', 'relevance', 'analysis', 'table', 'verdict', 'recommendations', 'signatures', 'annexes'] as const;
    const headings = order.map((id, i) => at(`${i + 1}. ${SECTION_TITLES[id].ru}`));
    expect(headings.every((h) => h > at(title))).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(new Set(headings).size).toBe(order.length);

    // The table: a repeated header row, then exactly the confirmed findings, in the draft's order.
    const rows = tableRows(xml);
    expect(rows[0]!.header).toBe(true);
    expect(rows[0]!.cells).toEqual([
      '№',
      'Структурная единица (ст., ч., п., пп.)',
      'Редакция проекта',
      'Предлагаемая редакция',
      'Обоснование (критерий, правовая основа)',
    ]);
    expect(rows.slice(1).map((r) => r.header)).toEqual([false, false, false]);
    expect(rows.slice(1).map((r) => r.cells[1])).toEqual(CONFIRMED_LABELS);
    expect(rows.slice(1).map((r) => r.cells[0])).toEqual(['1', '2', '3']);
    // Wording: the engine's suggestion kept, the expert's edit, the secretary's final text.
    expect(rows[1]!.cells[3]).toBe('одному из родителей');
    expect(rows[2]!.cells[3]).toBe('в разбивке по полу');
    expect(rows[3]!.cells[3]).toBe('Статья 12-1. Гарантии работникам с семейными обязанностями на ночных работах');
    expect(rows[3]!.cells[4]).toContain('C9. Защитные (ограничительные) нормы');
    expect(rows[3]!.cells[4]).toContain('Патерналистское ограничение, см. CEDAW 2021.');
    expect(rows[1]!.cells[2]).toBe('1. Пособие назначается матери, воспитывающей ребёнка до трёх лет.');

    // Dismissed and undecided findings never reach the document.
    expect(xml).not.toContain('ОТКЛОНЁНН');
    expect(xml).not.toContain('НЕРЕШЁННОЕ');
    expect(xml).not.toContain('Статья 1, часть 2');

    expect(paragraphs).toContain('Проект соответствует принципам гендерного равенства при условии учёта изложенных замечаний и рекомендаций.');
    expect(paragraphs.some((p) => p.includes('Координатор Альянса') && p.includes('Н. Абдылдаева'))).toBe(true);

    // Page, font and language.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const styles = parts['word/styles.xml']!;
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"\/><w:sz w:val="28"\/>/);
    expect(styles).toMatch(/<w:rPrDefault>[\s\S]*?<w:lang w:val="ru-RU"\/>[\s\S]*?<\/w:rPrDefault>/);
    expect(styles).toMatch(/<w:pPrDefault>[\s\S]*?<w:jc w:val="both"\/>[\s\S]*?<\/w:pPrDefault>/);
    // Table cells are 12 pt through their paragraph styles; every cell paragraph names one.
    for (const id of ['TableText', 'TableCentered', 'TableHeading'])
      expect(styles).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">[\\s\\S]*?<w:sz w:val="24"/>[\\s\\S]*?</w:style>`));
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)![0];
    expect(table.match(/<w:p>|<w:p [^>]*>/g)!.length).toBe(table.match(/<w:pStyle w:val="Table(?:Text|Centered|Heading)"\/>/g)!.length);
    const footer = Object.entries(parts).find(([name]) => /^word\/footer\d+\.xml$/.test(name))![1];
    expect(footer).toContain('>PAGE<');
    expect(footer).toContain('>NUMPAGES<');
    expect(paragraphTexts(footer).join('')).toBe('стр.  из ');

    built.push({ name: 'conclusion-ru', docx: buffer, phrases: [title, ...CONFIRMED_LABELS, 'стр. 1 из'] });
  });

  it.each([
    ['ky', 'ky-KG', 'Кыргыз Республикасынын «О государственных пособиях семьям с детьми» Мыйзамынын долбооруна гендердик экспертизанын корутундусу', 'беттин'],
    ['en', 'en-US', 'Conclusion on the results of the gender expertise of the draft Law of the Kyrgyz Republic “О государственных пособиях семьям с детьми”', 'Page 1 of'],
  ] as Array<[Lang, string, string, string]>)('in %s: fixed strings and the document language follow', async (lang, tag, title, pageWords) => {
    const doc = buildConclusion(reviewModel(), draftTree(), { lang });
    const buffer = await packConclusion(doc);
    const parts = expectWellFormedPackage(buffer);
    expect(parts['word/styles.xml']).toContain(`<w:lang w:val="${tag}"/>`);
    const xml = parts['word/document.xml']!;
    expect(paragraphTexts(xml).some((p) => p.includes(title))).toBe(true);
    expect(xml).toContain(SECTION_TITLES.analysis[lang]);
    expect(xml).toContain(SECTION_TITLES.table[lang]);
    // The user's Russian text is carried as typed, Cyrillic intact.
    expect(xml).toContain('Проект регулирует назначение пособий семьям с детьми.');
    expect(tableRows(xml)).toHaveLength(4);
    const footer = Object.entries(parts).find(([name]) => /^word\/footer\d+\.xml$/.test(name))![1];
    expect(paragraphTexts(footer).join('')).toBe(lang === 'ky' ? ' беттин -бети' : 'Page  of ');
    // The fields sit where the language puts them: Kyrgyz names the total first.
    const fields = [...footer.matchAll(/>(PAGE|NUMPAGES)</g)].map((m) => m[1]);
    expect(fields).toEqual(lang === 'ky' ? ['NUMPAGES', 'PAGE'] : ['PAGE', 'NUMPAGES']);
    built.push({ name: `conclusion-${lang}`, docx: buffer, phrases: [title, ...CONFIRMED_LABELS, pageWords] });
  });

  it('exports the comparative table alone, landscape, with the same rows', async () => {
    const doc = buildComparativeTableDocument(reviewModel(), draftTree(), { lang: 'ru' });
    const buffer = await packConclusion(doc, 'landscape');
    const parts = expectWellFormedPackage(buffer);
    const xml = parts['word/document.xml']!;
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    const rows = tableRows(xml);
    expect(rows.map((r) => r.header)).toEqual([true, false, false, false]);
    expect(rows.slice(1).map((r) => r.cells[1])).toEqual(CONFIRMED_LABELS);
    const title = 'Сравнительная таблица к проекту Закона Кыргызской Республики «О государственных пособиях семьям с детьми»';
    expect(paragraphTexts(xml)).toContain(title);
    expect(xml).not.toContain(SECTION_TITLES.verdict.ru);
    expect(xml).not.toContain('ОТКЛОНЁНН');
    built.push({ name: 'table-ru', docx: buffer, phrases: [title, ...CONFIRMED_LABELS] });
  });

  it('every DOCX above opens in real LibreOffice: title, clause labels, page X of Y', async () => {
    expect(built.map((b) => b.name)).toEqual(['conclusion-ru', 'conclusion-ky', 'conclusion-en', 'table-ru']);
    const pdfs = await expectAllOpenInLibreOffice(built);
    const ru = pdfs.get('conclusion-ru')!;
    expect(ru.text).toContain(`стр. 1 из ${ru.pages}`);
    const en = pdfs.get('conclusion-en')!;
    expect(en.text).toContain(`Page ${en.pages} of ${en.pages}`);
  }, 180_000);
});

describe('the HTML preview and the DOCX', () => {
  it('show the same headings and the same table, cell for cell', async () => {
    const doc = buildConclusion(reviewModel(), draftTree(), { lang: 'ky' });
    const html = renderConclusionHtml(doc);
    const xml = docxParts(await packConclusion(doc))['word/document.xml']!;
    const text = (fragment: string) => decodeXml(fragment.replace(/<\/p>/g, '\n').replace(/<[^>]+>/g, '')).trim();

    const htmlHeadings = [...html.matchAll(/<h[123]>([\s\S]*?)<\/h[123]>/g)].map((m) => text(m[1]!));
    const docxHeadings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading\d"\/>[\s\S]*?<\/w:p>/g)].map((m) => paragraphTexts(m[0]).join(''));
    expect(htmlHeadings.length).toBeGreaterThan(20);
    expect(docxHeadings).toEqual(htmlHeadings);

    const htmlRows = [...html.matchAll(/<tr data-finding="[^"]*">([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((td) => text(td[1]!)),
    );
    expect(htmlRows).toHaveLength(3);
    expect(tableRows(xml).slice(1).map((r) => r.cells)).toEqual(htmlRows);
  });
});
