import { describe, expect, it } from 'vitest';
import { clauseTreeText, normaliseText, parseDraft } from '../../../server/import/parse';
import { byId, sourceFromText } from './source';

/**
 * The classes of amendment-law failures of issue 18, on drafts written for the test in Russian and Kyrgyz:
 * ordinals beyond twenty in targets, context carried only where the text carries it, two insertions in one
 * instruction, anchors («после слов …», «… деген сөздөрдөн кийин») read as positions, and the Kyrgyz header.
 */

function parse(text: string) {
  const parsed = parseDraft(sourceFromText(text));
  expect(normaliseText(clauseTreeText(parsed.tree))).toBe(normaliseText(text));
  return parsed;
}

const RU = `Проект
ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ
О внесении изменений в Закон Кыргызской Республики «О местном самоуправлении»
Статья 1.
Внести в Закон Кыргызской Республики «О местном самоуправлении» следующие изменения:
1) в статье 5:
а) в абзаце тридцатом слова «органы» заменить словами «органы и должностные лица»;
б) в абзаце тридцать втором слово «граждан» исключить;
в) часть двадцать первую признать утратившей силу;
2) подпункт «п» пункта 3 статьи 7 изложить в следующей редакции:
«п) ведение учета;»;
дополнить подпунктом «р» следующего содержания:
«р) иные полномочия.»;
3) часть 2 статьи 9 дополнить словами «и должностные лица», а также словами «, мужчин и женщин»;
4) в статье 10 после слов «органы власти» дополнить словами «и должностные лица», а также после слова «граждан» – словами «, мужчин и женщин»;
5) в статье 11 перед словами «органы власти» дополнить словом «все»;
6) в статье 12 слова «в установленном порядке» после слова «вправе» исключить;
7) в статье 13 после слов «местного значения» слово «района» заменить словом «округа».
Статья 2.
Настоящий Закон вступает в силу со дня официального опубликования.`;

describe('a Russian amendment law', () => {
  const { tree, warnings } = parse(RU);
  const act = 'О местном самоуправлении';

  it('reads ordinals beyond twenty: «в абзаце тридцатом», «тридцать втором», «часть двадцать первую»', () => {
    expect(byId(tree, 'a1.i1.a').amendment).toEqual({
      operation: 'replace_words',
      target: { act, article: '5', paragraph: 'абзаце тридцатом' },
      oldWords: 'органы',
      newWords: 'органы и должностные лица',
    });
    expect(byId(tree, 'a1.i1.b').amendment).toEqual({ operation: 'exclude', target: { act, article: '5', paragraph: 'абзаце тридцать втором' }, oldWords: 'граждан' });
    expect(byId(tree, 'a1.i1.v').amendment).toEqual({ operation: 'repeal', target: { act, article: '5', part: '21' } });
  });

  it('does not carry the sub-item of the instruction before into «дополнить подпунктом «р»»', () => {
    expect(byId(tree, 'a1.i2').amendment).toEqual({ operation: 'restate', target: { act, article: '7', item: '3', subitem: 'п' }, newWords: 'п) ведение учета;' });
    expect(byId(tree, 'a1.i2.x1').amendment).toEqual({
      operation: 'supplement',
      target: { act, article: '7', item: '3' },
      added: 'подпунктом «р»',
      newWords: 'р) иные полномочия.',
    });
  });

  it('keeps both insertions of «дополнить словами …, а также словами …», with their places', () => {
    expect(byId(tree, 'a1.i3').amendment).toEqual({
      operation: 'supplement',
      target: { act, article: '9', part: '2' },
      newWords: 'и должностные лица; , мужчин и женщин',
      insertions: [{ words: 'и должностные лица' }, { words: ', мужчин и женщин' }],
    });
    expect(byId(tree, 'a1.i4').amendment).toEqual({
      operation: 'supplement',
      target: { act, article: '10' },
      newWords: 'и должностные лица; , мужчин и женщин',
      insertions: [
        { words: 'и должностные лица', anchor: { position: 'after', words: 'органы власти' } },
        { words: ', мужчин и женщин', anchor: { position: 'after', words: 'граждан' } },
      ],
    });
  });

  it('reads «после слов …» and «перед словами …» as a position, never as the old or the new words', () => {
    expect(byId(tree, 'a1.i5').amendment).toEqual({ operation: 'supplement', target: { act, article: '11' }, newWords: 'все', anchor: { position: 'before', words: 'органы власти' } });
    expect(byId(tree, 'a1.i6').amendment).toEqual({ operation: 'exclude', target: { act, article: '12' }, oldWords: 'в установленном порядке', anchor: { position: 'after', words: 'вправе' } });
    expect(byId(tree, 'a1.i7').amendment).toEqual({
      operation: 'replace_words',
      target: { act, article: '13' },
      oldWords: 'района',
      newWords: 'округа',
      anchor: { position: 'after', words: 'местного значения' },
    });
    expect(warnings).toEqual([]);
  });
});

const KY = `Долбоор
КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ
"Жергиликтүү өз алдынча башкаруу жөнүндө" Кыргыз Республикасынын Мыйзамына өзгөртүүлөрдү киргизүү тууралу
1-берене. "Жергиликтүү өз алдынча башкаруу жөнүндө" Кыргыз Республикасынын Мыйзамына төмөнкүдөй өзгөртүүлөр киргизилсин:
1) 7-берененин 3-пунктунун "п" пунктчасы төмөнкү редакцияда баяндалсын:
"п) каттоону жүргүзүү;";
төмөнкүдөй мазмундагы "р" пунктчасы менен толукталсын:
"р) башка ыйгарым укуктар.";
2) 9-берененин отуз экинчи абзацында "органдар" деген сөз "органдар жана кызмат адамдары" деген сөздөр менен алмаштырылсын;
3) 10-берененин жыйырма биринчи абзацы күчүн жоготту деп табылсын;
4) 11-берененин 2-бөлүгүндөгү "органдар" деген сөздөн кийин "жана кызмат адамдары" деген сөздөр, "жарандар" деген сөздөн кийин "(эркектер жана аялдар)" деген сөздөр менен толукталсын;
5) 12-берененин 1-бөлүгүндөгү "шайлоо бюллетендерин" деген сөздөрдөн кийин "шайлоо бюллетендеринин дүмүрчөктөрүн" деген сөздөр менен толукталсын;
6) 13-берененин 1-бөлүгүндөгү "органдары" деген сөздөн мурда "мамлекеттик" деген сөз менен толукталсын;
7) 14-берененин 2-бөлүгүндө "шайлоо бюллетендерин" деген сөздөрдөн кийин "жана формасы" деген сөздөр алып салынсын.
2-берене. Ушул Мыйзам расмий жарыяланган күндөн тартып күчүнө кирет.`;

describe('a Kyrgyz amendment law', () => {
  const { tree, warnings } = parse(KY);
  const act = 'Жергиликтүү өз алдынча башкаруу жөнүндө';

  it('reads a title ending «тууралу» (for «тууралуу») as an amendment law of the act it names', () => {
    expect(tree.meta).toMatchObject({ language: 'ky', actKind: 'amendment_law', amendedActs: [act], isDraft: true });
  });

  it('does not carry the sub-item of the instruction before into «"р" пунктчасы менен толукталсын»', () => {
    expect(byId(tree, 'a1.i1').amendment).toEqual({ operation: 'restate', target: { act, article: '7', item: '3', subitem: 'п' }, newWords: 'п) каттоону жүргүзүү;' });
    expect(byId(tree, 'a1.i1.x1').amendment).toEqual({ operation: 'supplement', target: { act, article: '7', item: '3' }, added: '"р" пунктчасы', newWords: 'р) башка ыйгарым укуктар.' });
  });

  it('reads ordinals beyond ten: «отуз экинчи абзацында», «жыйырма биринчи абзацы»', () => {
    expect(byId(tree, 'a1.i2').amendment).toEqual({
      operation: 'replace_words',
      target: { act, article: '9', paragraph: 'отуз экинчи абзацында' },
      oldWords: 'органдар',
      newWords: 'органдар жана кызмат адамдары',
    });
    expect(byId(tree, 'a1.i3').amendment).toEqual({ operation: 'repeal', target: { act, article: '10', paragraph: 'жыйырма биринчи абзацы' } });
  });

  it('reads «… деген сөздөн кийин …», «… мурда …» as positions, and keeps two insertions', () => {
    expect(byId(tree, 'a1.i4').amendment).toEqual({
      operation: 'supplement',
      target: { act, article: '11', part: '2' },
      newWords: 'жана кызмат адамдары; (эркектер жана аялдар)',
      insertions: [
        { words: 'жана кызмат адамдары', anchor: { position: 'after', words: 'органдар' } },
        { words: '(эркектер жана аялдар)', anchor: { position: 'after', words: 'жарандар' } },
      ],
    });
    expect(byId(tree, 'a1.i5').amendment).toEqual({
      operation: 'supplement',
      target: { act, article: '12', part: '1' },
      newWords: 'шайлоо бюллетендеринин дүмүрчөктөрүн',
      anchor: { position: 'after', words: 'шайлоо бюллетендерин' },
    });
    expect(byId(tree, 'a1.i6').amendment).toEqual({
      operation: 'supplement',
      target: { act, article: '13', part: '1' },
      newWords: 'мамлекеттик',
      anchor: { position: 'before', words: 'органдары' },
    });
    expect(byId(tree, 'a1.i7').amendment).toEqual({
      operation: 'exclude',
      target: { act, article: '14', part: '2' },
      oldWords: 'жана формасы',
      anchor: { position: 'after', words: 'шайлоо бюллетендерин' },
    });
    expect(warnings).toEqual([]);
  });
});

describe('the header of a Kyrgyz amendment law', () => {
  it('reads «… Мыйзамына толуктоо жөнүндө» and the kind of act printed after the title', () => {
    const { tree } = parse(
      [
        'Долбоор',
        '"Мамлекеттик кепилдиктер жөнүндө" Кыргыз Республикасынын Мыйзамына толуктоо жөнүндө',
        'Кыргыз Республикасынын Мыйзамынын долбоору',
        '1-берене. "Мамлекеттик кепилдиктер жөнүндө" Кыргыз Республикасынын Мыйзамынын 5-беренеси төмөнкүдөй мазмундагы 4-бөлүк менен толукталсын:',
        '"4. Мамлекеттик органдар маалымат чогултат.";',
        '2-берене. Ушул Мыйзам расмий жарыяланган күндөн тартып күчүнө кирет.',
      ].join('\n'),
    );
    expect(tree.meta).toMatchObject({
      language: 'ky',
      actKind: 'amendment_law',
      isDraft: true,
      title: '"Мамлекеттик кепилдиктер жөнүндө" Кыргыз Республикасынын Мыйзамына толуктоо жөнүндө',
      amendedActs: ['Мамлекеттик кепилдиктер жөнүндө'],
    });
    expect(tree.clauses.map((c) => c.id)).toEqual(['hdr', 'a1', 'a2']);
    expect(byId(tree, 'hdr').children.map((c) => c.text)).toEqual([
      '"Мамлекеттик кепилдиктер жөнүндө" Кыргыз Республикасынын Мыйзамына толуктоо жөнүндө',
      'Кыргыз Республикасынын Мыйзамынын долбоору',
    ]);
    expect(byId(tree, 'a1').amendment).toMatchObject({ operation: 'supplement', target: { act: 'Мамлекеттик кепилдиктер жөнүндө', article: '5' }, added: '4-бөлүк' });
  });

  it('joins a title printed over several lines', () => {
    const { tree } = parse(
      [
        'КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ',
        '"Мамлекеттик кепилдиктер жөнүндө" Кыргыз',
        'Республикасынын Мыйзамына өзгөртүүлөрдү',
        'киргизүү жөнүндө',
        '1-берене. "Мамлекеттик кепилдиктер жөнүндө" Кыргыз Республикасынын Мыйзамынын 8-беренесинин 2-бөлүгүндөгү "жана аялдар" деген сөздөр алып салынсын.',
        '2-берене. Ушул Мыйзам расмий жарыяланган күндөн тартып күчүнө кирет.',
      ].join('\n'),
    );
    expect(tree.meta).toMatchObject({
      actKind: 'amendment_law',
      title: '"Мамлекеттик кепилдиктер жөнүндө" Кыргыз Республикасынын Мыйзамына өзгөртүүлөрдү киргизүү жөнүндө',
      amendedActs: ['Мамлекеттик кепилдиктер жөнүндө'],
    });
    expect(byId(tree, 'a1').amendment).toEqual({ operation: 'exclude', target: { act: 'Мамлекеттик кепилдиктер жөнүндө', article: '8', part: '2' }, oldWords: 'жана аялдар' });
  });
});
