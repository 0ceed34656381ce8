import { describe, expect, it } from 'vitest';
import { sentenceTarget, sentences } from '../../shared/amend/sentences';

/**
 * Sentences of a unit's text as a drafter counts them, and the sentence an instruction names. Written before
 * shared/amend/sentences.ts: a full stop, «!» or «?» before a capital ends a sentence; a semicolon does not (it ends
 * list items, which are units of their own, or joins clauses of one sentence: «…; при этом …»); abbreviations,
 * decimals, initials, quotes and the unit's own number never do.
 */
const texts = (t: string): string[] => sentences(t).map((s) => t.slice(s.start, s.end));

describe('sentences', () => {
  it('the unit number is not a sentence, the first sentence starts after it', () => {
    expect(texts('1. Первое предложение. Второе предложение.')).toEqual(['Первое предложение.', 'Второе предложение.']);
    expect(texts('2) первое; второе. Третье.')).toEqual(['первое; второе.', 'Третье.']);
    expect(texts('а) текст подпункта.')).toEqual(['текст подпункта.']);
    expect(texts('Текст без точки в конце')).toEqual(['Текст без точки в конце']);
  });
  it('a semicolon ends no sentence', () => {
    expect(texts('3. Учет ведется ежедневно; данные хранятся пять лет.')).toHaveLength(1);
  });
  it('«!» and «?» end one', () => {
    expect(texts('Первое! Второе? Третье.')).toEqual(['Первое!', 'Второе?', 'Третье.']);
  });
  it('abbreviations of law, decimals and initials end none', () => {
    expect(texts('В соответствии с ч. 2 ст. 5 и п. 3 настоящего Закона. Далее.')).toHaveLength(2);
    expect(texts('Заявление подается в г. Бишкек не позднее. Далее.')).toHaveLength(2);
    expect(texts('Надбавка составляет 1.5 процента, т.е. не менее. Далее.')).toHaveLength(2);
    expect(texts('Решение принимает (А.А. Иванов или лицо). Далее.')).toHaveLength(2);
    expect(texts('Подписал А. Иванов. Далее.')).toHaveLength(2);
    expect(texts('Подпункты пп. 1 и подп. 2. Далее.')).toHaveLength(2);
    expect(texts('Составляет 100 руб. в месяц. Далее.')).toHaveLength(2);
    expect(texts('Арыз Бишкек ш. боюнча берилет, б.а. мурун. Андан кийин.')).toHaveLength(2);
  });
  it('a currency word or «и т.д.» at the end of a sentence before a capital ends it', () => {
    expect(texts('Не менее 500 сом. Работник вправе.')).toEqual(['Не менее 500 сом.', 'Работник вправе.']);
    expect(texts('Справки, копии и т.д. Документы хранятся.')).toHaveLength(2);
  });
  it('an abbreviation typed with a Latin lookalike letter («cм.», Latin c) is still one (seen in the Civil Code)', () => {
    expect(texts('Справка: cм. Закон о земле. Далее.')).toEqual(['Справка: cм. Закон о земле.', 'Далее.']);
  });
  it('a quote opened and never closed in the line does not swallow the rest of it (seen in the Civil Code)', () => {
    expect(texts('“Письменная форма соблюдена, если лицо выразило волю. Законом могут быть предусмотрены иные требования.')).toHaveLength(2);
  });
  it('never inside quotes', () => {
    expect(texts('Слова «Прим. Текст» заменены. Далее.')).toEqual(['Слова «Прим. Текст» заменены.', 'Далее.']);
    expect(texts('Слова "Прим. Текст" заменены. Далее.')).toHaveLength(2);
  });
});

describe('sentenceTarget', () => {
  const RU = ['первое', 'второе', 'третье', 'четвертое', 'пятое', 'шестое', 'седьмое', 'восьмое', 'девятое', 'десятое'];
  const RU_IN = ['первом', 'втором', 'третьем', 'четвертом', 'пятом', 'шестом', 'седьмом', 'восьмом', 'девятом', 'десятом'];
  const KY = ['биринчи', 'экинчи', 'үчүнчү', 'төртүнчү', 'бешинчи', 'алтынчы', 'жетинчи', 'сегизинчи', 'тогузунчу', 'онунчу'];
  it('ordinals first to tenth, ru and ky, in the forms instructions use', () => {
    RU.forEach((w, i) => expect(sentenceTarget(`${w} предложение части 2 исключить;`)).toEqual({ kind: 'sentence', n: i + 1 }));
    RU.forEach((w, i) => expect(sentenceTarget(`предложение ${w} части 1 изложить в следующей редакции: «Текст.»`)).toEqual({ kind: 'sentence', n: i + 1 }));
    RU_IN.forEach((w, i) => expect(sentenceTarget(`в ${w} предложении части 3 слова «а» заменить словами «б»;`)).toEqual({ kind: 'sentence', n: i + 1 }));
    KY.forEach((w, i) => expect(sentenceTarget(`2-бөлүгүнүн ${w} сүйлөмү алып салынсын;`)).toEqual({ kind: 'sentence', n: i + 1 }));
    KY.forEach((w, i) => expect(sentenceTarget(`1-бөлүгүнүн ${w} сүйлөмүндөгү "а" деген сөз "б" деген сөз менен алмаштырылсын;`)).toEqual({ kind: 'sentence', n: i + 1 }));
  });
  it('a new sentence: at the end, or after the one named', () => {
    expect(sentenceTarget('часть 1 дополнить предложением следующего содержания: «Первое предложение.»;')).toEqual({ kind: 'new', after: null });
    expect(sentenceTarget('часть 2 после первого предложения дополнить предложением следующего содержания: «Текст.»;')).toEqual({ kind: 'new', after: 1 });
    expect(sentenceTarget('3-бөлүгү төмөнкү мазмундагы сүйлөм менен толукталсын: "Биринчи сүйлөм.";')).toEqual({ kind: 'new', after: null });
    expect(sentenceTarget('2-бөлүгү экинчи сүйлөмүнөн кийин төмөнкү мазмундагы сүйлөм менен толукталсын: "Текст.";')).toEqual({ kind: 'new', after: 2 });
  });
  it('the last sentence', () => {
    expect(sentenceTarget('последнее предложение части 2 исключить;')).toEqual({ kind: 'sentence', n: 'last' });
    expect(sentenceTarget('2-бөлүгүнүн акыркы сүйлөмү алып салынсын;')).toEqual({ kind: 'sentence', n: 'last' });
  });
  it('several sentences named at once', () => {
    expect(sentenceTarget('второе и третье предложения части 2 исключить;')).toEqual({ kind: 'sentences', n: [2, 3] });
    expect(sentenceTarget('шестое, восьмое и десятое предложения части 1 признать утратившими силу;')).toEqual({ kind: 'sentences', n: [6, 8, 10] });
    expect(sentenceTarget('1-бөлүгүнүн алтынчы жана сегизинчи сүйлөмдөрү алып салынсын;')).toEqual({ kind: 'sentences', n: [6, 8] });
  });
  it('no sentence named: null (words in quotes do not count)', () => {
    expect(sentenceTarget('в части 2 слова «второе предложение» исключить;')).toBeNull();
    expect(sentenceTarget('часть 2 исключить;')).toBeNull();
  });
});
