import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clauseTreeText, normaliseText, parseDraft } from '../../../server/import/parse';
import { allClauses, sourceFromText } from './source';

// Lines of every shape the parser distinguishes, plus the malformed ones real drafts contain:
// unbalanced quotes, stray markers, headings without numbers, NBSP, tabs.
const LINES = [
  'Проект', 'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ', 'О внесении изменений в Закон Кыргызской Республики "О браке"',
  'ОБЩАЯ ЧАСТЬ', 'РАЗДЕЛ II', 'ОБЩИЕ ПОЛОЖЕНИЯ', 'Глава 3. Семья', 'ГЛАВА 10-1', 'Параграф 2. Опека',
  'Статья 5. Основные понятия', 'Статья 5.', 'Статья 21¹. Утратила силу', 'Статья 2191. Вставная', 'Статьи 80-82. Утратили силу',
  '1-берене. Негизги түшүнүктөр', '11-статья.', '3-Глава', 'I БӨЛҮМ. ЖАЛПЫ ЖОБОЛОР', 'ЖАЛПЫ БӨЛҮК',
  'Article 5. Definitions', 'Chapter II', '(1) For the purposes of this Law:', '(a) "gender" means',
  '1. Часть статьи.', '2. Работодатель обязан:', '1) пункт;', '2) в статье 41:', 'а) подпункт;', 'б) в части 1:',
  '- в абзаце двенадцатом цифры "30" заменить цифрами "29";', '– при увольнении.', '— тире',
  '1) статью 15 дополнить частью 21 следующего содержания:', '"21. Новая часть.".', '"Статья 112. Новая статья', 'Текст новой статьи.";',
  '5) 10-берене күчүн жоготту деп табылсын.', 'б) часть 2 изложить в следующей редакции:', '«2. Новая редакция.»;',
  '(В редакции Закона КР от 10 мая 2023 года № 97)', '(Утратила силу в соответствии с Законом КР от 30 июня 2022 года № 51)',
  'Примечание. Под скотом понимаются лошади.', '2) в отношении ребенка, –', 'наказывается лишением свободы.', '(ii) promotions;', 'Утратила силу.',
  'Bishkek, 5 March 2024', 'в Закон Кыргызской Республики «О браке»', 'в соответствии со статьей 5 настоящего Закона', '40-беренесинин 1-бөлүгүнө ылайык',
  'Президент Кыргызской Республики С.Жапаров', 'г. Бишкек', '№ 97', 'Приложение 1', 'Значение терминов',
  'слова "незакрытая кавычка', '"', '«', '»', ')', '1)', '1.', 'а)', '-', 'Статья', '\u00A0', '\t  ', '', '   Статья 7. С отступом   ',
];

const line = fc.oneof(fc.constantFrom(...LINES), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));

describe('parser properties on arbitrary documents', () => {
  it('never throws, loses or invents nothing, and gives unique, safe, located ids', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const text = lines.join('\n');
        const { tree, warnings } = parseDraft(sourceFromText(text));
        expect(normaliseText(clauseTreeText(tree))).toBe(normaliseText(text));
        const clauses = allClauses(tree);
        const ids = clauses.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const c of clauses) {
          expect(c.id).toMatch(/^[a-z0-9][a-z0-9._~-]*$/);
          expect(c.line).toBeGreaterThan(0);
          expect(c.text.trim()).toBe(c.text);
        }
        const known = new Set<string>(ids);
        for (const w of warnings) expect(known.has(w.location.clauseId!)).toBe(true);
        // the same input gives the same ids
        expect(allClauses(parseDraft(sourceFromText(text)).tree).map((c) => c.id)).toEqual(ids);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it('keeps the text lossless for every line order of a real-looking draft', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(LINES, { minLength: 1 }), (lines) => {
        const text = lines.join('\n');
        expect(normaliseText(clauseTreeText(parseDraft(sourceFromText(text)).tree))).toBe(normaliseText(text));
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
