import fs from 'node:fs';
import path from 'node:path';
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { compileChecklist, type CompiledChecklist } from '../../shared/checklist/compile';
import { checkExamples } from '../../shared/checklist/examples';
import { checklistSchema } from '../../shared/checklist/format';
import type { Morphologies } from '../../shared/checklist/morphology';
import type { DataPath } from '../../shared/checklist/problems';
import { format, LANGS, type I18nText } from '../../shared/i18n/lang';
import { isTendikError, TendikError } from '../../shared/errors';
import { CHECKLIST_INVALID_TEXT, PROBLEM_TEXT, type ChecklistFileProblem, type LoaderProblemCode } from './errors';

const MAX_FILE_BYTES = 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['regex', 'regexp', 'pattern', 're']);

export interface LoadedChecklist {
  file: string;
  checklist: CompiledChecklist;
}

/** Reads, validates, compiles and self-tests one checklist file; throws CHECKLIST_INVALID listing every problem. */
export function loadChecklistFile(file: string, morphologies: Morphologies): LoadedChecklist {
  const size = fs.statSync(file).size;
  const name = path.basename(file);
  if (size > MAX_FILE_BYTES)
    throw invalid(name, [problem(name, 'CHECKLIST_FILE_TOO_LARGE', 1, 1, { max: MAX_FILE_BYTES / 1024 })]);
  return loadChecklistText(fs.readFileSync(file, 'utf8'), name, morphologies);
}

/**
 * The same from text, with `name` used in positions (the file name a secretary recognises). Whatever
 * the text, the result is a checklist or CHECKLIST_INVALID: an alias bomb or nesting deep enough to
 * exhaust the parser's stack is reported as a YAML problem, never let through as a crash.
 */
export function loadChecklistText(source: string, name: string, morphologies: Morphologies): LoadedChecklist {
  try {
    return loadUnguarded(source, name, morphologies);
  } catch (err) {
    if (isTendikError(err)) throw err;
    const detail = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    throw invalid(name, [problem(name, 'CHECKLIST_YAML_SYNTAX', 1, 1, { detail })]);
  }
}

function loadUnguarded(source: string, name: string, morphologies: Morphologies): LoadedChecklist {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => lineCounter.linePos(offset);

  const syntax = doc.errors.map((e) => {
    const pos = at(e.pos[0]);
    return problem(name, 'CHECKLIST_YAML_SYNTAX', pos.line, pos.col, { detail: e.message.split('\n')[0]! });
  });
  if (syntax.length > 0) throw invalid(name, syntax);

  const unsafe = findForbiddenKeys(doc).map(({ key, offset }) => {
    const pos = at(offset);
    return problem(name, 'CHECKLIST_UNSAFE_PATTERN', pos.line, pos.col, { key });
  });
  if (unsafe.length > 0) throw invalid(name, unsafe);

  const parsed = checklistSchema.safeParse(doc.toJS({ maxAliasCount: 50 }));
  if (!parsed.success) throw invalid(name, parsed.error.issues.map((issue) => schemaProblem(name, doc, lineCounter, issue)));

  const { checklist, problems } = compileChecklist(parsed.data, morphologies);
  const located = (list: typeof problems) =>
    list.map((p) => {
      const pos = at(offsetOf(doc, p.path));
      return problem(name, p.code, pos.line, pos.col, p.params);
    });
  if (problems.length > 0) throw invalid(name, located(problems));
  const failedExamples = checkExamples(checklist);
  if (failedExamples.length > 0) throw invalid(name, located(failedExamples));
  return { file: name, checklist };
}

function schemaProblem(name: string, doc: Document, lineCounter: LineCounter, issue: z.core.$ZodIssue): ChecklistFileProblem {
  const issuePath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = issuePath.join('.') || '(root)';
  const last = issuePath[issuePath.length - 1];
  const pos = lineCounter.linePos(offsetOf(doc, issuePath));
  const missing = issue.code === 'invalid_type' && doc.getIn(issuePath, true) === undefined;
  const emptyText = issue.code === 'too_small' && issue.origin === 'string';
  if (typeof last === 'string' && (LANGS as readonly string[]).includes(last) && (missing || emptyText))
    return problem(name, 'CHECKLIST_MISSING_TRANSLATION', pos.line, pos.col, { lang: last, field });
  if (issue.code === 'unrecognized_keys') {
    const keyPath = [...issuePath, issue.keys[0]!];
    const keyPos = lineCounter.linePos(offsetOf(doc, keyPath, true));
    return problem(name, 'CHECKLIST_SCHEMA', keyPos.line, keyPos.col, { field: keyPath.join('.'), detail: issue.message });
  }
  return problem(name, 'CHECKLIST_SCHEMA', pos.line, pos.col, { field, detail: issue.message });
}

/** Offset of the node at `path`, or of its nearest existing ancestor (a missing key points at its map). */
function offsetOf(doc: Document, dataPath: DataPath, keyItself = false): number {
  for (let n = dataPath.length; n >= 0; n--) {
    const sub = dataPath.slice(0, n);
    if (keyItself && n === dataPath.length && n > 0) {
      const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === sub[sub.length - 1]);
        if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
      }
      continue;
    }
    const node = n === 0 ? doc.contents : doc.getIn(sub, true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}

/** Keys that would smuggle a regular expression in; rejected with their position. */
function findForbiddenKeys(doc: Document): Array<{ key: string; offset: number }> {
  const found: Array<{ key: string; offset: number }> = [];
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && typeof pair.key.value === 'string' && FORBIDDEN_KEYS.has(pair.key.value))
        found.push({ key: pair.key.value, offset: pair.key.range?.[0] ?? 0 });
    },
  });
  return found;
}

function problem(
  file: string,
  code: LoaderProblemCode | keyof typeof PROBLEM_TEXT,
  line: number,
  column: number,
  params: Record<string, string | number>,
): ChecklistFileProblem {
  const text = PROBLEM_TEXT[code];
  const message = Object.fromEntries(LANGS.map((lang) => [lang, format(text[lang], params)])) as unknown as I18nText;
  return { code, file, line, column, message };
}

function invalid(file: string, problems: ChecklistFileProblem[]) {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  const first = sorted[0]!;
  // The first problem's text goes in each language's own message, not the English one everywhere.
  const messages = Object.fromEntries(
    LANGS.map((lang) => [lang, CHECKLIST_INVALID_TEXT[lang].replace('{first}', first.message[lang])]),
  ) as unknown as I18nText;
  return new TendikError(
    'CHECKLIST_INVALID',
    422,
    messages,
    { file, count: sorted.length, line: first.line, column: first.column },
    { problems: sorted },
  );
}
