import { describe, expect, it } from 'vitest';
import { walkClauses, type ClauseTree } from '../../../shared/clause';
import { clauseTreeText, normaliseText, parseDraft } from '../../../server/import/parse';
import { allClauses, byId, outline, sourceFromText } from './source';

/**
 * The classes of structure failures of issue 18, each on drafts written for the test, in Russian and
 * Kyrgyz: headings numbered in words, flattened superscripts, headings and signatures over several lines,
 * numbered subheadings between articles, decimal parts, typing slips. (Hard-wrapped text is read by the
 * text reader: test/import/readers/wrapped-text.test.ts.)
 */

function parse(lines: string[]) {
  const text = lines.join('\n');
  const parsed = parseDraft(sourceFromText(text));
  // every class keeps every character of the source
  expect(normaliseText(clauseTreeText(parsed.tree))).toBe(normaliseText(text));
  const ids = allClauses(parsed.tree).map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  return parsed;
}

function headings(tree: ClauseTree, kinds = ['division', 'section', 'chapter', 'subchapter', 'article']): string[] {
  return allClauses(tree)
    .filter((c) => kinds.includes(c.kind))
    .map((c) => `${c.id} ${c.label}${c.title ? ` — ${c.title}` : ''}`);
}

function parentOf(tree: ClauseTree, id: string): string | null {
  for (const [c, parents] of walkClauses(tree.clauses)) if (c.id === id) return parents.at(-1)?.id ?? null;
  throw new Error(`no clause ${id}`);
}

describe('headings numbered in words', () => {
  it('RU: «Раздел первый», «Глава первая», «Глава двадцать третья», «Глава двадцать третья-1», «ЧАСТЬ I», «ЧАСТЬ ВТОРАЯ»', () => {
    const { tree, warnings } = parse([
      'ЧАСТЬ I',
      'Раздел первый',
      'ОБЩИЕ ПОЛОЖЕНИЯ',
      'Глава первая',
      'Общие положения',
      'Статья 1. Понятия',
      'В настоящем Кодексе применяются следующие понятия.',
      'ГЛАВА ВТОРАЯ. КОМПЕТЕНЦИЯ',
      'Статья 2. Компетенция органов',
      'Органы действуют в пределах компетенции.',
      'ЧАСТЬ ВТОРАЯ',
      'РАЗДЕЛ ВТОРОЙ',
      'Глава двадцать третья',
      'Заключительные положения',
      'Статья 3. Вступление в силу',
      'Глава двадцать третья-1 Переходные положения',
      'Статья 4. Переход',
      'Глава первая настоящего Кодекса применяется к отношениям, возникшим после его введения.',
    ]);
    expect(headings(tree)).toEqual([
      'd1 Часть I',
      's1 Раздел первый — ОБЩИЕ ПОЛОЖЕНИЯ',
      'ch1 Глава первая — Общие положения',
      'a1 Статья 1 — Понятия',
      'ch2 Глава вторая — КОМПЕТЕНЦИЯ',
      'a2 Статья 2 — Компетенция органов',
      'd2 Часть вторая',
      's2 Раздел второй',
      'ch23 Глава двадцать третья — Заключительные положения',
      'a3 Статья 3 — Вступление в силу',
      'ch23-1 Глава двадцать третья-1 — Переходные положения',
      'a4 Статья 4 — Переход',
    ]);
    expect(byId(tree, 'ch23')).toMatchObject({ number: 'двадцать третья', text: 'Глава двадцать третья Заключительные положения' });
    expect(byId(tree, 'd1')).toMatchObject({ number: 'I' });
    // a sentence that starts like a heading stays a sentence
    expect(byId(tree, 'a4.x1').kind).toBe('indent');
    expect(warnings.map((w) => [w.code, w.location.clauseId])).toEqual([['numbering_gap', 'ch23']]);
  });

  it('KY: «Биринчи бөлүм», «Биринчи глава», «Жыйырма үчүнчү глава», and old «I Глава» with its title on the next line', () => {
    const { tree, warnings } = parse([
      'Биринчи бөлүм',
      'ЖАЛПЫ ЖОБОЛОР',
      'Биринчи глава',
      'Негизги жоболор',
      '1-берене. Негизги түшүнүктөр',
      'Ушул Кодексте төмөнкү түшүнүктөр колдонулат.',
      'Жыйырма үчүнчү глава. Корутунду жоболор',
      '2-берене. Күчүнө кириши',
      'Ушул Кодекс расмий жарыяланган күндөн тартып күчүнө кирет.',
    ]);
    expect(tree.meta.language).toBe('ky');
    expect(headings(tree)).toEqual([
      's1 Биринчи бөлүм — ЖАЛПЫ ЖОБОЛОР',
      'ch1 Биринчи глава — Негизги жоболор',
      'a1 1-берене — Негизги түшүнүктөр',
      'ch23 Жыйырма үчүнчү глава — Корутунду жоболор',
      'a2 2-берене — Күчүнө кириши',
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['numbering_gap']);

    const old = parse([
      'I Глава',
      'Жалпы жоболор',
      '1-статья. Мыйзамдын максаты',
      'Ушул Мыйзам аялдардын жана эркектердин тең укуктарын камсыз кылат.',
      'II ГЛАВА',
      'Мамлекеттик органдар',
      '2-статья. Ыйгарым укуктар',
      'Мамлекеттик органдар тең мүмкүнчүлүктөрдү камсыз кылат.',
    ]);
    expect(headings(old.tree)).toEqual([
      'ch1 I глава — Жалпы жоболор',
      'a1 1-берене — Мыйзамдын максаты',
      'ch2 II глава — Мамлекеттик органдар',
      'a2 2-берене — Ыйгарым укуктар',
    ]);
    expect(old.warnings).toEqual([]);
  });
});

describe('flattened superscripts', () => {
  it('RU: «Статья 161» between 16 and 17 is 16¹, reported, labelled and named as 16¹; the printed number is kept', () => {
    const { tree, warnings, repairs } = parse([
      'Глава 1. Общие положения',
      'Статья 16. Шестнадцатая',
      'Текст.',
      'Статья 161. Вставная',
      'Текст.',
      'Статья 162. Вторая вставная',
      'Текст.',
      'Статья 17. Семнадцатая',
      'Текст.',
    ]);
    expect(byId(tree, 'a16-1')).toMatchObject({ number: '16¹', printedNumber: '161', label: 'Статья 16¹', text: 'Статья 161. Вставная', title: 'Вставная' });
    expect(byId(tree, 'a16-2')).toMatchObject({ number: '16²', printedNumber: '162' });
    expect(byId(tree, 'a17').printedNumber).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(repairs.map((r) => [r.code, r.location.line, r.location.clauseId, r.location.label])).toEqual([
      ['number_restored', 4, 'a16-1', 'Статья 16¹'],
      ['number_restored', 6, 'a16-2', 'Статья 16²'],
    ]);
    expect(repairs[0]!.message).toEqual({
      ru: '«Статья 161» прочитана как «Статья 16¹»: надстрочный номер, напечатанный в строку',
      ky: '«161-берене» «16¹-берене» катары окулду: жогорку индекстеги номер сап менен басылган',
      en: '«Article 161» read as «Article 16¹»: a superscript number printed inline',
    });
  });

  it('RU: 311 in a run 31, 311, 32 is 31¹ while the real 311 far later keeps its number and id', () => {
    const lines: string[] = [];
    for (let n = 1; n <= 315; n++) {
      lines.push(`Статья ${n}. Статья номер ${n}`, `Текст статьи ${n}.`);
      if (n === 31) lines.push('Статья 311. Вставная после тридцать первой', 'Текст вставной статьи.');
    }
    const { tree, warnings, repairs } = parse(lines);
    expect(byId(tree, 'a31-1')).toMatchObject({ number: '31¹', printedNumber: '311', title: 'Вставная после тридцать первой' });
    expect(byId(tree, 'a311')).toMatchObject({ number: '311', title: 'Статья номер 311' });
    expect(byId(tree, 'a311').printedNumber).toBeUndefined();
    expect(repairs.map((r) => r.location.clauseId)).toEqual(['a31-1']);
    expect(warnings).toEqual([]);
  });

  it('RU: a run 233¹ … 233¹² printed after 244 stays in place as insertions to 233, and ids stay unprefixed', () => {
    const lines = ['Глава 10. Общие положения'];
    for (let n = 230; n <= 244; n++) lines.push(`Статья ${n}. Статья ${n}`, 'Текст.');
    lines.push('Глава 10-1. Право на землю');
    for (let i = 1; i <= 12; i++) lines.push(`Статья 233${i}. Вставная ${i}`, 'Текст.');
    lines.push('Глава 11. Жилые помещения', 'Статья 245. Статья 245', 'Текст.', 'Статья 246. Статья 246', 'Текст.');
    const { tree, warnings, repairs } = parse(lines);
    const articles = allClauses(tree).filter((c) => c.kind === 'article');
    expect(articles.map((c) => c.id)).toEqual([
      ...Array.from({ length: 15 }, (_, i) => `a${230 + i}`),
      ...Array.from({ length: 12 }, (_, i) => `a233-${i + 1}`),
      'a245', 'a246',
    ]);
    expect(byId(tree, 'a233-10')).toMatchObject({ number: '233¹⁰', printedNumber: '23310' });
    expect(repairs).toHaveLength(12);
    expect(warnings).toEqual([]);
  });

  it('RU: «Глава 171» between 17 and 18 is chapter 17¹', () => {
    const { tree, repairs } = parse(['Глава 17. Семнадцатая', 'Статья 1. А', 'Глава 171. Вставная', 'Статья 2. Б', 'Глава 18. Восемнадцатая', 'Статья 3. В']);
    expect(byId(tree, 'ch17-1')).toMatchObject({ number: '17¹', printedNumber: '171', label: 'Глава 17¹' });
    expect(repairs.map((r) => r.message.ru)).toEqual(['«Глава 171» прочитана как «Глава 17¹»: надстрочный номер, напечатанный в строку']);
  });

  it('KY: «161-берене» between 16 and 17, «171-глава» between 17 and 18', () => {
    const { tree, repairs } = parse([
      '17-глава. Он жетинчи',
      '16-берене. Он алтынчы',
      'Текст.',
      '161-берене. Кошулган',
      'Текст.',
      '171-глава. Кошулган глава',
      '17-берене. Он жетинчи',
      'Текст.',
      '18-глава. Он сегизинчи',
      '18-берене. Он сегизинчи',
      'Текст.',
    ]);
    expect(byId(tree, 'a16-1')).toMatchObject({ number: '16¹', printedNumber: '161', label: '16¹-берене' });
    expect(byId(tree, 'ch17-1')).toMatchObject({ number: '17¹', label: '17¹-глава' });
    expect(repairs.map((r) => r.message.ky)).toEqual([
      '«161-берене» «16¹-берене» катары окулду: жогорку индекстеги номер сап менен басылган',
      '«171-глава» «17¹-глава» катары окулду: жогорку индекстеги номер сап менен басылган',
    ]);
  });

  it('leaves numbers alone where nothing after them says they were flattened', () => {
    // the Labour Code fragments print 1, 17, 38; a draft that ends with 28, 281 has nothing after it to compare
    const fragments = parse(['1-берене. Бир', 'Текст.', '17-берене. Он жети', 'Текст.', '38-берене. Отуз сегиз', 'Текст.']);
    expect(allClauses(fragments.tree).filter((c) => c.kind === 'article').map((c) => c.number)).toEqual(['1', '17', '38']);
    expect(fragments.repairs).toEqual([]);
    const end = parse(['Статья 27. А', 'Статья 28. Б', 'Статья 281. В']);
    expect(byId(end.tree, 'a281').number).toBe('281');
    expect(end.repairs).toEqual([]);
    // sections that restart at 1: 311 after 310 is plain
    const restart = parse(['РАЗДЕЛ I', 'Статья 310. А', 'Статья 311. Б', 'Статья 312. В', 'РАЗДЕЛ II', 'Статья 1. Г', 'Статья 2. Д']);
    expect(allClauses(restart.tree).filter((c) => c.kind === 'article').map((c) => c.id)).toEqual(['s1.a310', 's1.a311', 's1.a312', 's2.a1', 's2.a2']);
    expect(restart.repairs).toEqual([]);
  });
});

describe('headings and signatures over several lines', () => {
  it('RU: a code title, a chapter title and an article title that continue on the next line; a signature over two lines', () => {
    const { tree, warnings, repairs } = parse([
      'Кодекс Кыргызской Республики',
      'о правонарушениях',
      'Глава 1',
      'Общие положения о правонарушениях',
      'и ответственности за них',
      'Статья 1. Задачи Кодекса Кыргызской Республики',
      'о правонарушениях',
      'Задачами настоящего Кодекса являются защита прав и свобод человека.',
      'Глава 2. Понятие правонарушения.',
      'Основания ответственности',
      'Статья 2. Понятие правонарушения',
      'Правонарушением признается виновное деяние.',
      'Глава Республики Тыва',
      'Ш. Кара-оол',
    ]);
    expect(tree.meta).toMatchObject({ actKind: 'code', title: 'Кодекс Кыргызской Республики о правонарушениях' });
    expect(headings(tree)).toEqual([
      'ch1 Глава 1 — Общие положения о правонарушениях и ответственности за них',
      'a1 Статья 1 — Задачи Кодекса Кыргызской Республики о правонарушениях',
      'ch2 Глава 2 — Понятие правонарушения. Основания ответственности',
      'a2 Статья 2 — Понятие правонарушения',
    ]);
    expect(byId(tree, 'ch1').text).toBe('Глава 1 Общие положения о правонарушениях и ответственности за них');
    expect(byId(tree, 'a2').children.map((c) => c.text)).toEqual(['Правонарушением признается виновное деяние.']);
    expect(byId(tree, 'sig')).toMatchObject({ text: 'Глава Республики Тыва' });
    expect(byId(tree, 'sig').children.map((c) => c.text)).toEqual(['Ш. Кара-оол']);
    expect(warnings).toEqual([]);
    expect(repairs.map((r) => [r.code, r.location.clauseId, r.location.line])).toEqual([
      ['heading_joined', 'ch1', 5],
      ['heading_joined', 'a1', 7],
      ['heading_joined', 'ch2', 10],
    ]);
    expect(repairs[0]!.message.ru).toBe('Заголовок «Глава 1» продолжен строкой 5: «и ответственности за них»');
  });

  it('RU: a body sentence after the title stays the body', () => {
    const { tree, repairs } = parse([
      'Статья 1. Понятия',
      'в настоящем Законе используются следующие понятия:',
      '1) работник – физическое лицо.',
      'Статья 2. Сфера действия',
      'Настоящий Закон применяется ко всем работодателям.',
    ]);
    expect(byId(tree, 'a1').title).toBe('Понятия');
    expect(byId(tree, 'a2').title).toBe('Сфера действия');
    expect(repairs).toEqual([]);
  });

  it('KY: a chapter and an article title over two lines, the President\'s signature over two lines', () => {
    const { tree, warnings, repairs } = parse([
      'КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ',
      'Тең укуктар жана тең мүмкүнчүлүктөр жөнүндө',
      '1-глава. Жалпы жоболор жана',
      'негизги түшүнүктөр',
      '1-берене. Ушул Мыйзамдын',
      'максаттары',
      'Ушул Мыйзам аялдар менен эркектердин тең укуктарын камсыз кылат.',
      '2-берене. Күчүнө кириши',
      'Ушул Мыйзам расмий жарыяланган күндөн тартып күчүнө кирет.',
      'Кыргыз Республикасынын',
      'Президенти С.Жапаров',
    ]);
    expect(headings(tree)).toEqual([
      'ch1 1-глава — Жалпы жоболор жана негизги түшүнүктөр',
      'a1 1-берене — Ушул Мыйзамдын максаттары',
      'a2 2-берене — Күчүнө кириши',
    ]);
    expect(byId(tree, 'a2').children.map((c) => c.text)).toEqual(['Ушул Мыйзам расмий жарыяланган күндөн тартып күчүнө кирет.']);
    expect(byId(tree, 'sig').text).toBe('Кыргыз Республикасынын');
    expect(byId(tree, 'sig').children.map((c) => c.text)).toEqual(['Президенти С.Жапаров']);
    expect(warnings).toEqual([]);
    expect(repairs.map((r) => [r.code, r.location.clauseId])).toEqual([['heading_joined', 'ch1'], ['heading_joined', 'a1']]);
    expect(repairs[1]!.message.ky).toBe('«1-берене» аталышы 6-сап менен уланды: «максаттары»');
  });
});

describe('numbered subheadings between articles', () => {
  it('RU: «1. Общие положения», «2. Полное товарищество» are headings of their articles, not parts of the article before', () => {
    const { tree, warnings } = parse([
      'Глава 5. Юридические лица',
      'Параграф 2. Хозяйственные товарищества и общества',
      '1. Общие положения',
      'Статья 1. Основные положения',
      '1. Хозяйственными товариществами признаются коммерческие организации.',
      '2. Хозяйственные товарищества могут создаваться в форме полного товарищества.',
      '2. Полное товарищество',
      'Статья 2. Основные положения о полном товариществе',
      '1. Полным признается товарищество, участники которого несут ответственность.',
      '3. Коммандитное товарищество',
      'Статья 3. Основные положения о коммандитном товариществе',
      '1. Коммандитным признается товарищество.',
      '2. Вкладчики несут риск убытков.',
      '3. Коммандитное товарищество действует на основании учредительного договора',
      'Параграф 3. Кооперативы',
      'Статья 4. Понятие кооператива',
      'Кооперативом признается добровольное объединение граждан.',
      'Глава 6. Сделки',
      '1. Понятие, виды и формы сделок',
      'Статья 5. Понятие сделок',
      'Сделками признаются действия граждан.',
      '2. Недействительность сделок',
      'Статья 6. Общие положения',
      'Сделка недействительна по основаниям, установленным Кодексом.',
    ]);
    expect(headings(tree, ['chapter', 'subchapter', 'article'])).toEqual([
      'ch5 Глава 5 — Юридические лица',
      'ch5.sc2 Параграф 2 — Хозяйственные товарищества и общества',
      'ch5.sc2.sc1 § 1 — Общие положения',
      'a1 Статья 1 — Основные положения',
      'ch5.sc2.sc2 § 2 — Полное товарищество',
      'a2 Статья 2 — Основные положения о полном товариществе',
      'ch5.sc2.sc3 § 3 — Коммандитное товарищество',
      'a3 Статья 3 — Основные положения о коммандитном товариществе',
      'ch5.sc3 Параграф 3 — Кооперативы',
      'a4 Статья 4 — Понятие кооператива',
      'ch6 Глава 6 — Сделки',
      'ch6.sc1 § 1 — Понятие, виды и формы сделок',
      'a5 Статья 5 — Понятие сделок',
      'ch6.sc2 § 2 — Недействительность сделок',
      'a6 Статья 6 — Общие положения',
    ]);
    expect(byId(tree, 'ch5.sc2.sc3')).toMatchObject({ kind: 'subchapter', number: '3', title: 'Коммандитное товарищество' });
    // the last part of article 3 has no stop, but it is part 3 after parts 1 and 2, and § 4 would come next
    expect(byId(tree, 'a3.p3').text).toBe('3. Коммандитное товарищество действует на основании учредительного договора');
    expect(byId(tree, 'a1').children.map((c) => c.id)).toEqual(['a1.p1', 'a1.p2']);
    expect(parentOf(tree, 'a2')).toBe('ch5.sc2.sc2');
    expect(parentOf(tree, 'a4')).toBe('ch5.sc3');
    expect(warnings).toEqual([]);
  });

  it('KY: «1. Жалпы жоболор», «2. Толук шериктик» between беренелер', () => {
    const { tree, warnings } = parse([
      '5-глава. Юридикалык жактар',
      '1. Жалпы жоболор',
      '1-берене. Юридикалык жактын түшүнүгү',
      '1. Юридикалык жак деп менчигинде мүлкү бар уюм таанылат.',
      '2. Юридикалык жак өз мүлкү менен жооп берет.',
      '2. Толук шериктик',
      '2-берене. Толук шериктик жөнүндө негизги жоболор',
      'Толук шериктиктин катышуучулары анын милдеттенмелери боюнча жооп беришет.',
    ]);
    expect(headings(tree, ['chapter', 'subchapter', 'article'])).toEqual([
      'ch5 5-глава — Юридикалык жактар',
      'ch5.sc1 § 1 — Жалпы жоболор',
      'a1 1-берене — Юридикалык жактын түшүнүгү',
      'ch5.sc2 § 2 — Толук шериктик',
      'a2 2-берене — Толук шериктик жөнүндө негизги жоболор',
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('decimal parts', () => {
  it('RU: «2.1», «2.2» are parts 2.1 and 2.2 (ids a40.p2-1), not a repeated part 2; a date at a line start is text', () => {
    const { tree, warnings } = parse([
      'Статья 40. Сроки',
      '1. Первая часть.',
      '2. Вторая часть.',
      '2.1. Часть два-один.',
      '2.2 Часть два-два, напечатанная без точки после номера.',
      '3. Третья часть, принятая',
      '25.07.2011 г. Законом № 261.',
    ]);
    expect(outline(tree)).toEqual(['a40 article', 'a40.p1 part', 'a40.p2 part', 'a40.p2-1 part', 'a40.p2-2 part', 'a40.p3 part', 'a40.p3.x1 indent']);
    expect(byId(tree, 'a40.p2-1')).toMatchObject({ number: '2.1', label: 'Статья 40, часть 2.1' });
    expect(byId(tree, 'a40.p2-2')).toMatchObject({ number: '2.2', text: '2.2 Часть два-два, напечатанная без точки после номера.' });
    expect(warnings).toEqual([]);
  });

  it('KY: «2.1.» in a берене', () => {
    const { tree, warnings } = parse(['40-берене. Мөөнөттөр', '1. Биринчи бөлүк.', '2. Экинчи бөлүк.', '2.1. Кошумча бөлүк.', '3. Үчүнчү бөлүк.']);
    expect(outline(tree)).toEqual(['a40 article', 'a40.p1 part', 'a40.p2 part', 'a40.p2-1 part', 'a40.p3 part']);
    expect(byId(tree, 'a40.p2-1').label).toBe('40-берене, 2.1-бөлүк');
    expect(warnings).toEqual([]);
  });
});

describe('typing slips in headings', () => {
  it('EN: «Article1.», «Article 2 Definitions», «Chapter1.»', () => {
    const { tree, warnings } = parse(['Chapter1. General provisions', 'Article1. Scope', 'This Law applies to all employers.', 'Article2 - Definitions', 'Terms are defined below.']);
    expect(headings(tree)).toEqual(['ch1 Chapter 1 — General provisions', 'a1 Article 1 — Scope', 'a2 Article 2 — Definitions']);
    expect(warnings).toEqual([]);
  });

  it('RU: «Статья5.», «Cтатья 6.» with a Latin C, «Статья 7 Заключительные положения» without its stop, «Глава1.»', () => {
    const { tree, warnings } = parse([
      'Глава1. Общие положения',
      'Статья5. Пятая',
      'Текст.',
      'Cтатья 6. Шестая, с латинской C',
      'Текст.',
      'Статья 7 Заключительные положения',
      'Настоящий Закон вступает в силу со дня опубликования.',
      'Статья 8 настоящего Закона применяется с 2026 года.',
    ]);
    expect(headings(tree)).toEqual([
      'ch1 Глава 1 — Общие положения',
      'a5 Статья 5 — Пятая',
      'a6 Статья 6 — Шестая, с латинской C',
      'a7 Статья 7 — Заключительные положения',
    ]);
    expect(byId(tree, 'a7.x2').text).toBe('Статья 8 настоящего Закона применяется с 2026 года.');
    expect(warnings).toEqual([]);
  });

  it('KY: «9–берене.» with an en dash, «10 -берене.», «11-Берене.», «12 берене.»', () => {
    const { tree, warnings } = parse([
      '9–берене. Тогузунчу',
      'Текст.',
      '10 -берене. Онунчу',
      'Текст.',
      '11-Берене. Он биринчи',
      'Текст.',
      '12 берене. Он экинчи',
      'Текст.',
      '12 беренеде каралган учурларда гана колдонулат.',
    ]);
    expect(headings(tree)).toEqual(['a9 9-берене — Тогузунчу', 'a10 10-берене — Онунчу', 'a11 11-берене — Он биринчи', 'a12 12-берене — Он экинчи']);
    expect(byId(tree, 'a12.x2').kind).toBe('indent');
    expect(warnings).toEqual([]);
  });
});
