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

/** The footer of the letter (its "of Y" counts the letter's pages, up to the bookmark at its end). */
const letterFooter = (parts: Record<string, string>) => Object.entries(parts).find(([name, xml]) => /^word\/footer\d+\.xml$/.test(name) && xml.includes('conclusion_end'))![1];

describe('conclusion DOCX', () => {
  it('is laid out as a letter (docs/conclusion.md): header, title, the verdict early, the annex list and signatures, then the table annexed', async () => {
    const doc = buildConclusion(reviewModel(), draftTree(), { lang: 'ru' });
    const buffer = await packConclusion(doc);
    const parts = expectWellFormedPackage(buffer);
    const xml = parts['word/document.xml']!;
    const paragraphs = paragraphTexts(xml);

    // Issuing body, addressee (in the dative, in the right half) and title come first, in that order.
    const at = (text: string) => paragraphs.findIndex((p) => p.includes(text));
    expect(at('Альянс женских законодательных инициатив')).toBe(0);
    expect(at('Исх. № 17/ГЭ от 20.11.2026')).toBeGreaterThan(0);
    expect(xml).toMatch(/<w:ind w:left="4677" w:firstLine="0"\/>(?:(?!<\/w:p>)[\s\S])*Комитету Жогорку Кенеша Кыргызской Республики по социальной политике/);
    const title = 'Заключение по результатам гендерной экспертизы проекта Закона Кыргызской Республики «О государственных пособиях семьям с детьми»';
    expect(at(title)).toBeGreaterThan(at('Комитету Жогорку Кенеша Кыргызской Республики по социальной политике'));

    // The verdict is the second section; the comparative table is no section of the letter.
    const order = ['general', 'verdict', 'summary', 'relevance', 'analysis', 'proposals', 'recommendations'] as const;
    const headings = order.map((id, i) => at(`${i + 1}. ${SECTION_TITLES[id].ru}`));
    expect(headings.every((h) => h > at(title))).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(new Set(headings).size).toBe(order.length);
    expect(paragraphs[headings[1]! + 1]).toBe('Проект соответствует принципам гендерного равенства при условии учёта изложенных замечаний и рекомендаций.');
    // Assessed criteria are subsections of the analysis, numbered, without their codes.
    expect(paragraphs).toContain('5.2. Стереотипы и семейные роли');
    expect(paragraphs.join('\n')).not.toMatch(/\bC\d/);

    // Annexes are listed before the signatures, the table with its page count; the typed annex that
    // named the table is not listed twice.
    const list = at('Приложения:');
    expect(list).toBeGreaterThan(headings.at(-1)!);
    expect(paragraphs[list + 1]).toMatch(/^1\. Сравнительная таблица к проекту на \d+ л\.$/);
    expect(paragraphs[list + 2]).toBe('2. Справка по гендерной статистике');
    expect(xml).toMatch(/<w:fldSimple w:instr="PAGEREF annex1_end \\h">/);
    // The signatures: a borderless table of position — line — name whose rows never split.
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const signatures = tables.find((t) => t.includes('Н. Абдылдаева'))!;
    expect(xml.indexOf(signatures)).toBeGreaterThan(xml.indexOf('Справка по гендерной статистике'));
    expect(signatures).toMatch(/<w:tblBorders><w:top w:val="none"/);
    expect(signatures.match(/<w:cantSplit\/>/g)).toHaveLength(2);
    expect(paragraphTexts(signatures)).toEqual(['Координатор Альянса', '_______________', 'Н. Абдылдаева', 'Руководитель секретариата', '_______________', 'Ж. Осмонова']);

    // The annex: its own landscape section, pages numbered from 1, headed with the conclusion's number.
    const annexAt = at('Приложение 1 к заключению № 17/ГЭ от 20.11.2026');
    expect(annexAt).toBeGreaterThan(at('Н. Абдылдаева'));
    expect(paragraphs[annexAt + 1]).toBe('Сравнительная таблица к проекту Закона Кыргызской Республики «О государственных пособиях семьям с детьми»');
    expect(xml).toMatch(/<w:sectPr>(?:(?!<\/w:sectPr>)[\s\S])*w:orient="portrait"[\s\S]*<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>[\s\S]*<w:pgNumType w:start="1"\/>/);

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
    // Justification: the criterion by name and the reasoning people gave, never the engine's question.
    expect(rows[1]!.cells[4]).toBe('Стереотипы и семейные роли: Норма закрепляет уход за ребёнком только за матерью.');
    expect(rows[2]!.cells[4]).toBe('Данные в разбивке по полу: Без данных в разбивке по полу последствия нормы не оценить.');
    expect(rows[3]!.cells[4]).toBe('Защитные (ограничительные) нормы: Патерналистское ограничение, см. CEDAW 2021.');
    expect(rows[1]!.cells[2]).toBe('1. Пособие назначается матери, воспитывающей ребёнка до трёх лет.');
    expect(xml).not.toContain('Уход за ребёнком закреплён только за матерью.');

    // Dismissed and undecided findings never reach the document.
    expect(xml).not.toContain('ОТКЛОНЁНН');
    expect(xml).not.toContain('НЕРЕШЁННОЕ');
    expect(xml).not.toContain('Статья 1, часть 2');

    // Page, font, language, first-line indent and hyphenation.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const styles = parts['word/styles.xml']!;
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"\/><w:sz w:val="28"\/>/);
    expect(styles).toMatch(/<w:rPrDefault>[\s\S]*?<w:lang w:val="ru-RU"\/>[\s\S]*?<\/w:rPrDefault>/);
    expect(styles).toMatch(/<w:pPrDefault>[\s\S]*?<w:jc w:val="both"\/>[\s\S]*?<\/w:pPrDefault>/);
    expect(styles).toMatch(/<w:pPrDefault>[\s\S]*?<w:ind w:firstLine="709"\/>[\s\S]*?<\/w:pPrDefault>/);
    expect(parts['word/settings.xml']).toContain('<w:autoHyphenation/>');
    // Table cells are 12 pt through their paragraph styles; every cell paragraph names one.
    for (const id of ['TableText', 'TableCentered', 'TableHeading'])
      expect(styles).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">[\\s\\S]*?<w:sz w:val="24"/>[\\s\\S]*?</w:style>`));
    const table = tables.find((t) => t.includes('<w:tblHeader'))!;
    expect(table.match(/<w:p>|<w:p [^>]*>/g)!.length).toBe(table.match(/<w:pStyle w:val="Table(?:Text|Centered|Heading)"\/>/g)!.length);
    // The letter's footer counts the letter's pages (a page reference to its end), the annex's its own.
    const footer = letterFooter(parts);
    expect(footer).toContain('>PAGE<');
    // Its number is an estimate until the word processor counts (compared with LibreOffice's below).
    expect(footer).toMatch(/<w:fldSimple w:instr="PAGEREF conclusion_end \\h"><w:r><w:t xml:space="preserve">\d+<\/w:t>/);
    expect(paragraphTexts(footer).join('')).toMatch(/^стр\.  из \d+$/);

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
    // Word hyphenates Kyrgyz, not English.
    expect(parts['word/settings.xml']!.includes('<w:autoHyphenation/>')).toBe(lang === 'ky');
    const xml = parts['word/document.xml']!;
    expect(paragraphTexts(xml).some((p) => p.includes(title))).toBe(true);
    expect(xml).toContain(SECTION_TITLES.analysis[lang]);
    expect(xml).toContain(SECTION_TITLES.proposals[lang]);
    // The user's Russian text is carried as typed, Cyrillic intact.
    expect(xml).toContain('Проект регулирует назначение пособий семьям с детьми.');
    expect(tableRows(xml)).toHaveLength(4);
    const footer = letterFooter(parts);
    expect(paragraphTexts(footer).join('')).toMatch(lang === 'ky' ? /^\d+ беттин -бети$/ : /^Page {2}of \d+$/);
    // The fields sit where the language puts them: Kyrgyz names the total first.
    const fields = [...footer.matchAll(/>(PAGE)<|instr="(PAGEREF)/g)].map((m) => m[1] ?? m[2]);
    expect(fields).toEqual(lang === 'ky' ? ['PAGEREF', 'PAGE'] : ['PAGE', 'PAGEREF']);
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

  it('every DOCX above opens in real LibreOffice: title, clause labels, the letter and its annex each counting their pages', async () => {
    expect(built.map((b) => b.name)).toEqual(['conclusion-ru', 'conclusion-ky', 'conclusion-en', 'table-ru']);
    const pdfs = await expectAllOpenInLibreOffice(built);
    for (const [name, annexHeading, page] of [
      ['conclusion-ru', 'Приложение 1 к заключению', (n: number, of: number) => `стр. ${n} из ${of}`],
      ['conclusion-en', 'Annex 1 to Conclusion', (n: number, of: number) => `Page ${n} of ${of}`],
    ] as const) {
      const pdf = pdfs.get(name)!;
      const pages = pdf.text.split('\f');
      const letter = pages.findIndex((p) => p.includes(annexHeading));
      expect(letter).toBeGreaterThan(0);
      const annex = pdf.pages - letter;
      expect(pages[0]).toContain(page(1, letter));
      expect(pages[letter]).toContain(page(1, annex));
      // What Word shows before it counts (the fields' cached numbers) is at most a page off.
      const parts = docxParts(built.find((b) => b.name === name)!.docx);
      const cached = (bookmark: string, xml: string) => Number(new RegExp(`PAGEREF ${bookmark} \\\\h"><w:r><w:t[^>]*>(\\d+)<`).exec(xml)![1]);
      expect(Math.abs(cached('conclusion_end', letterFooter(parts)) - letter)).toBeLessThanOrEqual(1);
      expect(Math.abs(cached('annex1_end', parts['word/document.xml']!) - annex)).toBeLessThanOrEqual(1);
    }
    expect(pdfs.get('conclusion-ru')!.text).toMatch(/Сравнительная таблица к проекту на \d+ л\./);
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
    // Title, seven sections, four assessed criteria, the annex's title.
    expect(htmlHeadings).toHaveLength(13);
    expect(docxHeadings).toEqual(htmlHeadings);

    const htmlRows = [...html.matchAll(/<tr data-finding="[^"]*"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((td) => text(td[1]!)),
    );
    expect(htmlRows).toHaveLength(3);
    expect(tableRows(xml).slice(1).map((r) => r.cells)).toEqual(htmlRows);
  });
});
