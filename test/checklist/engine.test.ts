import { describe, expect, it } from 'vitest';
import { compileChecklist } from '../../shared/checklist/compile';
import { analyse } from '../../shared/checklist/engine';
import { checkExamples } from '../../shared/checklist/examples';
import { checklistData, clause, detector, fakeKyrgyz, fakeRussian, tree } from './fixtures';

const morph = { ru: fakeRussian, ky: fakeKyrgyz };

function compile(detectors: unknown[]) {
  const { checklist, problems } = compileChecklist(checklistData(detectors), morph);
  expect(problems).toEqual([]);
  return checklist;
}

const ban = detector({ all: ['запрещаться', 'женщина', 'труд'], none: ['беременный'] });

describe('checklist engine: matching', () => {
  it('matches inflected forms through lemmas and reports the exact span and quote', () => {
    const text = '1. Запрещается применение ТРУДА женщин на тяжелых работах.';
    const c = clause(text, { id: 'art1' as never });
    const [finding, ...rest] = analyse(tree([c]), compile([ban]));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      checklist: 'test-list@1.0',
      criterionId: 'C9',
      detectorId: 'd1',
      clauseId: 'art1',
      severity: 'violation',
      polarity: 'risk',
      explanation: { ru: 'Is it a ban? (ru)', ky: 'Is it a ban? (ky)', en: 'Is it a ban? (en)' },
      legalBasis: [{ source: 'cedaw', article: '11', title: { en: 'CEDAW (en)' } }],
    });
    const start = text.indexOf('Запрещается');
    const end = text.indexOf('женщин') + 'женщин'.length;
    expect(finding!.span).toEqual({ start, end });
    expect(finding!.quote.exact).toBe(text.slice(start, end));
    expect(finding!.quote.prefix).toBe('1. ');
    expect(finding!.quote.suffix).toBe(text.slice(end, end + 32));
    expect(finding!.matched).toEqual([
      { form: 'Запрещается', lemma: 'запрещаться' },
      { form: 'ТРУДА', lemma: 'труд' },
      { form: 'женщин', lemma: 'женщина' },
    ]);
  });

  it('requires every `all` item, honours `none` exceptions and ignores substrings inside other words', () => {
    const checklist = compile([ban]);
    expect(analyse(tree([clause('Запрещается применение труда лиц до 18 лет.')]), checklist)).toEqual([]);
    expect(analyse(tree([clause('Запрещается труд беременных женщин ночью.')]), checklist)).toEqual([]);
    // «женщинами» is a form; «сверхженщина» is another word and must not match.
    expect(analyse(tree([clause('Запрещается труд, сверхженщина.')]), checklist)).toEqual([]);
    expect(analyse(tree([clause('Труд женщинами запрещается.')]), checklist)).toHaveLength(1);
  });

  it('normalises ё, case and soft hyphens in the text', () => {
    const checklist = compile([detector({ all: ['ребенок'] })]);
    expect(analyse(tree([clause('РЕБЁНОК')]), checklist)).toHaveLength(1);
    expect(analyse(tree([clause('ре\u00ADбенка')]), checklist)).toHaveLength(1);
  });

  it('finds multi-word terms only when the words are adjacent', () => {
    const checklist = compile([detector({ any: ['особая забота государства'] })]);
    expect(analyse(tree([clause('обусловленные особой заботой государства о лицах')]), checklist)).toHaveLength(1);
    expect(analyse(tree([clause('особой и постоянной заботой государства')]), checklist)).toEqual([]);
  });

  it('supports form and prefix terms and nested any / all / none', () => {
    const checklist = compile([
      detector({
        all: [{ any: [{ form: 'лиц' }, { prefix: 'дезагрег' }] }, { none: [{ all: ['один', 'пол'] }] }],
      }),
    ]);
    expect(analyse(tree([clause('данные дезагрегированы')]), checklist)).toHaveLength(1);
    expect(analyse(tree([clause('число лиц')]), checklist)).toHaveLength(1);
    expect(analyse(tree([clause('число лица')]), checklist)).toEqual([]);
    expect(analyse(tree([clause('лиц одного пола')]), checklist)).toEqual([]);
  });

  it('finds `near` items within a window of words, in any order', () => {
    const checklist = compile([detector({ all: [{ near: [{ any: ['особая', 'запрещаться'] }, 'государство'], within: 5 }] })]);
    expect(analyse(tree([clause('особой и постоянной заботой государства')]), checklist)[0]!.quote.exact).toBe(
      'особой и постоянной заботой государства',
    );
    expect(analyse(tree([clause('государства особая')]), checklist)).toHaveLength(1);
    expect(analyse(tree([clause('особой, всегда и везде постоянной заботой государства')]), checklist)).toEqual([]);
    // the nearest occurrence is chosen, so a far first occurrence does not hide a close pair
    expect(analyse(tree([clause('государство … один два три четыре пять особой заботой государства')]), checklist)).toHaveLength(1);
  });

  it('rejects `near` over combinations', () => {
    const { problems } = compileChecklist(
      checklistData([detector({ all: [{ near: [{ all: ['женщина', 'труд'] }, 'мать'], within: 5 }] })]),
      morph,
    );
    expect(problems.map((p) => [p.code, p.path.join('.')])).toEqual([['CHECKLIST_BAD_NEAR', 'criteria.0.detectors.0.all.0.near.0']]);
  });

  it('treats a paired expression as considerate unless the detector opts out', () => {
    const mothers = detector({ all: [{ any: ['мать', 'женщина'] }, 'ребенок'] });
    const paired = compile([mothers]);
    expect(analyse(tree([clause('матерям, имеющим детей')]), paired)).toHaveLength(1);
    expect(analyse(tree([clause('матерям или отцам, имеющим детей')]), paired)).toEqual([]);
    expect(analyse(tree([clause('женщинам и мужчинам, имеющим детей')]), paired)).toEqual([]);
    const strict = compile([{ ...mothers, pairedFormsConsiderate: false }]);
    expect(analyse(tree([clause('матерям или отцам, имеющим детей')]), strict)).toHaveLength(1);
  });

  it('reads Kyrgyz words through the stemmer and only in Kyrgyz drafts', () => {
    const checklist = compile([detector({ id: 'ky1', lang: 'ky', all: ['аял'] })]);
    expect(analyse(tree([clause('Аялдардын укуктары')], 'ky'), checklist)).toHaveLength(1);
    expect(analyse(tree([clause('аялга')], 'ky'), checklist)[0]!.matched).toEqual([{ form: 'аялга', lemma: 'аял' }]);
    expect(analyse(tree([clause('аялуу топтор')], 'ky'), checklist)).toEqual([]);
    expect(analyse(tree([clause('аялга')], 'ru'), checklist)).toEqual([]);
  });
});

describe('checklist engine: scope', () => {
  it('skips clause kinds outside the scope, headers by default, and repealed clauses', () => {
    const checklist = compile([
      detector({ id: 'a', all: ['женщина'] }),
      detector({ id: 'b', all: ['женщина'], scope: { clauseKinds: ['article'] } }),
    ]);
    const findings = analyse(
      tree([
        clause('Статья 1. Женщины', { kind: 'article' }),
        clause('женщины', { kind: 'part' }),
        clause('ЗАКОН о женщинах', { kind: 'header' }),
        clause('женщины', { kind: 'part', repealed: true }),
      ]),
      checklist,
    );
    expect(findings.map((f) => [f.detectorId, f.clauseId.length > 0 && f.quote.exact])).toEqual([
      ['a', 'Женщины'],
      ['b', 'Женщины'],
      ['a', 'женщины'],
    ]);
  });

  it('applies act-kind scopes', () => {
    const checklist = compile([detector({ all: ['женщина'], scope: { actKinds: ['code'] } })]);
    expect(analyse(tree([clause('женщины')], 'ru', 'law'), checklist)).toEqual([]);
    expect(analyse(tree([clause('женщины')], 'ru', 'code'), checklist)).toHaveLength(1);
  });

  it('walks children and keeps document order', () => {
    const checklist = compile([detector({ all: ['женщина'] })]);
    const child = clause('2. женщины', { id: 'child' as never });
    const parent = clause('Статья 1. О женщинах', { id: 'parent' as never, kind: 'article', children: [child] });
    const after = clause('Статья 2. Женщина', { id: 'after' as never, kind: 'article' });
    expect(analyse(tree([parent, after]), checklist).map((f) => f.clauseId)).toEqual(['parent', 'child', 'after']);
  });

  it('does not flag the old words an amendment removes', () => {
    const checklist = compile([detector({ all: ['женщина'] })]);
    const amendment = clause('в части 2 слова «женщинам» заменить словами «родителям»', {
      kind: 'amendment',
      amendment: { operation: 'replace_words', target: {}, oldWords: 'женщинам', newWords: 'родителям' },
    });
    expect(analyse(tree([amendment]), checklist)).toEqual([]);
    const adds = clause('дополнить словами «и женщинам»', {
      kind: 'amendment',
      amendment: { operation: 'supplement', target: {}, newWords: 'и женщинам' },
    });
    expect(analyse(tree([adds]), checklist)).toHaveLength(1);
  });
});

describe('checklist engine: act-level detectors', () => {
  const body = detector({
    id: 'body',
    level: 'act',
    trigger: 'состав комиссии',
    absent: 'лиц одного пола',
  });
  const data = detector({ id: 'data', level: 'act', absent: { prefix: 'дезагрег' } });

  it('gives one finding on the first trigger clause when the act lacks the rule', () => {
    const checklist = compile([body]);
    const findings = analyse(
      tree([
        clause('Статья 1. Общие положения', { id: 'a1' as never, kind: 'article' }),
        clause('Состав комиссии утверждается.', { id: 'p1' as never }),
        clause('В составе комиссии девять членов.', { id: 'p2' as never }),
      ]),
      checklist,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ clauseId: 'p1', quote: { exact: 'Состав комиссии' } });
  });

  it('gives none when the rule is anywhere in the act, or when nothing triggers', () => {
    const checklist = compile([body]);
    expect(
      analyse(tree([clause('Состав комиссии утверждается.'), clause('Лиц одного пола не более 70 процентов.')]), checklist),
    ).toEqual([]);
    expect(analyse(tree([clause('Статья 1. Общие положения', { kind: 'article' })]), checklist)).toEqual([]);
  });

  it('attaches a finding without trigger to the first article', () => {
    const checklist = compile([data]);
    const findings = analyse(
      tree([clause('ЗАКОН', { kind: 'header' }), clause('Глава 1', { kind: 'chapter' }), clause('Статья 1. Цели', { id: 'first' as never, kind: 'article' })]),
      checklist,
    );
    expect(findings.map((f) => [f.clauseId, f.quote.exact, f.matched, f.actLevel])).toEqual([['first', 'Статья 1. Цели', [], true]]);
    const renamed = analyse(tree([clause('Статья 1. Цели и задачи', { id: 'first' as never, kind: 'article' })]), checklist);
    expect(renamed[0]!.id).toBe(findings[0]!.id);
  });
});

describe('checklist engine: stable ids', () => {
  const checklist = compile([ban]);
  const text = 'Запрещается применение труда женщин на тяжелых работах.';

  it('gives the same ids on a rerun and no duplicates', () => {
    const draft = tree([clause(text, { id: 'x' as never }), clause(text, { id: 'y' as never })]);
    const first = analyse(draft, checklist);
    const second = analyse(draft, checklist);
    expect(second).toEqual(first);
    expect(new Set(first.map((f) => f.id)).size).toBe(2);
    expect(first[0]!.id).toMatch(/^cf-[0-9a-f]{16}$/);
  });

  it('keeps the id when the clause is edited outside the matched span, changes it when the match changes', () => {
    const before = analyse(tree([clause(text, { id: 'x' as never })]), checklist)[0]!;
    const edited = analyse(tree([clause('2. ' + text.replace('тяжелых', 'особо тяжелых'), { id: 'x' as never })]), checklist)[0]!;
    expect(edited.id).toBe(before.id);
    expect(edited.span.start).toBe(before.span.start + 3);
    const otherWords = analyse(tree([clause(text.replace('применение', 'использование'), { id: 'x' as never })]), checklist)[0]!;
    expect(otherWords.id).not.toBe(before.id);
  });

  it('never brings back a dismissed finding', () => {
    const draft = tree([clause(text, { id: 'x' as never })]);
    const [finding] = analyse(draft, checklist);
    expect(analyse(draft, checklist, { dismissed: new Set([finding!.id]) })).toEqual([]);
  });

  it('does not depend on the checklist version, so a version bump keeps verdicts attached', () => {
    const v2 = compileChecklist({ ...checklistData([ban]), version: '2.0' }, morph).checklist;
    const draft = tree([clause(text, { id: 'x' as never })]);
    const [a] = analyse(draft, checklist);
    const [b] = analyse(draft, v2);
    expect(b!.id).toBe(a!.id);
    expect(b!.checklist).toBe('test-list@2.0');
  });
});

describe('checklist engine: examples as tests', () => {
  it('reports a flag example that does not fire and a pass example that does', () => {
    const { checklist } = compileChecklist(
      checklistData([
        detector({
          all: ['женщина'],
          examples: { flag: ['женщины', 'мужчины'], pass: ['лица', 'женщине'] },
        }),
      ]),
      morph,
    );
    expect(checkExamples(checklist)).toEqual([
      { code: 'CHECKLIST_EXAMPLE_NOT_FLAGGED', path: ['criteria', 0, 'detectors', 0, 'examples', 'flag', 1], params: { id: 'd1', text: 'мужчины' } },
      { code: 'CHECKLIST_EXAMPLE_FLAGGED', path: ['criteria', 0, 'detectors', 0, 'examples', 'pass', 1], params: { id: 'd1', text: 'женщине' } },
    ]);
  });
});

describe('checklist engine: bad data', () => {
  it('reports unknown words, short prefixes, empty detectors, unknown sources and duplicate ids with their paths', () => {
    const data = checklistData([
      detector({ id: 'dup', all: ['женшина'] }),
      detector({ id: 'dup', all: [{ prefix: 'ж' }] }),
      detector({ id: 'empty', none: ['женщина'] }),
      detector({ id: 'src', all: ['женщина'], legalBasis: [{ source: 'nowhere' }] }),
    ]);
    const { problems } = compileChecklist(data, morph);
    expect(problems.map((p) => [p.code, p.path.join('.')])).toEqual([
      ['CHECKLIST_UNKNOWN_WORD', 'criteria.0.detectors.0.all.0'],
      ['CHECKLIST_DUPLICATE_ID', 'criteria.0.detectors.1.id'],
      ['CHECKLIST_PREFIX_TOO_SHORT', 'criteria.0.detectors.1.all.0.prefix'],
      ['CHECKLIST_EMPTY_DETECTOR', 'criteria.0.detectors.2'],
      ['CHECKLIST_UNKNOWN_SOURCE', 'criteria.0.detectors.3.legalBasis.0.source'],
    ]);
  });

  it('rejects matchers nested deeper than the limit', () => {
    let deep: unknown = 'женщина';
    for (let i = 0; i < 8; i++) deep = { any: [deep] };
    const { problems } = compileChecklist(checklistData([detector({ all: [deep] })]), morph);
    expect(problems.map((p) => p.code)).toContain('CHECKLIST_TOO_DEEP');
  });

  it('handles many occurrences for `near` and amendments quoting a frequent word', () => {
    const checklist = compile([detector({ all: [{ near: ['особая', 'государство'], within: 2 }] })]);
    const text = 'особой заботой '.repeat(20_000) + 'особой государства';
    expect(analyse(tree([clause(text)]), checklist)[0]!.quote.exact).toBe('особой государства');
    const words = compile([detector({ all: ['женщина'] })]);
    const amendment = clause('«женщина» '.repeat(20_000) + 'и женщины', {
      kind: 'amendment',
      amendment: { operation: 'replace_words', target: {}, oldWords: '«женщина»' },
    });
    expect(analyse(tree([amendment]), words)[0]!.quote.exact).toBe('женщины');
  });

  it('stays linear on adversarial text: a long clause of repeated words is scanned completely', () => {
    const checklist = compile([detector({ any: ['особая забота государства'] })]);
    const text = 'особой заботой '.repeat(20_000) + 'особой заботой государства';
    const findings = analyse(tree([clause(text)]), checklist);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.quote.exact).toBe('особой заботой государства');
    expect(findings[0]!.span.end).toBe(text.length);
  });
});
