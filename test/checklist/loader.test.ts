import { describe, expect, it } from 'vitest';
import { isTendikError, type TendikError } from '../../shared/errors';
import type { ChecklistFileProblem } from '../../server/checklist/errors';
import { loadChecklistText } from '../../server/checklist/load-checklist-file';
import { fakeKyrgyz, fakeRussian } from './fixtures';

const morph = { ru: fakeRussian, ky: fakeKyrgyz };

/** A small valid checklist; each test breaks one line of it. Line numbers below refer to this text. */
const VALID = `schemaVersion: 1
id: small
version: "1.0"
title: {ru: Малый, ky: Кичи, en: Small}
sources:
  - id: cedaw
    title: {ru: КЛДЖ, ky: КЛДЖ, en: CEDAW}
criteria:
  - id: C9
    title: {ru: Защитные нормы, ky: Коргоочу ченемдер, en: Protective norms}
    guidance: {ru: Текст, ky: Текст, en: Text}
    severity: violation
    questions:
      - id: q1
        text: {ru: Вопрос?, ky: Суроо?, en: Question?}
    legalBasis: [{source: cedaw, article: "11"}]
    detectors:
      - id: C9.ban
        lang: ru
        all: [запрещаться, женщина]
        question: {ru: Запрет?, ky: Тыюу?, en: A ban?}
        examples:
          flag: ["Запрещается труд женщин."]
          pass: ["Запрещается труд лиц до 18 лет."]
`;

function problemsOf(source: string): ChecklistFileProblem[] {
  try {
    loadChecklistText(source, 'small.yml', morph);
  } catch (err) {
    if (!isTendikError(err)) throw err;
    expect(err.code).toBe('CHECKLIST_INVALID');
    expect(err.status).toBe(422);
    return (err.details as { problems: ChecklistFileProblem[] }).problems;
  }
  throw new Error('expected the checklist to be rejected');
}

function replaceLine(line: number, text: string): string {
  const lines = VALID.split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
}

describe('checklist loader', () => {
  it('loads a valid checklist and runs its examples', () => {
    const { checklist, file } = loadChecklistText(VALID, 'small.yml', morph);
    expect(file).toBe('small.yml');
    expect(checklist.ref).toBe('small@1.0');
    expect(checklist.detectors.map((d) => d.id)).toEqual(['C9.ban']);
  });

  it('names file, line and column of a YAML syntax error', () => {
    const [p, ...rest] = problemsOf(replaceLine(11, '    guidance: {ru: Текст, ky: Текст, en: Text'));
    expect(rest.length).toBeGreaterThanOrEqual(0);
    expect(p).toMatchObject({ code: 'CHECKLIST_YAML_SYNTAX', file: 'small.yml' });
    expect(p!.line).toBeGreaterThanOrEqual(11);
  });

  it('reports a missing translation with its language and line', () => {
    const problems = problemsOf(replaceLine(21, '        question: {ru: Запрет?, en: A ban?}'));
    expect(problems).toEqual([
      expect.objectContaining({ code: 'CHECKLIST_MISSING_TRANSLATION', line: 21, file: 'small.yml' }),
    ]);
    expect(problems[0]!.message.en).toContain('"ky"');
    expect(problems[0]!.message.ru).toContain('«ky»');
  });

  it('reports an empty translation too', () => {
    const problems = problemsOf(replaceLine(15, '        text: {ru: Вопрос?, ky: "", en: Question?}'));
    expect(problems).toEqual([expect.objectContaining({ code: 'CHECKLIST_MISSING_TRANSLATION', line: 15 })]);
  });

  it('reports a duplicate id at the second occurrence', () => {
    const source = VALID.replace('  - id: C9\n', '  - id: C9\n').replace(
      '      - id: q1\n        text: {ru: Вопрос?, ky: Суроо?, en: Question?}\n',
      '      - id: q1\n        text: {ru: Вопрос?, ky: Суроо?, en: Question?}\n      - id: q1\n        text: {ru: Ещё?, ky: Дагы?, en: More?}\n',
    );
    expect(problemsOf(source)).toEqual([expect.objectContaining({ code: 'CHECKLIST_DUPLICATE_ID', line: 16, column: 13 })]);
  });

  it('reports an unknown source and an unknown related criterion', () => {
    const source = replaceLine(16, '    legalBasis: [{source: cedaw-2099, article: "11"}]\n    related: [C99]');
    const problems = problemsOf(source);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['CHECKLIST_UNKNOWN_SOURCE', 16],
      ['CHECKLIST_UNKNOWN_CRITERION', 17],
    ]);
  });

  it('rejects a regular expression with its position, before anything runs', () => {
    const problems = problemsOf(replaceLine(20, '        all: [{regex: "(a+)+$"}]'));
    expect(problems).toEqual([expect.objectContaining({ code: 'CHECKLIST_UNSAFE_PATTERN', line: 20, column: 16 })]);
    expect(problems[0]!.message.en).toContain('Regular expressions');
  });

  it('rejects an unknown key with its position', () => {
    const problems = problemsOf(replaceLine(12, '    severity: violation\n    weight: 3'));
    expect(problems).toEqual([expect.objectContaining({ code: 'CHECKLIST_SCHEMA', line: 13, column: 5 })]);
  });

  it('rejects a wrong enum value with its position', () => {
    const problems = problemsOf(replaceLine(12, '    severity: catastrophic'));
    expect(problems).toEqual([expect.objectContaining({ code: 'CHECKLIST_SCHEMA', line: 12, column: 15 })]);
  });

  it('reports a word the morphology does not know', () => {
    const problems = problemsOf(replaceLine(20, '        all: [запрещаться, женшина]'));
    expect(problems).toEqual([expect.objectContaining({ code: 'CHECKLIST_UNKNOWN_WORD', line: 20, column: 28 })]);
  });

  it('reports an example that does not behave, at the example', () => {
    const problems = problemsOf(replaceLine(23, '          flag: ["Запрещается труд лиц до 18 лет."]'));
    expect(problems).toEqual([expect.objectContaining({ code: 'CHECKLIST_EXAMPLE_NOT_FLAGGED', line: 23, column: 18 })]);
  });

  it('gives the error message in every language with the first problem', () => {
    let error: TendikError | undefined;
    try {
      loadChecklistText(replaceLine(12, '    severity: catastrophic'), 'small.yml', morph);
    } catch (err) {
      if (isTendikError(err)) error = err;
    }
    expect(error!.message_('ru')).toContain('small.yml');
    expect(error!.message_('ru')).toContain('строка 12');
    expect(error!.message_('ky')).toContain('12-сап');
    expect(error!.message_('en')).toContain('line 12');
  });
});

describe('checklist loader: hostile input', () => {
  it('reports an alias bomb as a YAML problem instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const problems = problemsOf(bomb.join('\n'));
    expect(problems.map((p) => p.code)).toEqual(['CHECKLIST_YAML_SYNTAX']);
  });

  it('reports absurdly deep nesting as a problem, never a crash', () => {
    const deep = 'schemaVersion: 1\ncriteria: ' + '['.repeat(20_000) + ']'.repeat(20_000);
    const problems = problemsOf(deep);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === 'small.yml' && p.line >= 1)).toBe(true);
  });
});
