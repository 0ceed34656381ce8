import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { walkClauses, type Clause, type ClauseTree } from '../shared/clause';
import { buildComparativeTableDocument, buildConclusion } from '../shared/conclusion/build';
import type { MergedFinding, ReviewModel } from '../shared/review-model';
import { packConclusion } from '../server/export/conclusion-docx';
import { packWorkingCopy } from '../server/export/working-copy-docx';
import { parseDraft } from '../server/import/parse';
import { readText } from '../server/import/readers/text';
import { corpusAvailable, readCorpus } from '../test/helpers/corpus';
import { figure, measure, peakRssMb } from './lib';

// Export of a review with 500 confirmed findings over the Criminal Code (~400k chars, the largest act
// we expect): the conclusion (build + pack), the table alone and the working copy with 500 comments and
// tracked changes. Targets: conclusion under 1 s, peak RSS under 200 MB. The peak RSS of one export is
// taken in a fresh process of its own (after loading the modules and the clause tree, as the server
// has them), so the garbage of the repeated timing runs is not counted against it.
const SELF = fileURLToPath(import.meta.url);
const CORPUS_FILE = 'kg_criminal_code_2021_ru.txt';
const FINDINGS = 500;

function criminalCodeTree(): ClauseTree {
  return parseDraft(readText(Buffer.from(readCorpus(CORPUS_FILE), 'utf8'))).tree;
}

/** 500 findings spread evenly over the clauses that carry real text, each on a word of its clause. */
function reviewOver(tree: ClauseTree): ReviewModel {
  const candidates: Clause[] = [];
  for (const [clause] of walkClauses(tree.clauses)) if (clause.text.length > 40) candidates.push(clause);
  const step = candidates.length / FINDINGS;
  const at = Date.UTC(2026, 10, 20);
  const findings: MergedFinding[] = Array.from({ length: FINDINGS }, (_, i) => {
    const clause = candidates[Math.floor(i * step)]!;
    const words = clause.text.split(/\s+/);
    const exact = words.slice(2, 4).join(' ');
    const start = clause.text.indexOf(exact);
    return {
      id: `bench-${i}`,
      origin: i % 3 ? 'engine' : 'expert',
      authorId: null,
      criterionId: `C${(i % 17) + 1}`,
      clauseId: clause.id,
      quote: { exact, prefix: clause.text.slice(Math.max(0, start - 32), start), suffix: clause.text.slice(start + exact.length, start + exact.length + 32) },
      severity: 'concern',
      polarity: 'risk',
      explanation: { ru: 'Норма может ставить в неравное положение женщин и мужчин.', ky: 'Ченем аялдарды жана эркектерди тең эмес абалга коюшу мүмкүн.', en: 'The provision may treat women and men unequally.' },
      proposedWording: i % 2 ? `${exact} (лица независимо от пола)` : undefined,
      verdicts: [],
      replies: [],
      final: { targetId: `bench-${i}`, decision: 'confirmed', wording: i % 2 ? undefined : clause.text.replace(exact, 'лица с семейными обязанностями'), at },
      status: 'resolved',
    };
  });
  return {
    reviewId: 'bench',
    findings,
    comments: [],
    answers: [],
    conclusion: {
      addressee: { committee: 'Комитет по конституционному законодательству', chair: 'Председателю комитета' },
      outgoingNumber: '1/ГЭ',
      outgoingDate: '20.11.2026',
      draftTitle: 'Уголовный кодекс Кыргызской Республики',
      verdict: 'does_not_comply',
      recommendations: 'Учесть замечания сравнительной таблицы.',
      signatories: [{ name: 'Координатор', position: 'Альянс' }],
    },
  };
}

function rssMb(): number {
  return Math.round(process.memoryUsage().rss / (1024 * 1024));
}

if (!corpusAvailable(CORPUS_FILE)) {
  console.log(`SKIPPED: ../shared/corpus/${CORPUS_FILE} is absent; the export benchmark needs the Criminal Code.`);
} else if (process.argv[2] === 'once') {
  // Child: one export of the conclusion, reporting resident memory before and the peak after.
  const tree = criminalCodeTree();
  const model = reviewOver(tree);
  const before = rssMb();
  await packConclusion(buildConclusion(model, tree, { lang: 'ru' }));
  console.log(JSON.stringify({ before, peak: peakRssMb() }));
} else {
  const tree = criminalCodeTree();
  const model = reviewOver(tree);
  let clauses = 0;
  for (const _ of walkClauses(tree.clauses)) clauses++;
  figure('Criminal Code clauses / confirmed findings', `${clauses} / ${FINDINGS}`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', SELF, 'once'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
  const once = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { before: number; peak: number };
  figure('one conclusion export: peak RSS of a fresh process', `${once.peak} MB (${once.before} MB before the export: Node, tsx, modules, clause tree; target < 200 MB)`);
  let size = 0;
  await measure('conclusion: buildConclusion (500 findings)', () => buildConclusion(model, tree, { lang: 'ru' }));
  await measure('conclusion: build + Packer.toBuffer (500 findings)', async () => {
    size = (await packConclusion(buildConclusion(model, tree, { lang: 'ru' }))).length;
  });
  figure('conclusion DOCX size', `${Math.round(size / 1024)} KB`);
  await measure('table alone: build + pack', async () => {
    await packConclusion(buildComparativeTableDocument(model, tree, { lang: 'ru' }), 'landscape');
  }, 5);
  await measure('working copy: whole code, 500 comments + tracked changes', async () => {
    size = (await packWorkingCopy(model, tree, { lang: 'ru' })).length;
  }, 3);
  figure('working copy DOCX size', `${Math.round(size / 1024)} KB`);
}
