import { describe, expect, it } from 'vitest';
import { buildConclusion, conclusionTitle } from '../../shared/conclusion/build';
import { renderConclusionHtml } from '../../shared/conclusion/html';
import { laterReadingSection, readingPhrase, type LaterReadingInput } from '../../shared/conclusion/later-reading';
import { completeFields, draftTree, reviewModel } from './fixtures';

const XSS = '<img src=x onerror="alert(1)">';

const input = (comparative = true): LaterReadingInput => ({
  seq: 2,
  comparative,
  recommendations: [
    { findingId: 'f1', clauseLabel: 'Статья 1, часть 1', drafted: '1. Пособие назначается матери.', newText: '1. Пособие назначается одному из родителей.', proposed: '1. Пособие назначается одному из родителей.', status: 'adopted' },
    { findingId: 'f2', clauseLabel: `Статья 2 ${XSS}`, drafted: `2. Текст ${XSS}`, newText: null, proposed: '2. Иначе.', status: 'not_applicable' },
    { findingId: 'f3', clauseLabel: 'Статья 3', drafted: '3. Жена обязана.', newText: '3. Жена обязана.', proposed: '3. Супруги обязаны.', status: 'not_adopted' },
  ],
});

describe('the conclusion on a later reading', () => {
  it('names the reading in the title in ru, ky and en; ordinals past the sixth fall back to figures', () => {
    expect(readingPhrase(2, 'ru')).toBe('ко второму чтению');
    expect(readingPhrase(3, 'ru')).toBe('к третьему чтению');
    expect(readingPhrase(9, 'ru')).toBe('к 9-му чтению');
    expect(readingPhrase(2, 'ky')).toBe('экинчи окууга карата');
    expect(readingPhrase(9, 'ky')).toBe('9-окууга карата');
    expect(readingPhrase(3, 'en')).toBe('for the third reading');
    expect(conclusionTitle('О пособиях', 'ru', 'law', 2)).toBe('Заключение по результатам гендерной экспертизы проекта Закона Кыргызской Республики «О пособиях» ко второму чтению');
    expect(conclusionTitle('О пособиях', 'ru', 'law')).not.toContain('чтению');
  });

  it('says how many were adopted and which units stand, and builds the comparative form only when asked', () => {
    const { paragraphs, table } = laterReadingSection(input(), 'ru');
    expect(paragraphs[0]).toBe('Рекомендаций, данных Альянсом к тексту проекта ранее: 3. В редакции 2-го чтения учтено: 1; учтено частично: 0; не учтено: 1; утратило актуальность: 1.');
    expect(paragraphs).toContain('Не учтены и сохраняют силу: Статья 3.');
    expect(table!.headers).toEqual(['Редакция 1-го чтения', 'Редакция 2-го чтения', 'Рекомендация Альянса', 'Учтено?']);
    expect(table!.rows[1]).toMatchObject({ after: ['(норма исключена)'], adopted: 'Утратило актуальность' });
    expect(laterReadingSection(input(false), 'en').table).toBeNull();
    expect(laterReadingSection({ seq: 2, recommendations: [] }, 'ky').paragraphs).toEqual(['Долбоордун текстине мурда берилген сунуштамалар жок.']);
  });

  it('puts the section right after the verdict, and its HTML keeps typed text as text', () => {
    const model = reviewModel({ conclusion: completeFields() });
    const doc = buildConclusion(model, draftTree(), { lang: 'ru', reading: input() });
    expect(doc.sections.map((s) => s.id).slice(0, 3)).toEqual(['general', 'verdict', 'readings']);
    expect(doc.sections[2]!.heading).toBe('3. Учёт ранее данных рекомендаций');
    const html = renderConclusionHtml(doc);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x');
    expect(html).toContain('<th scope="col">Учтено?</th>');
  });
});
