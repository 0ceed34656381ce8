import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importDraft, readSource } from '../server/import/import-draft';
import { corpusAvailable, readCorpus } from '../test/helpers/corpus';
import { figure, measure, peakRssMb } from './lib';

// Import of the Criminal Code (~400k chars), the largest act we expect, as plain text and as DOCX.
// Targets: < 250 ms and < 150 MB peak RSS. The DOCX is built from the corpus text with the docx package,
// one paragraph per line (article headings as Word numbering), in a child process; the peak RSS of one
// import is measured in a fresh process of its own, so neither the docx package nor the garbage of the
// repeated timing runs is counted against it.
const CORPUS_FILE = 'kg_criminal_code_2021_ru.txt';
const OPTIONS = { maxInflatedBytes: 100 * 1024 * 1024 };
const SELF = fileURLToPath(import.meta.url);

async function buildDocx(out: string): Promise<void> {
  // Loaded only in the child: the docx package's own memory must not count against the import's.
  const { Document, LevelFormat, Packer, Paragraph } = await import('docx');
  const lines = readCorpus(CORPUS_FILE).split(/\r?\n/).filter((l) => l.trim().length > 0);
  const doc = new Document({
    numbering: { config: [{ reference: 'art', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: 'Статья %1.' }] }] },
    sections: [
      {
        children: lines.map((line) => {
          const article = /^Статья (\d+)\.\s*(.*)$/.exec(line);
          return article ? new Paragraph({ text: article[2]!, numbering: { reference: 'art', level: 0 } }) : new Paragraph(line);
        }),
      },
    ],
  });
  fs.writeFileSync(out, await Packer.toBuffer(doc));
}

function child(...args: string[]): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', SELF, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench child ${args[0]} failed: ${run.stderr}`);
  return run.stdout.trim();
}

const mode = process.argv[2];
if (mode === '--build-docx') {
  await buildDocx(process.argv[3]!);
  process.exit(0);
}
if (mode === '--one') {
  const bytes = new Uint8Array(fs.readFileSync(process.argv[3]!));
  const before = peakRssMb();
  importDraft(bytes, { ...OPTIONS, fileName: path.basename(process.argv[3]!) });
  console.log(JSON.stringify({ before, after: peakRssMb() }));
  process.exit(0);
}

if (!corpusAvailable(CORPUS_FILE)) {
  console.log(`SKIPPED: ../shared/corpus/${CORPUS_FILE} is absent.`);
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-bench-'));
try {
  const textPath = path.join(dir, 'criminal-code.txt');
  const docxPath = path.join(dir, 'criminal-code.docx');
  fs.writeFileSync(textPath, readCorpus(CORPUS_FILE));
  child('--build-docx', docxPath);
  const text = new Uint8Array(fs.readFileSync(textPath));
  const docx = new Uint8Array(fs.readFileSync(docxPath));
  figure('Criminal Code sizes', `text ${(text.length / 1024).toFixed(0)} KB, DOCX ${(docx.length / 1024).toFixed(0)} KB`);

  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const textRun = await measure('import Criminal Code, text (read + parse + PM doc)', () => importDraft(text, { ...OPTIONS, fileName: 'uk.txt' }), 7);
  gc();
  await measure('  of which reading the text', () => readSource(text, { ...OPTIONS, fileName: 'uk.txt' }), 7);
  gc();
  const docxRun = await measure('import Criminal Code, DOCX (read + parse + PM doc)', () => importDraft(docx, { ...OPTIONS, fileName: 'uk.docx' }), 7);
  gc();
  await measure('  of which reading the DOCX (unzip + XML + numbering)', () => readSource(docx, { ...OPTIONS, fileName: 'uk.docx' }), 7);
  const result = importDraft(docx, { ...OPTIONS, fileName: 'uk.docx' });
  figure('DOCX import result', `${result.report.paragraphs} paragraphs, ${result.report.counts.article ?? 0} articles`);

  const one = (file: string) => JSON.parse(child('--one', file)) as { before: number; after: number };
  const textRss = one(textPath);
  const docxRss = one(docxPath);
  figure('peak RSS, one text import in a fresh process', `${textRss.after} MB (process with modules loaded: ${textRss.before} MB)`);
  figure('peak RSS, one DOCX import in a fresh process', `${docxRss.after} MB (process with modules loaded: ${docxRss.before} MB)`);
  const ok = (good: boolean) => (good ? 'OK' : 'OVER');
  figure(
    'targets: median < 250 ms, peak RSS < 150 MB',
    `text ${ok(textRun.medianMs < 250)}/${ok(textRss.after < 150)}, DOCX ${ok(docxRun.medianMs < 250)}/${ok(docxRss.after < 150)}`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
