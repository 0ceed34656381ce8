import { describe, expect, it } from 'vitest';
import { buildConclusion, effectiveFields } from '../../shared/conclusion/build';
import { resolveCriterion } from '../../shared/conclusion/criteria';
import { renderConclusionHtml } from '../../shared/conclusion/html';
import { cleanLine, cleanText } from '../../shared/conclusion/sanitize';
import { CONCLUSION_TITLE, PAGE_LABEL, SECTION_TITLES, TABLE_HEADERS, VERDICT_TEXTS } from '../../shared/conclusion/strings';
import { missingFieldLabels, validateConclusion } from '../../shared/conclusion/validate';
import { LANGS } from '../../shared/i18n/lang';
import * as strings from '../../shared/conclusion/strings';
import { FALLBACK_CRITERIA } from '../../shared/conclusion/criteria';
import { REQUIRED_FIELD_LABELS } from '../../shared/conclusion/validate';
import { EXPORT_ERROR_TEXTS } from '../../server/export/errors';
import type { ReviewModel } from '../../shared/review-model';
import { completeFields, draftTree, finding, reviewModel } from './fixtures';

describe('conclusion model', () => {
  it('has every fixed string of the conclusion, the form and the export errors in ru, ky and en, non-empty', () => {
    // Walks every exported table of strings: each leaf object with an `ru` key must have all three.
    const texts: Array<{ where: string; text: Record<string, unknown> }> = [];
    const collect = (value: unknown, where: string) => {
      if (value === null || typeof value !== 'object') return;
      if ('ru' in value) texts.push({ where, text: value as Record<string, unknown> });
      else for (const [key, inner] of Object.entries(value)) collect(inner, `${where}.${key}`);
    };
    for (const [name, value] of Object.entries({ ...strings, REQUIRED_FIELD_LABELS, FALLBACK_CRITERIA })) collect(value, name);
    for (const [code, { text }] of Object.entries(EXPORT_ERROR_TEXTS)) collect(text, code);
    expect(texts.length).toBeGreaterThan(80); // the walk really reached the tables
    for (const { where, text } of texts)
      for (const lang of LANGS) expect(typeof text[lang] === 'string' && (text[lang] as string).trim().length > 0, `${where}.${lang}`).toBe(true);
  });

  it('has the page label with both placeholders in every language', () => {
    const texts = [CONCLUSION_TITLE, PAGE_LABEL, ...Object.values(SECTION_TITLES), ...Object.values(TABLE_HEADERS), ...Object.values(VERDICT_TEXTS)];
    for (const text of texts) for (const lang of LANGS) expect(text[lang].trim().length).toBeGreaterThan(0);
    for (const lang of LANGS) expect(PAGE_LABEL[lang]).toMatch(/\{current\}[\s\S]*\{total\}|\{total\}[\s\S]*\{current\}/);
  });

  it('lists the required fields that are empty, in the user language', () => {
    expect(validateConclusion(completeFields())).toEqual([]);
    const missing = validateConclusion({
      ...completeFields(),
      addressee: { committee: '  ', chair: 'X' },
      outgoingNumber: '',
      verdict: 'does_not_comply',
      recommendations: '',
      signatories: [{ name: ' ', position: 'Координатор' }],
    });
    expect(missing).toEqual(['addressee.committee', 'outgoingNumber', 'recommendations', 'signatories']);
    expect(validateConclusion({})).toEqual(['addressee.committee', 'outgoingNumber', 'outgoingDate', 'draftTitle', 'verdict', 'signatories']);
    expect(missingFieldLabels(['outgoingNumber', 'signatories'], 'ky')).toEqual(['чыгуучу номер', 'кол коюучу (жок дегенде бирөө)']);
    expect(missingFieldLabels(['verdict'], 'en')).toEqual(['verdict']);
  });

  it('takes the draft title from the import when the secretary left it empty', () => {
    const fields = effectiveFields({ ...completeFields(), draftTitle: '' }, draftTree());
    expect(fields.draftTitle).toBe('О государственных пособиях семьям с детьми');
    expect(validateConclusion(fields)).toEqual([]);
  });

  it('maps fine-grained checklist ids to their criterion', () => {
    const given = [{ id: 'kg.stereotypes', title: { ru: 'Стереотипы', ky: 'Стереотиптер', en: 'Stereotypes' } }];
    expect(resolveCriterion('kg.stereotypes.mother-only', given)?.id).toBe('kg.stereotypes');
    expect(resolveCriterion('C9.night-work', [])?.title.ru).toBe('Защитные (ограничительные) нормы');
    expect(resolveCriterion('c12', [])?.id).toBe('C12');
    expect(resolveCriterion('C1x', [])).toBeNull();
    expect(resolveCriterion('C18', [])).toBeNull();
  });

  it('pre-fills the analysis from answers and confirmed findings, and keeps what the secretary wrote', () => {
    const doc = buildConclusion(reviewModel(), draftTree(), { lang: 'ru' });
    const analysis = doc.sections.find((s) => s.kind === 'criteria');
    if (analysis?.kind !== 'criteria') throw new Error('no analysis section');
    expect(analysis.criteria.map((c) => c.criterionId).slice(0, 17)).toEqual(Array.from({ length: 17 }, (_, i) => `C${i + 1}`));
    const byId = Object.fromEntries(analysis.criteria.map((c) => [c.criterionId, c]));
    expect(byId.C8).toMatchObject({ prefilled: false, paragraphs: ['Проект закрепляет роль матери как единственного воспитателя.'] });
    expect(byId.C12!.prefilled).toBe(true);
    // Statements only: no tallies of answers, and the reasoning people gave — never the engine's question.
    expect(byId.C12!.paragraphs).toEqual([
      'Проект рассмотрен экспертами на соответствие данному критерию.',
      'Статистики нет.',
      'Выявлены нормы, требующие изменения (приложение 1): Статья 2, часть 2.',
      'Статья 2, часть 2 (вызывает сомнение): Без данных в разбивке по полу последствия нормы не оценить.',
    ]);
    expect(byId.C9!.paragraphs[0]).toBe('Выявлены нормы, требующие изменения (приложение 1): Статья 12-1.');
    expect(byId.C6!.paragraphs).toEqual(['По оценке экспертов, критерий к проекту неприменим.']);
    expect(byId.C2).toMatchObject({ paragraphs: ['Критерий не оценивался.'], assessed: false, heading: null });
    // Titles without codes; the assessed criteria numbered as subsections of the analysis (section 5).
    expect(analysis.criteria.filter((c) => c.assessed).map((c) => c.heading)).toEqual([
      '5.1. Участие и представленность',
      '5.2. Стереотипы и семейные роли',
      '5.3. Защитные (ограничительные) нормы',
      '5.4. Данные в разбивке по полу',
    ]);
    expect(analysis.notAssessed).toMatch(/^Не оценивались критерии: Соответствие Конституции и международным обязательствам; Прямая дискриминация; /);
    // An undecided finding (C8, expert-confirmed only) and a dismissed one (C10) leave no trace.
    expect(JSON.stringify(doc)).not.toMatch(/НЕРЕШЁННОЕ|ОТКЛОНЁНН/);
  });

  it('orders table rows by the clause order of the draft, one row per unit, not by the order of findings', () => {
    const at = 1;
    const model = reviewModel({
      findings: ['a12-1', 'a2.p2', 'gone', 'a1.p1', 'a2.p2'].map((clauseId, i) =>
        finding({
          id: `z${i}`,
          clauseId,
          criterionId: 'C2',
          quote: { exact: i === 4 ? 'Сведения' : 'разбивки', prefix: '', suffix: '' },
          final: { targetId: `z${i}`, decision: 'confirmed', at },
        }),
      ),
    });
    const table = buildConclusion(model, draftTree(), { lang: 'en' }).annex!;
    // The two findings on «Статья 2, часть 2» are one row (its words first where they stand first).
    expect(table.table.rows.map((r) => r.findingIds)).toEqual([['z3'], ['z4', 'z1'], ['z0'], ['z2']]);
    // A unit gone from the text is named by the words quoted, not by an internal id.
    expect(table.table.rows.at(-1)!.clauseLabel).toBe('fragment “разбивки”, absent from the current text');
  });

  it('orders findings within a clause by where the merge found their words in the current text', () => {
    const confirmed = (id: string, start: number, exact: string) =>
      finding({
        id,
        clauseId: 'a1.p1',
        criterionId: 'C8',
        quote: { exact, prefix: '', suffix: '' },
        position: { state: 'reanchored', clauseId: 'a1.p1', start, end: start + exact.length },
        final: { targetId: id, decision: 'confirmed', at: 1 },
      });
    // By the quote alone "Пособие" (offset 3) would come first; the resolved positions say otherwise.
    const model = reviewModel({ findings: [confirmed('p-first-by-quote', 40, 'Пособие'), confirmed('p-second-by-quote', 10, 'ребёнка')] });
    const table = buildConclusion(model, draftTree(), { lang: 'ru' }).annex!;
    expect(table.table.rows.map((r) => r.findingIds)).toEqual([['p-second-by-quote', 'p-first-by-quote']]);
  });

  it("takes the engine's suggestion in the draft's language, and an expert's wording as written", () => {
    const tree = { ...draftTree(), meta: { ...draftTree().meta, language: 'ky' as const } };
    const suggestion = { ru: 'одному из родителей', ky: 'ата-энесинин бирине', en: 'one of the parents' };
    const model = reviewModel({
      findings: [
        finding({ id: 'e1', clauseId: 'a1.p1', criterionId: 'C8', proposedWording: suggestion.ru, suggestedWording: suggestion, final: { targetId: 'e1', decision: 'confirmed', at: 1 } }),
        finding({ id: 'x1', origin: 'expert', clauseId: 'a2.p2', criterionId: 'C12', proposedWording: 'жынысы боюнча', suggestedWording: suggestion, final: { targetId: 'x1', decision: 'confirmed', at: 1 } }),
      ],
    });
    for (const lang of LANGS) {
      const table = buildConclusion(model, tree, { lang }).annex!;
      expect(table.table.rows.map((r) => r.proposed[0])).toEqual(['ата-энесинин бирине', 'жынысы боюнча']);
    }
  });

  it('prints the ISO dates of the form as a letter does, in each language', () => {
    const model = reviewModel({ conclusion: { ...completeFields(), outgoingDate: '2026-11-20', periodFrom: '2026-11-02', periodTo: 'до конца месяца' } });
    const ru = buildConclusion(model, draftTree(), { lang: 'ru' });
    expect(ru.outgoing).toBe('Исх. № 17/ГЭ от 20.11.2026');
    const general = ru.sections.find((s) => s.kind === 'fields');
    if (general?.kind !== 'fields') throw new Error('no general information');
    expect(general.fields.at(-1)!.value).toEqual(['с 02.11.2026 по до конца месяца']);
    const en = buildConclusion(model, draftTree(), { lang: 'en' });
    expect(en.outgoing).toBe('Ref. No. 17/ГЭ of 20 November 2026');
    expect(en.annex!.heading).toBe('Annex 1 to Conclusion No. 17/ГЭ of 20 November 2026');
    expect(buildConclusion(model, draftTree(), { lang: 'ky' }).outgoing).toBe('Чыгуучу № 17/ГЭ, 20.11.2026');
  });

  it('takes stored values of the wrong shape as empty, and names them missing instead of failing', () => {
    const hostile = {
      addressee: 'Комитет',
      outgoingNumber: 17,
      outgoingDate: ['2026-11-20'],
      draftTitle: { ru: 'x' },
      experts: 'Айгуль',
      signatories: { name: 'Н. Абдылдаева' },
      annexes: [5, 'Справка', null],
      criteriaAnalysis: ['C8'],
      verdict: 'maybe',
      summary: null,
      recommendations: 42,
    } as unknown as ReviewModel['conclusion'];
    const fields = effectiveFields(hostile, draftTree());
    expect(validateConclusion(fields)).toEqual(['addressee.committee', 'outgoingNumber', 'outgoingDate', 'verdict', 'signatories']);
    const doc = buildConclusion(reviewModel({ conclusion: hostile }), draftTree(), { lang: 'ru' });
    expect(doc.annexList!.items.filter((i) => i.kind === 'text')).toEqual([{ kind: 'text', text: 'Справка' }]);
    expect(doc.outgoing).toBeNull();
    expect(renderConclusionHtml(doc)).toContain('О государственных пособиях семьям с детьми');
  });

  it('strips what XML cannot carry and keeps what the expert wrote', () => {
    expect(cleanText('a\u0000b\u0007c\u001Bd\uFFFEe\uFFFFf\uD800g\r\nh')).toBe('abcdefg\nh');
    expect(cleanText('👩‍⚖️ ok')).toBe('👩‍⚖️ ok');
    expect(cleanLine('  two\n lines\t ')).toBe('two lines');
  });

  it('renders the preview with user text inert', () => {
    const hostile = '<img src=x onerror=alert(1)>"\'&';
    const model = reviewModel({
      conclusion: { ...completeFields(), summary: hostile, draftTitle: `</h1><script>alert(1)</script>` },
      findings: [
        finding({
          id: `"><svg onload=alert(1)>`,
          clauseId: 'a1.p1',
          criterionId: '<b>C2</b>',
          explanation: hostile,
          final: { targetId: 'x', decision: 'confirmed', wording: hostile, at: 1 },
        }),
      ],
    });
    const html = renderConclusionHtml(buildConclusion(model, draftTree(), { lang: 'ru' }));
    expect(html).not.toMatch(/<script|<img|<svg|<b>/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#38;');
    expect(html).toContain('data-finding="&#34;&#62;&#60;svg onload=alert(1)&#62;"');
    // Exactly the markup the renderer writes: every tag is one of ours.
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['article', 'dd', 'dl', 'dt', 'h1', 'h2', 'h3', 'header', 'div', 'li', 'ol', 'p', 'section', 'span', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul'].sort());
  });
});
