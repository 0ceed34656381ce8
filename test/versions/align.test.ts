import { describe, expect, it } from 'vitest';
import { quoteAt } from '../../shared/collab/anchor';
import { walkClauses, type ClauseTree } from '../../shared/clause';
import { alignTrees, type AlignmentEntry } from '../../shared/versions/align';
import { Carrier } from '../../shared/versions/reanchor';
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
