import { describe, expect, it } from 'vitest';
import { clauseTreeText, normaliseText, parseDraft } from '../../../server/import/parse';
import { allClauses, byId, outline, sourceFromText } from './source';

const RU_DRAFT = `Проект

ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ
О гарантиях равных возможностей в сфере труда

Настоящий Закон устанавливает гарантии равных прав и возможностей мужчин и женщин в сфере труда.
Действие настоящего Закона распространяется на всех работодателей.

ГЛАВА 1
ОБЩИЕ ПОЛОЖЕНИЯ

Статья 1. Основные понятия
В настоящем Законе используются следующие понятия:
1) работник – физическое лицо, вступившее в трудовые отношения с работодателем;
2) лица с семейными обязанностями – родители, опекуны, попечители.

Статья 2.
Сфера действия

1. Настоящий Закон применяется в соответствии со статьей 5 настоящего Закона.
2. Работодатель обязан:
1) обеспечивать равную оплату за труд равной ценности;
2) не допускать дискриминации:
а) при приеме на работу;
б) при продвижении по службе, в том числе:
- при назначении на руководящие должности;
– при направлении на обучение;
в) при увольнении.
(В редакции Закона КР от 10 мая 2023 года № 97)

Глава 2. Гарантии

Статья 12-1. Отпуск по уходу за ребенком
Отпуск по уходу за ребенком предоставляется одному из родителей по их выбору.
Статья 3 настоящего Закона применяется к отцам и матерям одинаково.

Статья 21¹. Утратила силу

Статья 22. Заключительные положения
1. Настоящий Закон вступает в силу со дня официального опубликования.
2. Правительству Кыргызской Республики в трехмесячный срок привести свои решения в соответствие с настоящим Законом.

Президент Кыргызской Республики                С.Жапаров
г. Бишкек
от 10 мая 2023 года
№ 97`;

describe('a Russian draft', () => {
  const { tree, warnings } = parseDraft(sourceFromText(RU_DRAFT));

  it('reads the header: draft mark, kind of act, title, date and number', () => {
    expect(tree.meta).toEqual({
      language: 'ru',
      actKind: 'law',
      title: 'О гарантиях равных возможностей в сфере труда',
      date: '10 мая 2023 года',
      number: '97',
      isDraft: true,
    });
    expect(byId(tree, 'hdr').text).toBe('Проект');
    expect(byId(tree, 'hdr').children.map((c) => c.text)).toEqual(['ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ', 'О гарантиях равных возможностей в сфере труда']);
  });

  it('builds the whole outline with ids from the numbering path', () => {
    expect(outline(tree)).toEqual([
      'hdr header', 'hdr.x1 header', 'hdr.x2 header',
      'pre preamble', 'pre.x1 indent',
      'ch1 chapter',
      'a1 article', 'a1.x1 indent', 'a1.i1 item', 'a1.i2 item',
      'a2 article', 'a2.p1 part', 'a2.p2 part', 'a2.p2.i1 item', 'a2.p2.i2 item',
      'a2.p2.i2.a subitem', 'a2.p2.i2.b subitem', 'a2.p2.i2.b.x1 indent', 'a2.p2.i2.b.x2 indent', 'a2.p2.i2.v subitem',
      'a2.n1 note',
      'ch2 chapter',
      'a12-1 article', 'a12-1.x1 indent', 'a12-1.x2 indent',
      'a21-1 article',
      'a22 article', 'a22.p1 part', 'a22.p2 part',
      'sig signature', 'sig.x1 signature', 'sig.x2 signature', 'sig.x3 signature',
    ]);
  });

  it('joins a heading split over two paragraphs, title in `title`, both lines in the text', () => {
    expect(byId(tree, 'ch1')).toMatchObject({ number: '1', title: 'ОБЩИЕ ПОЛОЖЕНИЯ', text: 'ГЛАВА 1 ОБЩИЕ ПОЛОЖЕНИЯ', label: 'Глава 1' });
    expect(byId(tree, 'a2')).toMatchObject({ number: '2', title: 'Сфера действия', text: 'Статья 2. Сфера действия', line: 17 });
  });

  it('keeps inserted article numbers as printed and repealed articles in place', () => {
    expect(byId(tree, 'a12-1')).toMatchObject({ number: '12-1', title: 'Отпуск по уходу за ребенком', label: 'Статья 12-1' });
    expect(byId(tree, 'a21-1')).toMatchObject({ number: '21¹', repealed: true, label: 'Статья 21¹' });
    expect(byId(tree, 'a21-1').title).toBeUndefined();
  });

  it('never takes an in-sentence reference for a heading', () => {
    expect(byId(tree, 'a2.p1').text).toContain('в соответствии со статьей 5');
    expect(byId(tree, 'a12-1.x2')).toMatchObject({ kind: 'indent', text: 'Статья 3 настоящего Закона применяется к отцам и матерям одинаково.' });
    expect(allClauses(tree).filter((c) => c.kind === 'article').map((c) => c.number)).toEqual(['1', '2', '12-1', '21¹', '22']);
  });

  it('labels units as a lawyer cites them', () => {
    expect(byId(tree, 'a2.p2.i2.b').label).toBe('Статья 2, часть 2, пункт 2, подпункт б');
    // the sub-item's own line is its first абзац, so the dash entries are the second and third
    expect(byId(tree, 'a2.p2.i2.b.x2').label).toBe('Статья 2, часть 2, пункт 2, подпункт б, абзац 3');
    expect(byId(tree, 'a1.x1').label).toBe('Статья 1, абзац 1');
  });

  it('attaches the editorial note to its article and reads the signature block', () => {
    expect(byId(tree, 'a2.n1').text).toBe('(В редакции Закона КР от 10 мая 2023 года № 97)');
    expect(byId(tree, 'sig').text).toMatch(/^Президент Кыргызской Республики/);
    expect(byId(tree, 'sig').children.map((c) => c.text)).toEqual(['г. Бишкек', 'от 10 мая 2023 года', '№ 97']);
  });

  it('warns about the numbering gaps it sees, with their location', () => {
    expect(warnings.map((w) => [w.code, w.location.clauseId, w.location.line])).toEqual([
      ['numbering_gap', 'a12-1', 33],
      ['numbering_gap', 'a21-1', 37],
    ]);
    expect(warnings[0]!.message).toEqual({
      ru: 'Пропуск в нумерации: «статья 12-1» идёт после «статья 2»',
      ky: 'Номерлөөдө ажырым бар: «2-берене» кийин «12-1-берене» келет',
      en: 'Numbering gap: «article 12-1» follows «article 2»',
    });
  });

  it('loses and invents nothing', () => {
    expect(normaliseText(clauseTreeText(tree))).toBe(normaliseText(RU_DRAFT));
  });
});

const KY_DRAFT = `Долбоор

КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ
Үй-бүлөдөгү зомбулуктан коргоо жөнүндө

I БӨЛҮМ. ЖАЛПЫ ЖОБОЛОР

3-Глава
Негизги жоболор

1-берене. Ушул Мыйзамда колдонулуучу негизги түшүнүктөр
1. Ушул Мыйзамда төмөнкү түшүнүктөр колдонулат:
1) үй-бүлөдөгү зомбулук - үй-бүлө мүчөсүнүн башка мүчөгө карата жасаган аракети;
2) коргоо ордери - ушул Мыйзамдын 5-беренесинин 2-бөлүгүнө ылайык берилүүчү документ.
2. Ушул берененин 1-бөлүгүндө каралган түшүнүктөр 34-1-главада да колдонулат.

2-статья. Мамлекеттик органдардын милдеттери
Мамлекеттик органдар аялдар менен эркектердин тең укуктуулугун камсыз кылат.
40-беренесинин 1-бөлүгүнүн 9-пунктуна ылайык сот коргоо ордерин берет.

3-берене. Күчүн жоготту

Кыргыз Республикасынын Президенти                С.Жапаров
Бишкек шаары
2024-жылдын 5-марты № 21`;

describe('a Kyrgyz draft', () => {
  const { tree, warnings } = parseDraft(sourceFromText(KY_DRAFT));

  it('is recognised as Kyrgyz with its draft mark, title, date and number', () => {
    expect(tree.meta).toMatchObject({
      language: 'ky',
      actKind: 'law',
      isDraft: true,
      title: 'Үй-бүлөдөгү зомбулуктан коргоо жөнүндө',
      date: '2024-жылдын 5-марты',
      number: '21',
    });
  });

  it('reads «I БӨЛҮМ.», «3-Глава», «1-берене.», old «2-статья.», bөлүк and пункт', () => {
    expect(outline(tree)).toEqual([
      'hdr header', 'hdr.x1 header', 'hdr.x2 header',
      's1 section', 'ch3 chapter',
      'a1 article', 'a1.p1 part', 'a1.p1.i1 item', 'a1.p1.i2 item', 'a1.p2 part',
      'a2 article', 'a2.x1 indent', 'a2.x2 indent',
      'a3 article',
      'sig signature', 'sig.x1 signature', 'sig.x2 signature',
    ]);
    expect(byId(tree, 's1')).toMatchObject({ number: 'I', title: 'ЖАЛПЫ ЖОБОЛОР', label: 'I бөлүм' });
    expect(byId(tree, 'ch3')).toMatchObject({ number: '3', title: 'Негизги жоболор', label: '3-глава', text: '3-Глава Негизги жоболор' });
    expect(byId(tree, 'a2')).toMatchObject({ number: '2', title: 'Мамлекеттик органдардын милдеттери', label: '2-берене' });
    expect(byId(tree, 'a1.p1.i2').label).toBe('1-берене, 1-бөлүк, 2-пункт');
    expect(byId(tree, 'a3').repealed).toBe(true);
  });

  it('never takes case-form references («5-беренесинин», «34-1-главада», «40-беренесинин») for headings', () => {
    expect(byId(tree, 'a2.x2').text).toMatch(/^40-беренесинин/);
    expect(allClauses(tree).filter((c) => c.kind === 'chapter')).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('loses and invents nothing', () => {
    expect(normaliseText(clauseTreeText(tree))).toBe(normaliseText(KY_DRAFT));
  });
});

const EN_DRAFT = `Draft

LAW OF THE KYRGYZ REPUBLIC
On Equal Opportunities for Women and Men

Section 1. General Provisions

Chapter II. Definitions and scope

Article 5. Definitions
(1) For the purposes of this Law:
(a) "gender" means the social roles of women and men;
(b) "discrimination" means any distinction based on sex.
(2) This Law applies to all public bodies in accordance with Article 7.

Article 6
Entry into force

This Law enters into force on the day of its official publication.`;

describe('an English draft', () => {
  const { tree, warnings } = parseDraft(sourceFromText(EN_DRAFT));

  it('reads Section, Chapter, Article and their parts', () => {
    expect(tree.meta).toMatchObject({ language: 'en', actKind: 'law', isDraft: true, title: 'On Equal Opportunities for Women and Men' });
    expect(outline(tree)).toEqual([
      'hdr header', 'hdr.x1 header', 'hdr.x2 header',
      's1 section', 'ch2 chapter',
      'a5 article', 'a5.p1 part', 'a5.p1.a subitem', 'a5.p1.b subitem', 'a5.p2 part',
      'a6 article', 'a6.x1 indent',
    ]);
    expect(byId(tree, 'ch2')).toMatchObject({ number: 'II', label: 'Chapter II', title: 'Definitions and scope' });
    expect(byId(tree, 'a5.p1.b').label).toBe('Article 5(1)(b)');
    expect(byId(tree, 'a5.p2').label).toBe('Article 5(2)');
    expect(byId(tree, 'a6')).toMatchObject({ title: 'Entry into force', text: 'Article 6 Entry into force' });
    expect(warnings).toEqual([]);
    expect(normaliseText(clauseTreeText(tree))).toBe(normaliseText(EN_DRAFT));
  });
});

const KY_AMENDMENT = `Долбоор

КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ
"Мамлекеттик кепилдиктер жөнүндө" Кыргыз Республикасынын Мыйзамына өзгөртүүлөрдү киргизүү тууралуу

1-берене. "Мамлекеттик кепилдиктер жөнүндө" Кыргыз Республикасынын Мыйзамына төмөнкүдөй өзгөртүүлөр киргизилсин:
1) 37-берененин 3 жана 6-бөлүктөрүндө "үчтөн экисинен кем эмеси" деген сөздөр "көпчүлүгү" деген сөзгө алмаштырылсын;
2) 5-берене төмөнкүдөй мазмундагы 4-бөлүк менен толукталсын:
"4. Мамлекеттик органдар жыныстар боюнча бөлүштүрүлгөн маалыматтарды чогултат.";
3) 8-берененин 2-бөлүгүндөгү "жана аялдар" деген сөздөр алып салынсын;
4) 9-берене төмөнкүдөй редакцияда баяндалсын:
"9-берене. Кепилдиктердин түрлөрү
Мамлекет тең укуктарды кепилдейт.";
5) 10-берене күчүн жоготту деп табылсын.
2-берене. Ушул Мыйзам расмий жарыяланган күндөн тартып он күн өткөндөн кийин күчүнө кирет.`;

describe('a Kyrgyz amendment law', () => {
  const { tree, warnings } = parseDraft(sourceFromText(KY_AMENDMENT));
  const act = 'Мамлекеттик кепилдиктер жөнүндө';

  it('is an amendment law of the act named in its title', () => {
    expect(tree.meta).toMatchObject({ language: 'ky', actKind: 'amendment_law', amendedActs: [act], isDraft: true });
  });

  it('reads each instruction: operation, target, old and new words', () => {
    expect(byId(tree, 'a1.i1')).toMatchObject({
      kind: 'amendment',
      number: '1',
      label: '1-берене, 1-пункт',
      amendment: { operation: 'replace_words', target: { act, article: '37', part: '3 жана 6' }, oldWords: 'үчтөн экисинен кем эмеси', newWords: 'көпчүлүгү' },
    });
    expect(byId(tree, 'a1.i2').amendment).toEqual({
      operation: 'supplement',
      target: { act, article: '5' },
      added: '4-бөлүк',
      newWords: '4. Мамлекеттик органдар жыныстар боюнча бөлүштүрүлгөн маалыматтарды чогултат.',
    });
    expect(byId(tree, 'a1.i3').amendment).toEqual({ operation: 'exclude', target: { act, article: '8', part: '2' }, oldWords: 'жана аялдар' });
    expect(byId(tree, 'a1.i4').amendment).toMatchObject({ operation: 'restate', target: { act, article: '9' } });
    expect(byId(tree, 'a1.i5').amendment).toEqual({ operation: 'repeal', target: { act, article: '10' } });
    expect(byId(tree, 'a1.i5').repealed).toBeUndefined();
  });

  it('keeps quoted new text under its instruction, never as articles of the amending law', () => {
    expect(byId(tree, 'a1.i4.q.a9')).toMatchObject({ kind: 'article', quoted: true, title: 'Кепилдиктердин түрлөрү', label: '1-берене, 4-пункт: «9-берене»' });
    expect(byId(tree, 'a1.i2.q.p4')).toMatchObject({ kind: 'part', quoted: true });
    expect(tree.clauses.filter((c) => c.kind === 'article').map((c) => c.id)).toEqual(['a1', 'a2']);
    expect(byId(tree, 'a2').title).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(normaliseText(clauseTreeText(tree))).toBe(normaliseText(KY_AMENDMENT));
  });
});

describe('numbering warnings', () => {
  it('reports gaps and duplicates per level, with line, clause id and label', () => {
    const text = [
      'Статья 1. Первая',
      '1. Часть.',
      '2. Часть.',
      '4. Часть.',
      'Статья 2. Вторая',
      '1) пункт;',
      '1) пункт;',
      'Статья 2. Повтор',
      'Статья 5. Пятая',
      'а) подпункт;',
      'в) подпункт;',
    ].join('\n');
    const { warnings } = parseDraft(sourceFromText(text));
    expect(warnings.map((w) => [w.code, w.location.line, w.location.clauseId, w.location.label])).toEqual([
      ['numbering_gap', 4, 'a1.p4', 'Статья 1, часть 4'],
      ['numbering_duplicate', 7, 'a2.i1~2', 'Статья 2, пункт 1'],
      ['numbering_duplicate', 8, 'a2~2', 'Статья 2'],
      ['numbering_gap', 9, 'a5', 'Статья 5'],
      ['numbering_gap', 11, 'a5.v', 'Статья 5, подпункт в'],
    ]);
  });

  it('does not count repealed units, inserted units or flattened superscripts as gaps', () => {
    const text = [
      'Статья 218. Одна',
      'Статья 219. Организация притона',
      '(Утратила силу в соответствии с Законом КР от 30 июня 2022 года № 51)',
      'Статья 2191. Незаконная организация игорной деятельности',
      'Статья 219-2. Другая',
      'Статья 220. Следующая',
      'Статья 220¹. Вставная',
      'Статья 221. Последняя',
    ].join('\n');
    const { tree, warnings } = parseDraft(sourceFromText(text));
    expect(warnings).toEqual([]);
    expect(byId(tree, 'a219').repealed).toBe(true);
    expect(byId(tree, 'a219.n1').kind).toBe('note');
  });
});

describe('unrecognised lines', () => {
  it('are kept as text clauses inside their parent and reported with their location', () => {
    const text = ['Глава 1. Общие положения', 'Подзаголовок, который парсер не знает,', 'Статья 1. Первая', 'Текст.'].join('\n');
    const { tree, warnings } = parseDraft(sourceFromText(text));
    expect(byId(tree, 'ch1.t1')).toMatchObject({ kind: 'text', text: 'Подзаголовок, который парсер не знает,', line: 2 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'unrecognised_line', location: { line: 2, clauseId: 'ch1.t1', label: 'Глава 1, текст 1' } });
    expect(warnings[0]!.message.en).toContain('Подзаголовок');
  });
});

describe('clause ids', () => {
  it('are the same for the same input', () => {
    const a = parseDraft(sourceFromText(RU_DRAFT));
    const b = parseDraft(sourceFromText(RU_DRAFT));
    expect(outline(a.tree)).toEqual(outline(b.tree));
  });

  it('stay put elsewhere when one article changes its text, even gaining and losing paragraphs', () => {
    const before = parseDraft(sourceFromText(RU_DRAFT)).tree;
    const edited = RU_DRAFT.replace(
      '1) работник – физическое лицо, вступившее в трудовые отношения с работодателем;',
      '1) работник – лицо любого пола, вступившее в трудовые отношения;\nНовый абзац.\n- новый пункт списка;',
    ).replace('Отпуск по уходу за ребенком предоставляется одному из родителей по их выбору.', 'Отпуск предоставляется отцу или матери.');
    const after = parseDraft(sourceFromText(edited)).tree;
    const outside = (ids: string[]): string[] => ids.filter((id) => !id.startsWith('a1.i1'));
    expect(outside(outline(after))).toEqual(outside(outline(before)));
    expect(byId(after, 'a12-1.x1').text).toBe('Отпуск предоставляется отцу или матери.');
  });

  it('are safe in HTML attributes and CSS selectors, and unique', () => {
    for (const text of [RU_DRAFT, KY_DRAFT, EN_DRAFT, KY_AMENDMENT]) {
      const ids = allClauses(parseDraft(sourceFromText(text)).tree).map((c) => c.id);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9._~-]*$/);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('name lettered sub-items by their letter, even the letters that look like Roman numerals («с», «х», «м»)', () => {
    const letters = 'абвгдежзиклмнопрстуфх'.split('');
    const text = ['Статья 1. Понятия', '1. Основные понятия:', ...letters.map((l) => `${l}) понятие ${l};`)].join('\n');
    const ids = outline(parseDraft(sourceFromText(text)).tree).filter((line) => line.endsWith(' subitem')).map((line) => line.split(' ')[0]);
    expect(ids).toHaveLength(letters.length);
    expect(ids).toContain('a1.p1.m');
    expect(ids).toContain('a1.p1.s');
    expect(ids).toContain('a1.p1.kh');
    expect(ids.filter((id) => /\.\d+$/.test(id))).toEqual([]);
    // Chapters and sections keep their Roman numerals' values.
    expect(outline(parseDraft(sourceFromText(['ГЛАВА XI. Заключительные', 'Статья 1. А'].join('\n'))).tree)[0]).toBe('ch11 chapter');
  });

  it('carry the heading as prefix where article numbers restart', () => {
    const text = ['РАЗДЕЛ I', 'Статья 1. А', 'Статья 2. Б', 'РАЗДЕЛ II', 'Статья 1. В', 'Статья 2. Г'].join('\n');
    const { tree, warnings } = parseDraft(sourceFromText(text));
    expect(outline(tree)).toEqual(['s1 section', 's1.a1 article', 's1.a2 article', 's2 section', 's2.a1 article', 's2.a2 article']);
    expect(warnings).toEqual([]);
  });
});

describe('normaliseText', () => {
  it('folds white space, NBSP, dash variants and invisible characters', () => {
    expect(normaliseText('  Статья\u00A05.\t–\u2014 текст\u00AD\r\n дальше ')).toBe('Статья 5. -- текст дальше');
  });
});

const RU_AMENDMENT = `Проект

ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ
О внесении изменений в Закон Кыргызской Республики «О государственной регистрации юридических лиц»

Статья 1.
Внести в Закон Кыргызской Республики «О государственной регистрации юридических лиц» (Ведомости Жогорку Кенеша Кыргызской Республики, 2011 г., №9, ст.1287) следующие изменения:
в статье 1:
а) в части 1:
- в абзаце двенадцатом цифры «30» заменить цифрами «29»;
- абзац четырнадцатый признать утратившим силу;
б) часть 2 изложить в следующей редакции:
«2. Регистрирующий орган публикует сведения в разрезе пола учредителей.»;
в статье 5 слова «главы семьи» исключить;
статью 7 дополнить частью 3 следующего содержания:
«3. Заявление подается одним из супругов.».
Статья 2.
Настоящий Закон вступает в силу по истечении десяти дней со дня официального опубликования.

Президент Кыргызской Республики С.Жапаров`;

describe('a Russian amendment law in the Kyrgyz style', () => {
  const { tree, warnings } = parseDraft(sourceFromText(RU_AMENDMENT));
  const act = 'О государственной регистрации юридических лиц';

  it('accumulates the target from «в статье 1: а) в части 1: - в абзаце двенадцатом …»', () => {
    expect(tree.meta).toMatchObject({ actKind: 'amendment_law', amendedActs: [act], isDraft: true });
    expect(byId(tree, 'a1.a.x1').amendment).toEqual({
      operation: 'replace_words',
      target: { act, article: '1', part: '1', paragraph: 'абзаце двенадцатом' },
      oldWords: '30',
      newWords: '29',
    });
    expect(byId(tree, 'a1.a.x2').amendment).toEqual({ operation: 'repeal', target: { act, article: '1', part: '1', paragraph: 'абзац четырнадцатый' } });
    expect(byId(tree, 'a1.b').amendment).toEqual({
      operation: 'restate',
      target: { act, article: '1', part: '2' },
      newWords: '2. Регистрирующий орган публикует сведения в разрезе пола учредителей.',
    });
  });

  it('puts an unnumbered instruction naming its own article back at article level', () => {
    expect(byId(tree, 'a1.x3')).toMatchObject({ kind: 'amendment', amendment: { operation: 'exclude', target: { act, article: '5' }, oldWords: 'главы семьи' } });
    expect(byId(tree, 'a1.x4').amendment).toMatchObject({ operation: 'supplement', target: { act, article: '7' }, added: 'частью 3' });
    expect(byId(tree, 'a1.x4.q.p3')).toMatchObject({ quoted: true, text: '«3. Заявление подается одним из супругов.».' });
    expect(tree.clauses.map((c) => c.id)).toEqual(['hdr', 'a1', 'a2', 'sig']);
    expect(byId(tree, 'a2').title).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(normaliseText(clauseTreeText(tree))).toBe(normaliseText(RU_AMENDMENT));
  });
});

describe('an amending article in the final provisions of an ordinary law', () => {
  const text = [
    'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
    'О семье',
    'Статья 1. Цель',
    'Настоящий Закон регулирует семейные отношения и исключить их нельзя.',
    'Статья 2. О внесении изменений в некоторые законодательные акты',
    'Внести в Трудовой кодекс Кыргызской Республики (Ведомости Жогорку Кенеша Кыргызской Республики, 2004 г., № 6, ст.257) следующие изменения:',
    '1) в статье 100 слова «женщинам» заменить словами «работникам»;',
    '2) статью 101 признать утратившей силу.',
    'Статья 3. Вступление в силу',
    'Настоящий Закон вступает в силу со дня официального опубликования.',
  ].join('\n');
  const { tree } = parseDraft(sourceFromText(text));

  it('reads instructions only inside the amending article', () => {
    expect(tree.meta.actKind).toBe('law');
    expect(byId(tree, 'a1.x1').kind).toBe('indent');
    const act = 'Трудовой кодекс Кыргызской Республики';
    expect(byId(tree, 'a2.i1').amendment).toEqual({ operation: 'replace_words', target: { act, article: '100' }, oldWords: 'женщинам', newWords: 'работникам' });
    expect(byId(tree, 'a2.i2').amendment).toEqual({ operation: 'repeal', target: { act, article: '101' } });
    expect(byId(tree, 'a3')).toMatchObject({ kind: 'article', title: 'Вступление в силу' });
  });
});

describe('a second heading line', () => {
  // Issue 18: a chapter title that goes on on the next line is the title, not an unrecognised line — this
  // test used to expect «unrecognised_line» unless the reader marked the line as a heading.
  it('joins its chapter heading as the rest of the title, reported as a repair', () => {
    const source = sourceFromText(['Глава 3. Понятие преступления.', 'Основание ответственности', 'Статья 18. Понятие', 'Текст.'].join('\n'));
    const plain = parseDraft(source);
    expect(plain.warnings).toEqual([]);
    expect(byId(plain.tree, 'ch3')).toMatchObject({
      title: 'Понятие преступления. Основание ответственности',
      text: 'Глава 3. Понятие преступления. Основание ответственности',
    });
    expect(outline(plain.tree)).toEqual(['ch3 chapter', 'a18 article', 'a18.x1 indent']);
    expect(plain.repairs.map((r) => [r.code, r.location.clauseId, r.location.line])).toEqual([['heading_joined', 'ch3', 2]]);
  });

  it('ending with a stop joins only when the reader marks it as a heading (Word style, <h2>, bold and centred)', () => {
    const source = sourceFromText(['Глава 3. Понятие преступления', 'Основание ответственности за преступление.', 'Статья 18. Понятие', 'Текст.'].join('\n'));
    expect(parseDraft(source).warnings.map((w) => w.code)).toEqual(['unrecognised_line']);
    source.paragraphs[1]!.hints = { style: 'Heading2' };
    const styled = parseDraft(source);
    expect(styled.warnings).toEqual([]);
    expect(byId(styled.tree, 'ch3').title).toBe('Понятие преступления Основание ответственности за преступление.');
  });
});

describe('a header with a title over two lines and an adoption line', () => {
  it('joins the title, skips the adoption date and keeps every line in the header', () => {
    const text = [
      'Проект',
      'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
      'О внесении изменений',
      'в Закон Кыргызской Республики «О браке и семье»',
      'Принят Жогорку Кенешем Кыргызской Республики 6 апреля 2023 года',
      'Статья 1.',
      'Внести в Закон Кыргызской Республики «О браке и семье» следующие изменения:',
      '1) в статье 2 слово «муж» заменить словом «супруг».',
      'г. Бишкек, от 10 мая 2023 года № 97',
    ].join('\n');
    const { tree } = parseDraft(sourceFromText(text));
    expect(tree.meta).toMatchObject({
      actKind: 'amendment_law',
      title: 'О внесении изменений в Закон Кыргызской Республики «О браке и семье»',
      amendedActs: ['О браке и семье'],
      isDraft: true,
      date: '10 мая 2023 года',
      number: '97',
    });
    expect(outline(tree)).toEqual([
      'hdr header', 'hdr.x1 header', 'hdr.x2 header', 'hdr.x3 header', 'hdr.x4 header',
      'a1 article', 'a1.x1 indent', 'a1.i1 amendment',
      'sig signature',
    ]);
    expect(byId(tree, 'a1.i1').text).toBe('1) в статье 2 слово «муж» заменить словом «супруг».');
    expect(byId(tree, 'sig').text).toBe('г. Бишкек, от 10 мая 2023 года № 97');
  });
});

describe('an English amendment law', () => {
  const text = [
    'Draft',
    'LAW OF THE KYRGYZ REPUBLIC',
    'On Amendments to the Law of the Kyrgyz Republic "On State Guarantees"',
    'Article 1. The Law of the Kyrgyz Republic "On State Guarantees" is hereby amended as follows:',
    '1) in Article 5, the words "men" shall be replaced by the words "men and women";',
    '2) Article 7 shall be supplemented with paragraph 3 as follows:',
    '"(3) Employers shall report data disaggregated by sex:',
    '(a) annually, covering:',
    '(i) pay;',
    '(ii) promotions;',
    '(b) on request.";',
    '3) Article 9 shall be repealed.',
    'Article 2. This Law enters into force ten days after its official publication.',
  ].join('\n');
  const { tree, warnings } = parseDraft(sourceFromText(text));
  const act = 'On State Guarantees';

  it('reads instructions, quoted new text and Roman sub-units below (a)', () => {
    expect(tree.meta).toMatchObject({ language: 'en', actKind: 'amendment_law', amendedActs: [act] });
    expect(byId(tree, 'a1.i1').amendment).toEqual({ operation: 'replace_words', target: { act, article: '5' }, oldWords: 'men', newWords: 'men and women' });
    expect(byId(tree, 'a1.i3').amendment).toEqual({ operation: 'repeal', target: { act, article: '9' } });
    expect(byId(tree, 'a1.i2').amendment).toMatchObject({ operation: 'supplement', target: { act, article: '7' }, added: 'paragraph 3' });
    expect(byId(tree, 'a1.i2').amendment!.newWords).toBe('(3) Employers shall report data disaggregated by sex:\n(a) annually, covering:\n(i) pay;\n(ii) promotions;\n(b) on request.');
    expect(outline(tree)).toEqual([
      'hdr header', 'hdr.x1 header', 'hdr.x2 header',
      'a1 article', 'a1.i1 amendment', 'a1.i2 amendment',
      'a1.i2.q.p3 part', 'a1.i2.q.p3.a subitem', 'a1.i2.q.p3.a.1 indent', 'a1.i2.q.p3.a.2 indent', 'a1.i2.q.p3.b subitem',
      'a1.i3 amendment', 'a2 article',
    ]);
    expect(byId(tree, 'a1.i2.q.p3.a.2')).toMatchObject({ number: 'ii', label: 'Article 1(2): "(3)(a)(ii)"', quoted: true });
    expect(byId(tree, 'a2').title).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});

describe('article titles on their own line in an amendment law', () => {
  it('join a short heading but never an instruction or the entry-into-force sentence', () => {
    const text = [
      'О внесении изменений в Закон Кыргызской Республики «О браке»',
      'Статья 1.',
      'Статью 5 признать утратившей силу',
      'Статья 2.',
      'Переходные положения',
      'Браки, заключенные до вступления в силу настоящего Закона, сохраняют силу.',
      'Статья 3.',
      'Настоящий Закон вступает в силу со дня официального опубликования.',
    ].join('\n');
    const { tree } = parseDraft(sourceFromText(text));
    expect(tree.meta.actKind).toBe('amendment_law');
    expect(byId(tree, 'a1').title).toBeUndefined();
    expect(byId(tree, 'a1.x1')).toMatchObject({ kind: 'amendment', amendment: { operation: 'repeal', target: { act: 'О браке', article: '5' } } });
    expect(byId(tree, 'a2')).toMatchObject({ title: 'Переходные положения', text: 'Статья 2. Переходные положения' });
    expect(byId(tree, 'a3').title).toBeUndefined();
    expect(byId(tree, 'a3.x1').kind).toBe('indent');
  });
});

describe('an article heading standing alone', () => {
  it('takes a title line but not a sentence, and is repealed by «Утратила силу.» on the next line', () => {
    const text = ['Статья 1.', 'Общие положения', 'Статья 2.', 'Настоящий Закон регулирует трудовые отношения.', 'Статья 3.', 'Утратила силу.', 'Статья 4. Сфера'].join('\n');
    const { tree } = parseDraft(sourceFromText(text));
    expect(byId(tree, 'a1')).toMatchObject({ title: 'Общие положения', text: 'Статья 1. Общие положения' });
    expect(byId(tree, 'a2').title).toBeUndefined();
    expect(byId(tree, 'a2.x1').text).toBe('Настоящий Закон регулирует трудовые отношения.');
    expect(byId(tree, 'a3')).toMatchObject({ repealed: true });
    expect(byId(tree, 'a3.x1').text).toBe('Утратила силу.');
    expect(byId(tree, 'a4').repealed).toBeUndefined();
  });
});

describe('a list entry ending in a dash', () => {
  it('hands the following sentence back to the unit that opened the list', () => {
    const text = ['Статья 9. Истязание', '1. Истязание –', 'наказывается штрафом.', '2. То же деяние, совершенное:', '1) в отношении женщины;', '2) в отношении ребенка, –', 'наказывается лишением свободы.'].join('\n');
    const { tree } = parseDraft(sourceFromText(text));
    expect(outline(tree)).toEqual(['a9 article', 'a9.p1 part', 'a9.p1.x1 indent', 'a9.p2 part', 'a9.p2.i1 item', 'a9.p2.i2 item', 'a9.p2.x1 indent']);
    expect(byId(tree, 'a9.p2.x1').label).toBe('Статья 9, часть 2, абзац 2');
  });
});

describe('a resolution approving a regulation in its annex', () => {
  it('ends the body at the signature even when the annex has chapters of its own', () => {
    const text = [
      'ПОСТАНОВЛЕНИЕ КАБИНЕТА МИНИСТРОВ КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
      'О гендерной экспертизе',
      'В целях обеспечения равных прав Кабинет Министров постановляет:',
      '1. Утвердить Положение о гендерной экспертизе (прилагается).',
      '2. Настоящее постановление вступает в силу со дня опубликования.',
      'Председатель Кабинета Министров',
      'Кыргызской Республики А.Жапаров',
      'Приложение',
      'Положение о гендерной экспертизе',
      'Глава 1. Общие положения',
      '1. Гендерная экспертиза проводится разработчиками.',
    ].join('\n');
    const { tree, warnings } = parseDraft(sourceFromText(text));
    expect(tree.meta).toMatchObject({ actKind: 'resolution', title: 'О гендерной экспертизе' });
    expect(outline(tree)).toEqual([
      'hdr header', 'hdr.x1 header', 'pre preamble', 'p1 part', 'p2 part',
      'sig signature', 'sig.x1 signature',
      'app1 division', 'ch1 chapter', 'ch1.p1 part',
    ]);
    expect(byId(tree, 'app1')).toMatchObject({ title: 'Положение о гендерной экспертизе', label: 'Приложение' });
    expect(warnings).toEqual([]);
  });
});

describe('divisions', () => {
  it('are labelled by their printed name or by their number', () => {
    const ru = parseDraft(sourceFromText(['ОБЩАЯ ЧАСТЬ', 'Статья 1. А', 'ОСОБЕННАЯ ЧАСТЬ', 'Статья 2. Б'].join('\n'))).tree;
    expect(ru.clauses.map((c) => `${c.id} ${c.label}`)).toEqual(['d1 Общая часть', 'd2 Особенная часть']);
    const en = parseDraft(sourceFromText(['PART II. GENERAL PROVISIONS', 'Article 1. Scope'].join('\n'))).tree;
    expect(en.clauses[0]).toMatchObject({ id: 'd2', number: 'II', label: 'Part II', title: 'GENERAL PROVISIONS' });
  });
});

describe('the signature block', () => {
  it('is not opened by a sentence of the last article that starts like one', () => {
    const text = ['Статья 9. Комиссия', 'Комиссия состоит из пяти членов.', 'Председатель комиссии назначается Кабинетом Министров.', 'Президент Кыргызской Республики', 'С.Жапаров'].join('\n');
    const { tree } = parseDraft(sourceFromText(text));
    expect(outline(tree)).toEqual(['a9 article', 'a9.x1 indent', 'a9.x2 indent', 'sig signature', 'sig.x1 signature']);
  });
});
