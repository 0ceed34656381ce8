import { describe, expect, it } from 'vitest';
import type { Clause, ClauseTree } from '../../../shared/clause';
import { clauseTreeText, normaliseText, parseDraft } from '../../../server/import/parse';
import { corpusAvailable, readCorpus } from '../../helpers/corpus';
import { allClauses, byId, sourceFromText } from './source';

/**
 * The parser on the team's real law texts (../shared/corpus). The expected articles are counted here
 * independently of the parser, by one line regex over the raw text; a title that goes on in lower case on
 * the next line is the rest of that title (the Family Code's article 18), and the numbers whose superscript
 * the source printed inline are listed with each code, read off the sequence (issue 18).
 */

const ARTICLE_LINE = /^Статья\s+(\S+)\.\s*(.*)$/;

function expectedArticles(text: string, flattened: Readonly<Record<string, string>>): Array<{ number: string; title: string }> {
  const out: Array<{ number: string; title: string }> = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const m = ARTICLE_LINE.exec(raw.trim());
    if (!m) return;
    const next = lines[i + 1] ?? '';
    const title = /^\s*[а-яё]/.test(next) ? `${m[2]!.trim()} ${next.trim()}` : m[2]!.trim();
    out.push({ number: flattened[m[1]!] ?? m[1]!, title });
  });
  return out;
}

function parsedArticles(tree: ClauseTree): Array<{ number: string; title: string }> {
  return allClauses(tree)
    .filter((c) => c.kind === 'article' && !c.quoted)
    .map((c) => ({ number: c.number ?? '', title: c.title ?? '' }));
}

// tail -n +2 FILE | grep -nP '^Статья \d{4}\.|^Статья 85\d\.' and the articles around each: 205, 2051, 206; 212, 2121,
// 2122, 213; 219, 2191, 220; 228, 2281, 229 in the Criminal Code (which ends at 422, and prints 240¹ with its
// superscript); 85, 851, 86 in the Family Code. They are 205¹, 212¹, 212², 219¹, 228¹ and 85¹.
const codes: Array<{ file: string; title: string; date: string; number: string; flattened: Readonly<Record<string, string>> }> = [
  {
    file: 'kg_criminal_code_2021_ru.txt',
    title: 'УГОЛОВНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
    date: '28 октября 2021 года',
    number: '127',
    flattened: { '2051': '205¹', '2121': '212¹', '2122': '212²', '2191': '219¹', '2281': '228¹' },
  },
  { file: 'kg_family_code_2003_ru.txt', title: 'СЕМЕЙНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ', date: '30 августа 2003 года', number: '201', flattened: { '851': '85¹' } },
];

for (const code of codes) {
  describe.runIf(corpusAvailable(code.file))(code.file, () => {
    const text = readCorpus(code.file);
    const { tree, warnings, repairs } = parseDraft(sourceFromText(text));

    it('yields every article with its number and title, in order, the flattened superscripts restored and reported', () => {
      const expected = expectedArticles(text, code.flattened);
      expect(expected.length).toBeGreaterThan(100);
      expect(parsedArticles(tree)).toEqual(expected);
      expect(repairs.filter((r) => r.code === 'number_restored').map((r) => r.location.label)).toEqual(
        Object.values(code.flattened).map((n) => `Статья ${n}`),
      );
    });

    it('reads the code as a Russian code with its title, date and number', () => {
      expect(tree.meta).toMatchObject({ language: 'ru', actKind: 'code', title: code.title, date: code.date, number: code.number, isDraft: false });
    });

    it('loses and invents nothing', () => {
      expect(normaliseText(clauseTreeText(tree))).toBe(normaliseText(text));
    });

    it('gives unique, selector-safe ids and keeps unrecognised lines few', () => {
      const ids = allClauses(tree).map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9._~-]*$/);
      expect(warnings.filter((w) => w.code === 'unrecognised_line').length).toBeLessThan(10);
    });
  });
}

describe.runIf(corpusAvailable('kg_criminal_code_2021_ru.txt'))('the Criminal Code in detail', () => {
  const { tree, warnings } = parseDraft(sourceFromText(readCorpus('kg_criminal_code_2021_ru.txt')));

  it('has its divisions, sections and chapters', () => {
    const kinds = (kind: string): Clause[] => allClauses(tree).filter((c) => c.kind === kind);
    expect(kinds('division').map((c) => c.label)).toEqual(['Общая часть', 'Особенная часть', 'Приложение 1']);
    expect(kinds('section').map((c) => c.number)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI']);
    expect(kinds('chapter')).toHaveLength(51);
    expect(byId(tree, 's1')).toMatchObject({ title: 'УГОЛОВНЫЙ ЗАКОН', text: 'РАЗДЕЛ I УГОЛОВНЫЙ ЗАКОН' });
  });

  it('keeps article 219 as repealed and 240¹ as printed, and reads the flattened 2191 as 219¹', () => {
    expect(byId(tree, 'a219')).toMatchObject({ repealed: true, title: 'Организация или содержание притона для проведения азартных игр, проведение азартных игр' });
    expect(byId(tree, 'a219.n1').text).toMatch(/^\(Утратила силу/);
    expect(byId(tree, 'a240-1').number).toBe('240¹');
    expect(byId(tree, 'a240-1').printedNumber).toBeUndefined();
    // it used to be kept as «2191» with the id a2191, as if the code had an article 2191
    expect(byId(tree, 'a219-1')).toMatchObject({ number: '219¹', printedNumber: '2191', title: 'Незаконная организация игорной деятельности' });
  });

  it('nests parts and items and labels them', () => {
    expect(byId(tree, 'a1.p1').label).toBe('Статья 1, часть 1');
    // the sanction after a list whose last item ends «, –» belongs to the part, not to that item
    expect(byId(tree, 'a122.p2.x1')).toMatchObject({ label: 'Статья 122, часть 2, абзац 2' });
    expect(byId(tree, 'a122.p2.x1').text).toMatch(/^наказывается/);
    expect(byId(tree, 'a122.p1.x1').text).toMatch(/^наказывается/);
    expect(byId(tree, 'a413.i1').label).toBe('Статья 413, пункт 1');
  });

  it('reports the real defect of the source: part «3 Деяния …» printed without its dot', () => {
    expect(warnings.find((w) => w.location.clauseId === 'a209.p4')?.code).toBe('numbering_gap');
  });

  it('ends the body at the signature and keeps the annex after it', () => {
    const roots = tree.clauses.map((c) => c.id);
    expect(roots.slice(-3)).toEqual(['d2', 'sig', 'app1']);
    expect(byId(tree, 'app1')).toMatchObject({ title: 'Значение терминов, употребляемых в настоящем Кодексе' });
    expect(byId(tree, 'app1.p1').text).toMatch(/^1\. Незначительный вред/);
  });
});

describe.runIf(corpusAvailable('ru_federal_law_2020_98fz_amendments.txt'))('an amendment law (RU Federal Law No. 98-FZ)', () => {
  const text = readCorpus('ru_federal_law_2020_98fz_amendments.txt');
  const { tree, warnings } = parseDraft(sourceFromText(text));
  const goAct = 'О защите населения и территорий от чрезвычайных ситуаций природного и техногенного характера';
  const procurementAct = 'О контрактной системе в сфере закупок товаров, работ, услуг для обеспечения государственных и муниципальных нужд';

  it('is an amendment law whose own articles 1–21 keep their numbering', () => {
    expect(tree.meta).toMatchObject({ actKind: 'amendment_law', language: 'ru', number: '98-ФЗ', date: '1 апреля 2020 года' });
    expect(tree.meta.amendedActs).toContain('О несостоятельности (банкротстве)');
    expect(tree.clauses.filter((c) => c.kind === 'article').map((c) => c.number)).toEqual(
      Array.from({ length: 21 }, (_, i) => String(i + 1)),
    );
    expect(warnings).toEqual([]);
  });

  it('reads the operations and accumulated targets of instructions', () => {
    expect(byId(tree, 'a1.x1').amendment).toMatchObject({
      operation: 'supplement',
      target: { act: 'Основы законодательства Российской Федерации о культуре', article: '521' },
      added: 'частью 19',
    });
    expect(byId(tree, 'a2.i2.a').amendment).toMatchObject({
      operation: 'replace_words',
      target: { act: goAct, article: '41', item: '2', subitem: 'а' },
      oldWords: 'корпораций;',
    });
    expect(byId(tree, 'a2.i6').amendment).toMatchObject({ operation: 'restate', target: { act: goAct, article: '19', paragraph: 'абзац пятый' } });
    expect(byId(tree, 'a6.i4').amendment).toMatchObject({ operation: 'exclude', target: { article: '262', part: '2' }, oldWords: 'плановой' });
    expect(byId(tree, 'a9.i2').amendment).toMatchObject({
      operation: 'replace_words',
      target: { article: '15', part: '2', paragraph: 'абзаце первом' },
      oldWords: 'три',
      newWords: 'четыре',
    });
    expect(byId(tree, 'a11.i3').amendment).toEqual({ operation: 'repeal', target: { act: procurementAct, article: '80-82' } });
    expect(byId(tree, 'a11.i6.v').amendment).toMatchObject({ operation: 'exclude', target: { article: '112', part: '57' }, oldWords: 'медицинское; медицинского' });
    expect(byId(tree, 'a15.i1').amendment).toMatchObject({ operation: 'replace_words', target: { article: '7', part: '1' }, oldWords: '30 июня', newWords: '31 декабря' });
  });

  it('keeps container lines («2) в статье 41:») as items that pass their target down', () => {
    expect(byId(tree, 'a2.i2')).toMatchObject({ kind: 'item', text: '2) в статье 41:' });
    expect(byId(tree, 'a2.i2').amendment).toBeUndefined();
  });

  it('reads a sloppily quoted act title and still finds the words replaced', () => {
    expect(byId(tree, 'a14.x1').amendment).toMatchObject({ operation: 'replace_words', target: { article: '2' }, oldWords: '1 июля 2020 года', newWords: '1 января 2021 года' });
  });

  it('puts quoted new text under its instruction as a marked sub-structure', () => {
    const a112 = byId(tree, 'a2.i5.q.a112');
    expect(a112).toMatchObject({ kind: 'article', number: '112', quoted: true, label: 'Статья 2, пункт 5: «Статья 112»' });
    const moratorium = byId(tree, 'a5.x1.q.a91');
    expect(moratorium.children.filter((c) => c.kind === 'part').map((c) => c.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(byId(tree, 'a5.x1.q.a91.p3.i3').quoted).toBe(true);
    expect(byId(tree, 'a9.i1').amendment!.newWords).toMatch(/^1\. Если иное не установлено федеральными законами/);
    expect(byId(tree, 'a9.i1.q.p1.i1.a').text).toBe('а) легковые автомобили;');
    expect(byId(tree, 'a2.i3').amendment!.newWords).toMatch(/^а1\) /);
  });

  it('loses and invents nothing', () => {
    expect(normaliseText(clauseTreeText(tree))).toBe(normaliseText(text));
  });
});

describe.runIf(corpusAvailable('kg_labour_code_2025_ky_fragments.txt'))('Kyrgyz Labour Code fragments', () => {
  const text = readCorpus('kg_labour_code_2025_ky_fragments.txt');
  const { tree } = parseDraft(sourceFromText(text));

  it('yields ЖАЛПЫ БӨЛҮК / БӨЛҮМ / глава / берене / бөлүк', () => {
    expect(tree.meta.language).toBe('ky');
    const heads = allClauses(tree)
      .filter((c) => ['division', 'section', 'chapter', 'article'].includes(c.kind))
      .map((c) => `${c.id} ${c.label} ${c.title ?? ''}`.trim());
    expect(heads).toEqual([
      'd1 Жалпы бөлүк',
      's1 I бөлүм ЖАЛПЫ ЖОБОЛОР',
      'ch1 1-глава Негизги жоболор',
      'a1 1-берене Ушул Кодексте колдонулуучу негизги түшүнүктөр',
      'd2 Өзгөчө бөлүк',
      's2 II бөлүм ЭМГЕК МАМИЛЕЛЕРИ',
      'ch3 3-глава Эмгек келишими',
      'a17 17-берене Эмгек келишиминин мазмуну',
      'a38 38-берене Менчик ээси алмашкан жана уюм кайра уюштурулган учурдагы эмгек мамилелери',
    ]);
    expect(byId(tree, 'a17.p2.i1').label).toBe('17-берене, 2-бөлүк, 1-пункт');
    expect(byId(tree, 'a38').children.map((c) => c.id)).toEqual(['a38.p1', 'a38.p2', 'a38.p3', 'a38.p4']);
    expect(byId(tree, 'a38.p3').text).toContain('40-беренесинин 1-бөлүгүнүн 9-пунктуна ылайык');
    expect(normaliseText(clauseTreeText(tree))).toBe(normaliseText(text));
  });
});

describe.runIf(corpusAvailable('kg_family_code_2003_ru.txt'))('the Family Code in detail', () => {
  const { tree, warnings } = parseDraft(sourceFromText(readCorpus('kg_family_code_2003_ru.txt')));

  it('keeps the repealed Section VI and does not call the articles it took a gap', () => {
    expect(byId(tree, 's6')).toMatchObject({ repealed: true, title: 'ФОРМЫ ВОСПИТАНИЯ ДЕТЕЙ, ОСТАВШИХСЯ БЕЗ ПОПЕЧЕНИЯ РОДИТЕЛЕЙ' });
    expect(byId(tree, 's7').title).toBe('ПРИМЕНЕНИЕ СЕМЕЙНОГО ЗАКОНОДАТЕЛЬСТВА К СЕМЕЙНЫМ ОТНОШЕНИЯМ С УЧАСТИЕМ ИНОСТРАННЫХ ГРАЖДАН И ЛИЦ БЕЗ ГРАЖДАНСТВА');
    expect(warnings).toEqual([]);
  });

  it('reads the header above the title, the preamble with its note, and the dash lists', () => {
    expect(byId(tree, 'hdr').text).toBe('ВНИМАНИЕ!');
    expect(byId(tree, 'pre').text).toMatch(/^Настоящий Кодекс/);
    expect(byId(tree, 'pre.n1').text).toBe('(В редакции Закона КР от 16 января 2014 года № 12)');
    expect(byId(tree, 'ch1')).toMatchObject({ title: 'Семейное законодательство', text: 'Глава 1 Семейное законодательство' });
    const dashes = allClauses(tree).filter((c) => c.kind === 'indent' && /^- по имени/.test(c.text));
    expect(dashes).toHaveLength(2);
  });
});
