import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAnnotation, setAnswer, setConclusionField, setFinalDecision, setVerdict } from '../../shared/collab/author-doc';
import { upsertCandidates } from '../../shared/collab/engine-doc';
import { mergeReviewModel } from '../../shared/collab/merge';
import { buildConclusion } from '../../shared/conclusion/build';
import type { ConclusionFields } from '../../shared/review-model';
import { packConclusion } from '../../server/export/conclusion-docx';
import { packWorkingCopy } from '../../server/export/working-copy-docx';
import { expectWellFormedPackage } from './expect-docx';
import { expectAllOpenInLibreOffice } from './libreoffice-batch';
import { completeFields, draftTree, tableRows } from './fixtures';

/**
 * The conclusion built from what the collaboration layer really stores: an expert's findings in her
 * author doc, the secretary's final decisions and conclusion fields in hers, merged by the same
 * function the server uses. Guards the contract between the two modules, not just our fixtures.
 */
describe('conclusion from the review docs', () => {
  it('takes the secretary-confirmed findings and her fields from the merged Yjs docs', async () => {
    const expert = new Y.Doc();
    const secretary = new Y.Doc();
    const quote = (exact: string) => ({ exact, prefix: '', suffix: '' });
    const mother = addAnnotation(expert, 'u-expert', {
      kind: 'finding',
      anchor: { clauseId: 'a1.p1', quote: quote('матери') },
      body: 'Только мать.',
      criterionId: 'C8',
      severity: 'concern',
      proposedWording: 'одному из родителей',
    });
    const data = addAnnotation(expert, 'u-expert', {
      kind: 'finding',
      anchor: { clauseId: 'a2.p2', quote: quote('без разбивки по полу') },
      body: 'Нет данных по полу.',
      criterionId: 'C12',
      severity: 'concern',
    });
    const language = addAnnotation(expert, 'u-expert', {
      kind: 'finding',
      anchor: { clauseId: 'a2.p1', quote: quote('уполномоченный работник') },
      body: 'ОТКЛОНЁННОЕ-ЗАМЕЧАНИЕ',
      criterionId: 'C10',
      severity: 'note',
    });
    setVerdict(expert, 'u-expert', { targetId: data.id, decision: 'confirm', wording: 'в разбивке по полу' });
    setAnswer(expert, 'u-expert', { criterionId: 'C12', questionId: 'C12.q1', value: 'no' });

    setFinalDecision(secretary, { targetId: mother.id, decision: 'confirmed' });
    setFinalDecision(secretary, { targetId: data.id, decision: 'confirmed' });
    setFinalDecision(secretary, { targetId: language.id, decision: 'dismissed' });
    const fields = completeFields();
    for (const key of Object.keys(fields) as Array<keyof ConclusionFields>) setConclusionField(secretary, key, fields[key]);

    // An engine candidate the secretary confirmed without editing: its suggestion goes in unchanged.
    const engine = new Y.Doc();
    const suggestion = { ru: 'Статья 12-1. Гарантии лицам с семейными обязанностями', ky: 'СУНУШ-КЫРГЫЗЧА', en: 'SUGGESTION-EN' };
    upsertCandidates(
      engine,
      { id: 'kg-gender-expertise', version: '2026.1' },
      [
        {
          id: 'cand-night',
          checklist: 'kg-gender-expertise@2026.1',
          criterionId: 'C9',
          detectorId: 'C9.night',
          clauseId: 'a12-1',
          span: { start: 13, end: 32 },
          quote: quote('Запрет труда женщин'),
          matched: [{ form: 'женщин', lemma: 'женщина' }],
          severity: 'violation',
          polarity: 'risk',
          explanation: { ru: 'Запрет труда женщин.', ky: 'Аялдардын эмгегине тыюу.', en: 'Ban on women working.' },
          suggestedWording: suggestion,
          legalBasis: [],
        },
      ],
      null,
    );
    setFinalDecision(secretary, { targetId: 'cand-night', decision: 'confirmed' });

    const model = mergeReviewModel({
      reviewId: 'r-collab',
      engine,
      authors: [
        { userId: 'u-expert', role: 'expert', doc: expert },
        { userId: 'u-secretary', role: 'secretary', doc: secretary },
      ],
    });
    const doc = buildConclusion(model, draftTree(), { lang: 'ru' });
    const buffer = await packConclusion(doc);
    const xml = expectWellFormedPackage(buffer)['word/document.xml']!;
    const rows = tableRows(xml).slice(1);
    expect(rows.map((r) => r.cells[1])).toEqual(['Статья 1, часть 1', 'Статья 2, часть 2', 'Статья 12-1']);
    expect(rows.map((r) => r.cells[3])).toEqual(['одному из родителей', 'в разбивке по полу', suggestion.ru]);
    // The same review over a Kyrgyz draft takes the engine's Kyrgyz suggestion, whatever the export language.
    const kyTree = { ...draftTree(), meta: { ...draftTree().meta, language: 'ky' as const } };
    const kyRow = buildConclusion(model, kyTree, { lang: 'en' }).annex!.table.rows;
    expect(kyRow.map((r) => r.proposed[0])).toEqual(['одному из родителей', 'в разбивке по полу', 'СУНУШ-КЫРГЫЗЧА']);
    expect(xml).not.toContain('ОТКЛОНЁННОЕ');
    expect(xml).toContain('Исх. № 17/ГЭ от 20.11.2026');

    const copyBuffer = await packWorkingCopy(model, draftTree(), { lang: 'ru' });
    const copy = expectWellFormedPackage(copyBuffer);
    expect(copy['word/comments.xml']!.match(/<w:comment /g)).toHaveLength(3);
    await expectAllOpenInLibreOffice([
      { name: 'from-collab', docx: buffer, phrases: [doc.title, 'Статья 1, часть 1', 'Статья 2, часть 2', 'Статья 12-1'] },
      { name: 'from-collab-working-copy', docx: copyBuffer, phrases: ['Рабочий экземпляр проекта', 'одному из родителей', 'в разбивке по полу'] },
    ]);
  });
});
