import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Clause, ClauseTree } from '../../shared/clause';
import type { CompiledChecklist } from '../../shared/checklist/compile';
import { analyse } from '../../shared/checklist/engine';
import { normalizeSpanText } from '../../shared/checklist/normalize';
import type { ClauseId } from '../../shared/ids';
import { corpusAvailable, readCorpus } from '../helpers/corpus';

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'labelled-clauses.yml');

const criteria = z.array(z.string().regex(/^C\d+$/));
const ownItems = z.array(
  z.union([
    z.strictObject({ lang: z.enum(['ru', 'ky']), text: z.string().min(5), criteria }),
    z.strictObject({ lang: z.enum(['ru', 'ky']), clauses: z.array(z.string().min(3)).min(1), criteria }),
  ]),
);
const datasetSchema = z.strictObject({
  corpus: z.array(z.strictObject({ file: z.string(), article: z.string(), quote: z.string().min(5), criteria })),
  own: ownItems,
  heldout: ownItems.default([]),
  heldoutCorpus: z.array(z.strictObject({ file: z.string(), article: z.string(), quote: z.string().min(5), criteria })).default([]),
});

export interface EvalItem {
  /** Where it comes from: "kg_criminal_code_2021_ru.txt, art. 172" or "own #12". */
  ref: string;
  source: 'corpus' | 'own';
  /** dev: the detectors were tuned on it; heldout: measured before any tuning on it. */
  split: 'dev' | 'heldout';
  lang: 'ru' | 'ky';
  tree: ClauseTree;
  /** Whole small acts are read with act-level detectors too; a single clause only with clause-level ones. */
  actLevel: boolean;
  expected: ReadonlySet<string>;
}

/**
 * The clause of an article that holds `quote`: the article is found by its heading («Статья N.» or
 * «N-берене.») and runs to the next heading; the clause is its line containing the quote.
 */
export function findCorpusClause(text: string, article: string, quote: string): string {
  const lines = text.split('\n');
  const escaped = article.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // «Статья 12.» in Kyrgyz codes, «Статья 12» alone on its line in Russian federal laws, «12-берене.» in Kyrgyz.
  const heading = new RegExp(`^(?:Статья ${escaped}(?:\\.|\\s*$)|${escaped}-берене\\.)`);
  const anyHeading = /^(?:Статья \S+?(?:\.|\s*$)|\d[\d-]*-берене\.)/;
  const start = lines.findIndex((line) => heading.test(line.trim()));
  if (start < 0) throw new Error(`article ${article} not found`);
  const wanted = normalizeSpanText(quote);
  for (let i = start; i < lines.length; i++) {
    if (i > start && anyHeading.test(lines[i]!.trim())) break;
    if (normalizeSpanText(lines[i]!).includes(wanted)) return lines[i]!.trim();
  }
  throw new Error(`quote «${quote}» not found in article ${article}`);
}

function makeTree(lang: 'ru' | 'ky', texts: readonly string[]): ClauseTree {
  const clauses: Clause[] = texts.map((text, i) => ({
    id: `e${i}` as ClauseId,
    kind: /^(Статья \S+?\.|\d[\d-]*-берене\.)/.test(text) ? 'article' : 'part',
    number: null,
    label: '',
    text,
    children: [],
  }));
  return { meta: { language: lang, actKind: 'law', title: null, date: null, number: null, isDraft: true }, clauses };
}

/** Loads the labelled set; corpus items are skipped (and counted) when ../shared/corpus is absent. */
export function loadEvalItems(): { items: EvalItem[]; skippedCorpus: number } {
  const data = datasetSchema.parse(parse(fs.readFileSync(DATA, 'utf8')));
  const items: EvalItem[] = [];
  let skippedCorpus = 0;
  const texts = new Map<string, string | null>();
  const corpusEntries = [
    ...data.corpus.map((entry) => ({ entry, split: 'dev' as const })),
    ...data.heldoutCorpus.map((entry) => ({ entry, split: 'heldout' as const })),
  ];
  for (const { entry, split } of corpusEntries) {
    if (!texts.has(entry.file)) texts.set(entry.file, corpusAvailable(entry.file) ? readCorpus(entry.file) : null);
    const text = texts.get(entry.file);
    if (text == null) {
      skippedCorpus++;
      continue;
    }
    const lang = entry.file.includes('_ky') ? 'ky' : 'ru';
    items.push({
      ref: `${entry.file}, art. ${entry.article}: «${entry.quote}»`,
      source: 'corpus',
      split,
      lang,
      tree: makeTree(lang, [findCorpusClause(text, entry.article, entry.quote)]),
      actLevel: false,
      expected: new Set(entry.criteria),
    });
  }
  const own = [...data.own.map((e) => ({ e, split: 'dev' as const })), ...data.heldout.map((e) => ({ e, split: 'heldout' as const }))];
  own.forEach(({ e: entry, split }, i) => {
    const texts = 'text' in entry ? [entry.text] : entry.clauses;
    items.push({
      ref: `${split === 'dev' ? 'own' : 'held-out'} #${i + 1}: «${texts.join(' / ').slice(0, 70)}»`,
      source: 'own',
      split,
      lang: entry.lang,
      tree: makeTree(entry.lang, texts),
      actLevel: 'clauses' in entry,
      expected: new Set(entry.criteria),
    });
  });
  return { items, skippedCorpus };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface EvalResult {
  perCriterion: Map<string, Counts>;
  overall: Counts;
  flagItems: number;
  passItems: number;
  errors: Array<{ ref: string; expected: string[]; predicted: string[] }>;
}

export function evaluate(items: readonly EvalItem[], checklist: CompiledChecklist): EvalResult {
  const clauseLevel = new Set(checklist.detectors.filter((d) => d.level === 'clause').map((d) => d.id));
  const perCriterion = new Map<string, Counts>();
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  const errors: EvalResult['errors'] = [];
  const bump = (criterion: string, key: keyof Counts) => {
    const counts = perCriterion.get(criterion) ?? { tp: 0, fp: 0, fn: 0 };
    counts[key]++;
    overall[key]++;
    perCriterion.set(criterion, counts);
  };
  for (const item of items) {
    // A single clause is read by the clause-level detectors only; an act-level note they collect (a
    // neutral term that decides nothing, listed for the act) is not a finding on that clause.
    const findings = analyse(item.tree, checklist, item.actLevel ? {} : { onlyDetectors: clauseLevel }).filter((f) => item.actLevel || !f.actLevel);
    const predicted = new Set(findings.map((f) => f.criterionId));
    for (const c of predicted) bump(c, item.expected.has(c) ? 'tp' : 'fp');
    for (const c of item.expected) if (!predicted.has(c)) bump(c, 'fn');
    const same = predicted.size === item.expected.size && [...predicted].every((c) => item.expected.has(c));
    if (!same) errors.push({ ref: item.ref, expected: [...item.expected], predicted: [...predicted] });
  }
  return {
    perCriterion,
    overall,
    flagItems: items.filter((i) => i.expected.size > 0).length,
    passItems: items.filter((i) => i.expected.size === 0).length,
    errors,
  };
}

export const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
