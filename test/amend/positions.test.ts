import { describe, expect, it } from 'vitest';
import { applyAmendments } from '../../shared/amend/apply';
import { instructionsOf } from '../../shared/amend/instructions';
import { paragraphNumber } from '../../shared/amend/ordinals';
import { clauseById, parseText } from './helpers';

/** Positions named in words beyond the twenties, in Russian and Kyrgyz, on an article of 33 paragraphs. */
const TERMS = Array.from({ length: 32 }, (_, i) => `термин ${i + 1} - понятие номер ${i + 1};`);
const BASE_RU = ['ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ', '', 'О терминах', '', 'Статья 1. Понятия', '', 'В настоящем Законе используются понятия:', ...TERMS, '', 'Статья 2. Сроки', '', 'Закон вступает в силу.'].join('\n');

describe('positions', () => {
  it('ordinal words to the nineties (ru, ky)', () => {
    expect(paragraphNumber('абзаце тридцатом')).toBe(30);
    expect(paragraphNumber('абзац тридцать второй')).toBe(32);
    expect(paragraphNumber('отуз экинчи абзацында')).toBe(32);
    expect(paragraphNumber('жыйырма биринчи абзацы')).toBe(21);
    expect(paragraphNumber('абзаце двенадцатом')).toBe(12);
    expect(paragraphNumber('абзаце 7')).toBe(7);
    expect(paragraphNumber('абзаце девяностом')).toBe(90);
  });

  it('«в абзаце тридцатом», «абзац тридцать третий», «после слов …» on the paragraphs of an article', () => {
    const base = parseText(BASE_RU);
    // paragraph 1 is the lead-in, so paragraph 30 is «термин 29», paragraph 33 «термин 32»
    const amending = parseText(
      [
        'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
        '',
        'О внесении изменений в Закон Кыргызской Республики «О терминах»',
        '',
        'Статья 1.',
        '',
        'Внести в Закон Кыргызской Республики «О терминах» следующие изменения:',
        '1) в статье 1:',
        'а) в абзаце тридцатом слова «понятие номер 29» заменить словами «новое понятие»;',
        'б) абзац тридцать третий исключить;',
        'в) в абзаце двадцать первом после слов «понятие номер» дополнить словами «двадцать»;',
        '2) в статье 1 в абзаце сороковом слова «понятие» исключить.',
      ].join('\n'),
    );
    const outcome = applyAmendments(instructionsOf(amending), [{ key: 'k', title: 'О терминах', tree: base }]);
    const [a, b, c, d] = outcome.results;
    expect(a).toMatchObject({ status: 'applied', unitId: 'a1.x30' });
    expect(clauseById(outcome.acts[0]!.tree, 'a1.x30')!.text).toBe('термин 29 - новое понятие;');
    expect(b).toMatchObject({ status: 'applied', unitId: 'a1.x33', change: 'removed' });
    expect(c).toMatchObject({ status: 'applied', unitId: 'a1.x21' });
    expect(clauseById(outcome.acts[0]!.tree, 'a1.x21')!.text).toBe('термин 20 - понятие номер двадцать 20;');
    expect(d).toMatchObject({ status: 'failed', reason: 'target_not_found' });
  });
});
