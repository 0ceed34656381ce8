import { describe, expect, it } from 'vitest';
import { quoteAt } from '../../shared/collab/anchor';
import { walkClauses, type ClauseTree } from '../../shared/clause';
import { alignTrees, type AlignmentEntry } from '../../shared/versions/align';
import { Carrier, quoteWithContext } from '../../shared/versions/reanchor';
import { wordDiff } from '../../shared/versions/word-diff';
import { importDraft } from '../../server/import/import-draft';

/** Alignment, word diff and carrying on small drafts of our own, read by the real import. */
const read = (lines: string[]): ClauseTree => importDraft(new TextEncoder().encode(lines.join('\n')), { fileName: 'v.txt', maxInflatedBytes: 1e7 }).tree;

const FIRST = read([
  'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
  'О равных правах',
  'Статья 11. Цели',
  'Целью настоящего Закона является обеспечение равных прав мужчин и женщин.',
  'Статья 12. Запрет дискриминации',
  '1. Дискриминация по признаку пола запрещается.',
  '2. Работодатель не вправе отказать в приеме на работу по причине беременности.',
  '3. То же деяние, совершенное:',
  '1) должностным лицом;',
  '2) повторно.',
  'Статья 13. Квоты',
  'Квота для каждого пола в списках кандидатов составляет не менее тридцати процентов.',
  'Статья 14. Отчеты',
  'Уполномоченный орган ежегодно публикует отчет о положении женщин.',
  'Статья 15. Вступление в силу',
  'Настоящий Закон вступает в силу со дня официального опубликования.',
]);

// Second reading: «Статья 12-1» inserted; article 14 deleted, so 15 becomes 14; part 3 of article 12
// moved to the front; words added in article 11.
const SECOND = read([
  'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
  'О равных правах',
  'Статья 11. Цели',
  'Целью настоящего Закона является обеспечение равных прав и возможностей мужчин и женщин.',
  'Статья 12. Запрет дискриминации',
  '1. То же деяние, совершенное:',
  '1) должностным лицом;',
  '2) повторно.',
  '2. Дискриминация по признаку пола запрещается.',
  '3. Работодатель не вправе отказать в приеме на работу по причине беременности.',
  'Статья 12-1. Гендерная экспертиза',
  'Проекты законов подлежат гендерной экспертизе.',
  'Статья 13. Квоты',
  'Квота для каждого пола в списках кандидатов составляет не менее тридцати процентов.',
  'Статья 14. Вступление в силу',
  'Настоящий Закон вступает в силу со дня официального опубликования.',
]);

const byOld = (entries: AlignmentEntry[], id: string) => entries.find((e) => e.oldId === id && e.kind !== 'split');
const byNew = (entries: AlignmentEntry[], id: string) => entries.find((e) => e.newId === id);
const texts = (tree: ClauseTree) => new Map([...walkClauses(tree.clauses)].map(([c]) => [c.id as string, c.text]));

describe('alignTrees', () => {
  const { entries } = alignTrees(FIRST, SECOND);

  it('recognises renumbering from the text, not as delete and insert', () => {
    expect(byOld(entries, 'a15')).toMatchObject({ newId: 'a14', kind: 'renumbered', similarity: 1 });
    expect(byOld(entries, 'a15.x1') ?? byOld(entries, 'a15.p1')).toMatchObject({ kind: 'renumbered' });
    expect(byOld(entries, 'a13')).toMatchObject({ newId: 'a13', kind: 'unchanged' });
  });

  it('says what was inserted, deleted, moved and reworded', () => {
    expect(byNew(entries, 'a12-1')).toMatchObject({ oldId: null, kind: 'inserted' });
    expect(byOld(entries, 'a14')).toMatchObject({ newId: null, kind: 'deleted' });
    // Part 3 went to the front: the fewest units out of order are the ones called moved (here parts 1 and 2).
    expect(byOld(entries, 'a12.p3')).toMatchObject({ newId: 'a12.p1' });
    expect(byOld(entries, 'a12.p1')).toMatchObject({ newId: 'a12.p2' });
    expect(['a12.p1', 'a12.p2', 'a12.p3'].filter((id) => byOld(entries, id)!.moved).length).toBeGreaterThan(0);
    expect(byOld(entries, 'a12.p3.i1')).toMatchObject({ newId: 'a12.p1.i1' });
    const reworded = byOld(entries, 'a11.x1') ?? byOld(entries, 'a11.p1');
    expect(reworded).toMatchObject({ kind: 'reworded' });
    expect(reworded!.similarity).toBeGreaterThan(0.7);
  });

  it('aligns nothing of an unrelated act by its numbers alone', () => {
    const other = read(['ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ', 'О пчеловодстве', 'Статья 11. Пасеки', 'Пасеки размещаются на землях сельскохозяйственного назначения.']);
    const aligned = alignTrees(FIRST, other).entries.filter((e) => e.oldId && e.newId && e.similarity >= 0.5);
    expect(aligned.map((e) => e.oldId)).toEqual(['hdr'].filter((id) => aligned.some((e) => e.oldId === id)));
  });
});

describe('wordDiff', () => {
  it('strikes and inserts whole words, and the same parts rebuild both texts', () => {
    const a = 'обеспечение равных прав мужчин и женщин.';
    const b = 'обеспечение равных прав и возможностей мужчин и женщин.';
    const ops = wordDiff(a, b);
    expect(ops.filter((o) => o.op !== 'del').map((o) => o.text).join('')).toBe(b);
    expect(ops.filter((o) => o.op !== 'ins').map((o) => o.text).join('')).toBe(a);
    expect(ops.filter((o) => o.op === 'ins').map((o) => o.text.trim())).toEqual(['и возможностей']);
  });
});

describe('Carrier', () => {
  const alignment = alignTrees(FIRST, SECOND);
  const carrier = new Carrier(texts(FIRST), texts(SECOND), alignment);
  const old = texts(FIRST);
  const source = (clauseId: string, words: string) => {
    const text = old.get(clauseId)!;
    const start = text.indexOf(words);
    if (start < 0) throw new RangeError(`${words} not in ${clauseId}`);
    return { id: words, clauseId, quote: quoteAt(text, start, start + words.length), start, end: start + words.length };
  };
  const newText = (id: string) => texts(SECOND).get(id)!;

  it('places an annotation on the same words under their new number', () => {
    const p = carrier.carry(source('a12.p2', 'по причине беременности'));
    expect(p).toMatchObject({ state: 'placed', clauseId: 'a12.p3' });
    expect(newText('a12.p3').slice(p.start, p.end)).toBe('по причине беременности');
  });

  it('marks «text changed» where its words were reworded', () => {
    const id = byOld(alignment.entries, 'a11.x1')?.oldId ?? 'a11.p1';
    const p = carrier.carry(source(id, 'равных прав мужчин'));
    expect(p.state).toBe('changed');
    expect(newText(p.clauseId!).slice(p.start, p.end)).toBe('равных прав и возможностей мужчин');
  });

  it('orphans an annotation whose words were deleted, never places it elsewhere', () => {
    const id = [...old.keys()].find((k) => k.startsWith('a14.'))!;
    expect(carrier.carry(source(id, 'положении женщин'))).toMatchObject({ state: 'orphaned', clauseId: null });
  });

  it('does not follow a one-word quote into a restated text', () => {
    const restated = read(['О равных правах', 'Статья 11. Цели', 'Закон направлен на защиту семьи и детей.']);
    const c = new Carrier(texts(FIRST), texts(restated), alignTrees(FIRST, restated));
    const id = byOld(alignment.entries, 'a11.x1')?.oldId ?? 'a11.p1';
    expect(c.carry(source(id, 'и')).state).toBe('orphaned');
  });
});

describe('restated parts and repeated formulas (wrong placements found by the re-anchoring bench)', () => {
  it('gives two parts with the same words to the one alike below, when the other was restated', () => {
    const before = read([
      'Статья 20. Кража скота',
      '1. Кража скота наказывается штрафом.',
      '2. Кража скота, совершенная:',
      '1) в крупном размере;',
      '2) группой лиц;',
      '3. Кража скота, совершенная:',
      '1) в особо крупном размере;',
      '2) организованной группой;',
    ]);
    const after = read([
      'Статья 20. Кража скота',
      '1. Кража скота наказывается штрафом.',
      '2. Запрещается дискриминация в семейных отношениях по признаку пола.',
      '1) в крупном размере;',
      '2) группой лиц;',
      '3. Кража скота, совершенная:',
      '1) в особо крупном размере;',
      '2) организованной группой;',
    ]);
    const { entries } = alignTrees(before, after);
    expect(byOld(entries, 'a20.p3')).toMatchObject({ newId: 'a20.p3', kind: 'unchanged' });
    expect(byOld(entries, 'a20.p3.i1')).toMatchObject({ newId: 'a20.p3.i1', kind: 'unchanged' });
    expect(byOld(entries, 'a20.p2')).toMatchObject({ newId: 'a20.p2', kind: 'reworded' });
    expect(byOld(entries, 'a20.p2.i1')).toMatchObject({ newId: 'a20.p2.i1', kind: 'unchanged' });
  });

  it('does not give an item of a deleted article to a like item of another article', () => {
    const article = (n: number, item: string) => [`Статья ${n}. Деяние ${['первое', 'второе', 'третье'][n - 30]}`, '1. Деяние наказывается штрафом.', '2. То же деяние, совершенное:', `1) ${item}`];
    const before = read([
      ...article(30, 'лицом с использованием своего служебного положения, –'),
      ...article(31, 'с использованием своего служебного положения, –'),
      ...article(32, 'с использованием своего служебного положения, –'),
    ]);
    const after = read([...article(31, 'с использованием служебного иска, –'), ...article(32, 'с использованием своего служебного положения, –')]);
    const { entries } = alignTrees(before, after);
    expect(byOld(entries, 'a30.p2.i1')).toMatchObject({ newId: null, kind: 'deleted' });
    expect(byOld(entries, 'a31.p2.i1')).toMatchObject({ newId: 'a31.p2.i1', kind: 'reworded' });
  });

  it('orphans annotations on a restated part that happens to share a phrase with the old words', () => {
    const before = read(['Статья 5. Ущерб', '1. Незначительный ущерб определяется законодательством Кыргызской Республики, если иное не установлено.', '2. Размер средств либо о разделе имущества определяет суд.']);
    const after = read(['Статья 5. Ущерб', '1. Перечень заболеваний устанавливается Правительством Кыргызской Республики.', '2. Применение оружия или любых других средств либо орудия допускается.']);
    const c = new Carrier(texts(before), texts(after), alignTrees(before, after));
    const at = (id: string, words: string) => {
      const text = texts(before).get(id)!;
      const start = text.indexOf(words);
      return { id: words, clauseId: id, quote: quoteAt(text, start, start + words.length), start, end: start + words.length };
    };
    expect(c.carry(at('a5.p1', 'Кыргызской Республики, если')).state).toBe('orphaned');
    expect(c.carry(at('a5.p2', 'средств либо о разделе')).state).toBe('orphaned');
    expect(c.carry(at('a5.p2', 'о')).state).toBe('orphaned');
  });

  it('finds the same words elsewhere in a unit only as whole words', () => {
    const quote = { exact: 'о', prefix: 'средств либо ', suffix: ' разделе' };
    expect(quoteWithContext('других средств либо орудия для', quote)).toBeNull();
    expect(quoteWithContext('других средств либо о разделе', quote)).toEqual({ start: 20, end: 21 });
  });

  it('places a word kept in a short item whose neighbour was reworded', () => {
    const before = read(['Статья 7. Кража', '2. То же деяние, совершенное:', '3) группой лиц по предварительному сговору;']);
    const after = read(['Статья 7. Кража', '2. То же деяние, совершенное:', '3) группой лиц по образования сговору;']);
    const c = new Carrier(texts(before), texts(after), alignTrees(before, after));
    const text = texts(before).get('a7.p2.i3')!;
    const start = text.indexOf('сговору');
    const p = c.carry({ id: 'x', clauseId: 'a7.p2.i3', quote: quoteAt(text, start, start + 7), start, end: start + 7 });
    expect(p.state).toBe('placed');
    expect(texts(after).get(p.clauseId!)!.slice(p.start, p.end)).toBe('сговору');
  });
});
