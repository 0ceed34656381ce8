import fs from 'node:fs';
import path from 'node:path';
import { parseDraft } from '../server/import/parse';
import type { SourceDocument } from '../server/import/source';
import { CORPUS_DIR } from '../test/helpers/corpus';
import { figure, measure } from './lib';

// The structure parser alone (paragraphs → clause tree) on the ~400k-character Criminal Code.
// Budget: well under 100 ms of the 250 ms the whole import may take.
const FILE = 'kg_criminal_code_2021_ru.txt';
const file = path.join(CORPUS_DIR, FILE);

if (!fs.existsSync(file)) {
  console.log(`../shared/corpus/${FILE} not found: the structure-parser benchmark is SKIPPED.`);
} else {
  const raw = fs.readFileSync(file, 'utf8');
  const text = raw.slice(raw.indexOf('\n') + 1);
  const source: SourceDocument = {
    format: 'text',
    paragraphs: text.split(/\r?\n/).map((t, i) => ({ text: t, line: i + 1 })),
    warnings: [],
  };
  figure('Criminal Code', `${text.length} characters, ${source.paragraphs.length} paragraphs`);
  const first = performance.now();
  const { tree, warnings } = parseDraft(source);
  figure('parseDraft, first (cold) run', `${(performance.now() - first).toFixed(1)} ms`);
  let clauses = 0;
  const stack = [...tree.clauses];
  while (stack.length > 0) {
    clauses++;
    stack.push(...stack.pop()!.children);
  }
  figure('clauses / warnings', `${clauses} / ${warnings.length}`);
  await measure('parseDraft (Criminal Code, warm)', () => parseDraft(source), 7, 2);
}
