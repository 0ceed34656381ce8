import { describe, expect, it } from 'vitest';
import { detectAdoption } from '../../../shared/readings/adoption-status';
import { wordDiff } from '../../../shared/readings/word-diff';
import { modality, refersElsewhere } from '../../../shared/readings/norm-kind';
import { stem } from '../../../shared/readings/words';
import { accuracy, loadPairs, runPairs, SPLITS } from './pairs';

describe('labelled set of the adoption-status detector', () => {
  const pairs = loadPairs();

  it('is well formed: ≥ 60 pairs, held-out parts of 20 (seen) and 40 (new, ≥ 12 Kyrgyz), every status, Russian and Kyrgyz, unique ids', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(60);
    expect(pairs.filter((p) => p.split === 'heldout-seen').length).toBeGreaterThanOrEqual(20);
    const fresh = pairs.filter((p) => p.split === 'heldout2');
    expect(fresh.length).toBeGreaterThanOrEqual(40);
    expect(fresh.filter((p) => p.lang === 'ky').length).toBeGreaterThanOrEqual(12);
    for (const label of ['adopted', 'partly', 'not_adopted', 'not_applicable'] as const) expect(fresh.filter((p) => p.label === label).length).toBeGreaterThan(3);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
    for (const label of ['adopted', 'partly', 'not_adopted', 'not_applicable'] as const) {
      expect(pairs.filter((p) => p.label === label && p.lang === 'ru').length).toBeGreaterThan(2);
      expect(pairs.filter((p) => p.label === label && p.lang === 'ky').length).toBeGreaterThan(1);
    }
  });

  it('the detector is right on ≥ 90 % of the whole set (each part printed apart)', () => {
    const outcomes = runPairs(pairs);
    const parts = SPLITS.map((split) => {
      const list = outcomes.filter((o) => o.pair.split === split);
      return `${split} ${(100 * accuracy(list)).toFixed(1)} % of ${list.length}`;
    });
    console.log(`[tendik] adoption status: ${(100 * accuracy(outcomes)).toFixed(1)} % of ${outcomes.length} pairs; ${parts.join('; ')}`);
    expect(accuracy(outcomes)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('detectAdoption', () => {
  const drafted = 'Пособие по уходу за ребенком выплачивается матери ежемесячно.';
  const proposed = 'Пособие по уходу за ребенком выплачивается одному из родителей ежемесячно.';

  it('gives the evidence: the new text, the word diff and which words of the recommendation it holds', () => {
    const r = detectAdoption({ criticised: 'матери', drafted, proposed, next: proposed });
    expect(r.status).toBe('adopted');
    expect(r.reason).toBe('verbatim');
    expect(r.evidence.newText).toBe(proposed);
    expect(r.evidence.diff).toEqual([
      { op: 'same', text: 'Пособие по уходу за ребенком выплачивается ' },
      { op: 'del', text: 'матери ' },
      { op: 'ins', text: 'одному из родителей ' },
      { op: 'same', text: 'ежемесячно.' },
    ]);
    expect(r.evidence.removed).toEqual([{ word: 'матери', gone: true }]);
    expect(r.evidence.added.map((a) => [a.word, a.present])).toEqual([
      ['одному', true],
      ['родителей', true],
    ]);
  });

  it('a clause left as it was is not adopted; a deleted one is no longer applicable, unless deletion was the recommendation', () => {
    expect(detectAdoption({ criticised: 'матери', drafted, proposed, next: drafted }).status).toBe('not_adopted');
    expect(detectAdoption({ criticised: 'матери', drafted, proposed, next: null })).toMatchObject({ status: 'not_applicable', reason: 'deleted' });
    expect(detectAdoption({ criticised: 'матери', drafted, proposed, next: '(Утратила силу)' })).toMatchObject({ status: 'not_applicable', reason: 'repealed' });
    expect(detectAdoption({ criticised: 'матери', drafted, proposed: null, next: null })).toMatchObject({ status: 'adopted', reason: 'deleted-as-proposed' });
    expect(detectAdoption({ criticised: 'матери', drafted, proposed: null, next: drafted }).status).toBe('not_adopted');
  });

  it('a permission made a duty as proposed is partly adopted even when the rest of the proposal is missing', () => {
    const input = {
      criticised: 'может назначить',
      drafted: 'Суд может назначить алименты на содержание супруги.',
      proposed: 'Суд обязан назначить алименты на содержание нуждающегося супруга в течение десяти дней с сохранением их индексации.',
    };
    expect(detectAdoption({ ...input, next: 'Суд обязан назначить алименты на содержание супруги.' }).status).toBe('partly');
    expect(detectAdoption({ ...input, next: 'Суд может назначить алименты на содержание супруги по ее заявлению.' }).status).toBe('not_adopted');
    expect(modality('Работодатель вправе отказать.', 'ru')).toBe('permission');
    expect(modality('Работодатель не вправе отказать.', 'ru')).toBe('ban');
    expect(modality('Работодатель обязан отказать.', 'ru')).toBe('duty');
    expect(modality('Иш берүүчү баш тартууга укуктуу.', 'ky')).toBe('permission');
    expect(modality('Иш берүүчү баш тартууга милдеттүү.', 'ky')).toBe('duty');
    expect(modality('Отпуск предоставляется работнику.', 'ru')).toBeNull();
  });

  it('a clause now referring to the Cabinet is no longer applicable once the criticised words went, not adopted while they stay', () => {
    const input = {
      criticised: 'вдовам',
      drafted: 'Компенсация за топливо выплачивается вдовам погибших военнослужащих.',
      proposed: 'Компенсация за топливо выплачивается супругам погибших военнослужащих независимо от пола.',
    };
    expect(detectAdoption({ ...input, next: 'Компенсация за топливо выплачивается в порядке, установленном Кабинетом Министров Кыргызской Республики.' })).toMatchObject({
      status: 'not_applicable',
      reason: 'refers-elsewhere',
    });
    expect(detectAdoption({ ...input, next: 'Компенсация за топливо выплачивается вдовам погибших военнослужащих в порядке, установленном Кабинетом Министров.' }).status).toBe('not_adopted');
    expect(refersElsewhere('Тартиби Кыргыз Республикасынын Министрлер Кабинети тарабынан аныкталат.', 'ky')).toBe(true);
    expect(refersElsewhere('Компенсация выплачивается ежемесячно.', 'ru')).toBe(false);
  });

  it('reads repeal notes that name the repealing act first, and ignores a renumbering of the unit', () => {
    const input = { criticised: 'матери', drafted: '2. Пособие выплачивается матери.', proposed: '2. Пособие выплачивается одному из родителей.' };
    expect(detectAdoption({ ...input, next: '(Кыргыз Республикасынын 2025-жылдын 3-мартындагы № 45 Мыйзамына ылайык күчүн жоготту)' })).toMatchObject({
      status: 'not_applicable',
      reason: 'repealed',
    });
    expect(detectAdoption({ ...input, next: '(Утратила силу в соответствии с Законом КР от 3 марта 2025 года № 45)' }).reason).toBe('repealed');
    expect(detectAdoption({ ...input, next: '3. Пособие выплачивается одному из родителей.' })).toMatchObject({ status: 'adopted', reason: 'verbatim' });
    // A clause that merely contains the word is not a repeal note.
    expect(detectAdoption({ ...input, next: '2. Пособие выплачивается матери; возможность отказа от него исключена.' }).status).toBe('not_adopted');
  });

  it('a piece of the proposal left out keeps it partly adopted; a phrase of an addition taken counts', () => {
    const drafted = 'Кредит выдается заемщику под залог имущества.';
    const proposed = 'Кредит выдается заемщику под залог имущества или под поручительство, а для сельских предпринимательниц — без залога по гарантии государственного фонда.';
    expect(detectAdoption({ criticised: 'под залог имущества', drafted, proposed, next: 'Кредит выдается заемщику под залог имущества или под поручительство.' }).status).toBe('partly');
    expect(detectAdoption({ criticised: 'под залог имущества', drafted, proposed, next: drafted.replace('выдается', 'предоставляется') }).status).toBe('not_adopted');
  });

  it('takes empty or odd text without throwing', () => {
    expect(detectAdoption({ criticised: '', drafted: '', proposed: '', next: '' }).status).toBe('not_applicable');
    expect(detectAdoption({ criticised: '—', drafted: '1.', proposed: '2.', next: '3.' }).status).toBeDefined();
    expect(wordDiff('', 'новые слова', 'ru')).toEqual([{ op: 'ins', text: 'новые слова' }]);
  });

  it('stems inflected forms of Russian and Kyrgyz to the same word, hyphenated compounds apart', () => {
    expect(stem('матерям', 'ru')).toBe(stem('матери', 'ru'));
    expect(stem('родителей', 'ru')).toBe(stem('родителям', 'ru'));
    expect(stem('аялдарга', 'ky')).toBe(stem('аялдардын', 'ky'));
    expect(stem('ата-энелердин', 'ky')).not.toBe(stem('энелердин', 'ky'));
    expect(stem('семидесяти', 'ru')).toBe('70');
  });
});
