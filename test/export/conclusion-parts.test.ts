import { describe, expect, it } from 'vitest';
import type { ClauseId } from '../../shared/ids';
import type { Clause, ClauseTree } from '../../shared/clause';
import { chairInDative, committeeInDative } from '../../shared/conclusion/addressee';
import { citeBasis } from '../../shared/conclusion/citations';
import { clauseReferences } from '../../shared/conclusion/clause-ref';
import { checkDate, displayDate } from '../../shared/conclusion/dates';
import { reasoningOf } from '../../shared/conclusion/reasoning';
import { latestWording } from '../../shared/conclusion/table';
import { guessLanguage } from '../../shared/conclusion/typed-language';
import type { LegalBasis } from '../../shared/review-model';
import { criteriaOfChecklist } from '../../server/export/criteria-source';
import { finding } from './fixtures';

/** The pieces of the conclusion one at a time: what each rule of issue 14 does with hard cases. */

const basisOf = (id: string): LegalBasis[] => criteriaOfChecklist('kg-gender-expertise')!.find((c) => c.id === id)!.legalBasis ?? [];

describe('citations', () => {
  it('cites each source once, its articles in legal style, methodology apart', () => {
    expect(citeBasis(basisOf('C1'), 'ru')).toEqual({
      legal: 'Правовая основа: статья 24 Конституции Кыргызской Республики; статья 2 Конвенции о ликвидации всех форм дискриминации в отношении женщин',
      methodology: null,
    });
    // C2 cites the Convention twice: one mention, both articles.
    expect(citeBasis(basisOf('C2'), 'ru').legal).toContain('статьи 1 и 15 Конвенции о ликвидации всех форм дискриминации в отношении женщин');
    expect(citeBasis(basisOf('C8'), 'ru').legal).toBe(
      'Правовая основа: пункт «b» статьи 5 и подпункт «d» пункта 1 статьи 16 Конвенции о ликвидации всех форм дискриминации в отношении женщин',
    );
    expect(citeBasis(basisOf('C8'), 'ky').legal).toBe(
      'Укуктук негиз: Аялдарды басмырлоонун бардык түрлөрүн жоюу жөнүндө конвенциянын 5-беренесинин «b» пункту жана 16-беренесинин 1-пунктунун «d» пунктчасы',
    );
    expect(citeBasis(basisOf('C8'), 'en').legal).toBe(
      'Legal basis: Articles 5(b) and 16(1)(d) of the Convention on the Elimination of All Forms of Discrimination against Women',
    );
    expect(citeBasis(basisOf('C13'), 'ru')).toEqual({
      legal: null,
      methodology: 'Методическая основа: ОБСЕ/БДИПЧ, «Законы, работающие для женщин и мужчин» (2017); Руководство EIGE по оценке гендерного воздействия (шаг 5)',
    });
    expect(citeBasis(basisOf('C13'), 'ky').methodology).toContain('(5-кадам)');
    // A national code's article range and a source without articles, named by its title.
    const criminal: LegalBasis[] = [{ source: 'kg-criminal-code', title: { ru: 'УК', ky: 'КЖК', en: 'CC' }, article: '172–177' }];
    expect(citeBasis(criminal, 'ru').legal).toBe('Правовая основа: статьи 172–177 Уголовного кодекса Кыргызской Республики');
    expect(citeBasis(criminal, 'ky').legal).toBe('Укуктук негиз: Кыргыз Республикасынын Кылмыш-жаза кодексинин 172–177-беренелери');
    // A source Tendik does not know is cited by its title, its article after it.
    const unknown: LegalBasis[] = [{ source: 'new-law', title: { ru: 'Закон о новом', ky: 'Жаңы мыйзам', en: 'New law' }, article: '3' }];
    expect(citeBasis(unknown, 'ru').legal).toBe('Правовая основа: Закон о новом: 3');
  });
});

/** A Russian draft: articles, parts, items, a sub-item, an indent, one article without a number. */
function tree(): ClauseTree {
  const c = (id: string, kind: Clause['kind'], number: string | null, label: string, children: Clause[] = []): Clause => ({
    id: id as ClauseId,
    kind,
    number,
    label,
    text: label,
    children,
  });
  return {
    meta: { language: 'ru', actKind: 'law', title: 'О тесте', date: null, number: null, isDraft: true },
    clauses: [
      c('ch', 'chapter', '2', 'Глава 2', [
        c('a18', 'article', '18', 'Статья 18', [
          c('a18.2', 'part', '2', 'Статья 18, часть 2', [
            c('a18.2.3', 'item', '3', 'Статья 18, часть 2, пункт 3', [c('a18.2.3.a', 'subitem', 'а', 'Статья 18, часть 2, пункт 3, подпункт а')]),
            c('a18.2.i', 'indent', null, 'Статья 18, часть 2, абзац 4'),
          ]),
        ]),
        c('ax', 'article', null, 'Статья без номера'),
      ]),
    ],
  };
}

describe('clause references in the export’s language', () => {
  it('builds «18-берене, 2-бөлүк» and "Article 18, part 2" from kinds and numbers, keeping the import’s label in its own language', () => {
    const t = tree();
    const all = new Map<string, Clause>();
    const walk = (cs: Clause[]) => cs.forEach((x) => (all.set(x.id, x), walk(x.children)));
    walk(t.clauses);
    const ref = (lang: 'ru' | 'ky' | 'en', id: string) => clauseReferences(t, lang)(all.get(id)!);
    expect(ref('ky', 'a18.2')).toBe('18-берене, 2-бөлүк');
    expect(ref('en', 'a18.2')).toBe('Article 18, part 2');
    expect(ref('ky', 'a18.2.3.a')).toBe('18-берене, 2-бөлүк, 3-пункт, «а» пунктчасы');
    expect(ref('en', 'a18.2.3.a')).toBe('Article 18, part 2, item 3, sub-item (а)');
    expect(ref('ky', 'a18.2.i')).toBe('18-берене, 2-бөлүк, 4-абзац');
    expect(ref('ky', 'ch')).toBe('2-глава');
    expect(ref('ru', 'a18.2.3')).toBe('Статья 18, часть 2, пункт 3');
    // No number to build from: the import's label, as the draft prints it.
    expect(ref('ky', 'ax')).toBe('Статья без номера');
  });
});

describe('typed texts in another language', () => {
  it('tells Russian, Kyrgyz and English apart by letters and common words, and leaves short names alone', () => {
    expect(guessLanguage('Проект регулирует назначение пособий семьям с детьми.')).toBe('ru');
    expect(guessLanguage('первое чтение')).toBe('ru');
    expect(guessLanguage('Долбоор үй-бүлөлөрдү колдоо жөнүндө ченемдерди камтыйт.')).toBe('ky');
    expect(guessLanguage('Биринчи окуу жана экинчи окуу')).toBe('ky');
    expect(guessLanguage('The draft regulates benefits for families.')).toBe('en');
    expect(guessLanguage('Айгуль Токтосунова')).toBeNull();
    expect(guessLanguage('6-12345/26')).toBeNull();
  });
});

describe('dates', () => {
  it('knows a real date from an impossible one, in either form the form gets', () => {
    expect(checkDate('30.02.2026')).toBe('impossible');
    expect(checkDate('2026-02-29')).toBe('impossible');
    expect(checkDate('2028-02-29')).toBe('valid');
    expect(checkDate('20.11.2026')).toBe('valid');
    expect(checkDate('до конца месяца')).toBe('not-a-date');
    expect(checkDate(' ')).toBe('empty');
    expect(displayDate('1.11.2026', 'ru')).toBe('01.11.2026');
    expect(displayDate('2026-11-01', 'en')).toBe('1 November 2026');
    expect(displayDate('30.02.2026', 'en')).toBe('30.02.2026');
  });
});

describe('the addressee in the dative', () => {
  it('declines the committee and the chair, and leaves a line she wrote in the dative as it is', () => {
    expect(committeeInDative('Комитет по социальной политике', 'ru')).toBe('Комитету по социальной политике');
    expect(committeeInDative('Комитету по социальной политике', 'ru')).toBe('Комитету по социальной политике');
    expect(committeeInDative('Социалдык саясат боюнча комитети', 'ky')).toBe('Социалдык саясат боюнча комитетине');
    expect(chairInDative('А. Т. Асанова', 'ru')).toBe('Председателю комитета А.\u00A0Т.\u00A0Асановой');
    expect(chairInDative('Б. К. Осмонов', 'ru')).toBe('Председателю комитета Б.\u00A0К.\u00A0Осмонову');
    expect(chairInDative('Б. К. Осмонов', 'ky')).toBe('Комитеттин төрагасы Б.\u00A0К.\u00A0Осмоновго');
    expect(chairInDative('А. Т. Асанова', 'ky')).toBe('Комитеттин төрагасы А.\u00A0Т.\u00A0Асановага');
    expect(chairInDative('Председателю комитета Асановой А. А.', 'ru')).toBe('Председателю комитета Асановой А. А.');
    expect(chairInDative('А. Т. Асанова', 'en')).toBe('А.\u00A0Т.\u00A0Асанова, Chair of the Committee');
  });
});

describe('reasoning and wording', () => {
  it('never takes the engine’s question for reasoning', () => {
    const question = { ru: 'Не создаёт ли исключение риск?', ky: 'Тобокелдик жаратабы?', en: 'Does it create a risk?' };
    expect(reasoningOf(finding({ clauseId: 'a', criterionId: 'C2', explanation: question, final: { targetId: 'x', decision: 'confirmed', at: 1 } }))).toBe('');
    const confirmedBy = (reason: string, at: number) => ({ targetId: 'x', authorId: 'e', decision: 'confirm' as const, reason, at });
    const engine = finding({ clauseId: 'a', criterionId: 'C2', explanation: question, verdicts: [confirmedBy('Первая причина.', 1), confirmedBy('Вторая причина.', 2)] });
    expect(reasoningOf(engine)).toBe('Вторая причина.');
    expect(reasoningOf({ ...engine, final: { targetId: 'x', decision: 'confirmed', justification: 'Решение секретаря.', at: 3 } })).toBe('Решение секретаря.');
    // An expert's own explanation is her reasoning; another expert's "agreed" does not replace it.
    const own = finding({ clauseId: 'a', criterionId: 'C2', origin: 'expert', explanation: 'Норма исключает отцов.', verdicts: [confirmedBy('Согласна.', 2)] });
    expect(reasoningOf(own)).toBe('Норма исключает отцов.');
  });

  it('takes the wording decided last on a unit, the first in the draft’s order on the same moment', () => {
    const decided = (wording: string, at: number) => finding({ clauseId: 'a', criterionId: 'C2', proposedWording: wording, final: { targetId: 'x', decision: 'confirmed', at } });
    expect(latestWording([decided('раньше', 1), decided('позже', 2)], 'ru')).toBe('позже');
    expect(latestWording([decided('первая', 2), decided('вторая', 2)], 'ru')).toBe('первая');
    expect(latestWording([finding({ clauseId: 'a', criterionId: 'C2' })], 'ru')).toBeUndefined();
  });
});
