import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { walkClauses, type Clause, type ClauseTree } from '../../shared/clause';
import { cleanText } from '../../shared/conclusion/sanitize';
import type { MergedFinding, ReviewModel } from '../../shared/review-model';
import { packWorkingCopy } from '../../server/export/working-copy-docx';
import { importDraft } from '../../server/import/import-draft';
import { prng } from '../collab/harness';
import { corpusAvailable, readCorpus } from '../helpers/corpus';
import { docxThroughLibreOffice } from '../helpers/libreoffice';
import { decodeXml, draftTree, finding } from './fixtures';

/**
 * The working copy as a drafter uses it (issue 14): findings seeded over whole codes — words inside a
 * sentence, wordings that repeat the words around the quote, restated parts with and without their
 * number, quotation marks typed around a wording, two findings on one unit, overlapping ones, article
 * headings — and for every unit the text "Accept all" gives must be exactly the proposed one, every
 * other unit untouched, and "Reject all" the draft as it was. Also after LibreOffice saved it again.
 *
 * The expected texts are written here from the operations the generator chose, with plain string
 * edits, never by the code under test.
 */

type Operation = 'words' | 'context' | 'restate' | 'quoted' | 'pair' | 'overlap' | 'heading';
const OPERATIONS: Operation[] = ['words', 'context', 'restate', 'quoted', 'pair', 'overlap', 'heading'];
const REPLACEMENTS = ['лицу', 'одному из родителей', 'работнику', 'лицам обоего пола', 'гражданину', 'супругам'];
const MARKER = /^\s*(?:\d+(?:[.-]\d+)*[.)]|[\p{Ll}]\d*\))\s+/u;

interface Seeded {
  findings: MergedFinding[];
  /** The unit's text after Accept all, for every unit a finding changes. */
  expected: Map<string, string>;
}

const unitText = (clause: Clause) => cleanText(clause.text).replace(/\n/g, ' ');

/** Word spans of a text: [start, end) of each run of letters and digits. */
function words(text: string): Array<[number, number]> {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index!, m.index! + m[0].length]);
}

function seedFindings(tree: ClauseTree, count: number, seed: number): Seeded {
  const rand = prng(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const units = [...walkClauses(tree.clauses)]
    .map(([clause]) => clause)
    .filter((c) => ['part', 'item', 'subitem', 'article'].includes(c.kind) && words(unitText(c)).length >= 8 && !unitText(c).includes('«'));
  const used = new Set<string>();
  const findings: MergedFinding[] = [];
  const expected = new Map<string, string>();
  let at = Date.UTC(2026, 10, 1);
  const add = (clause: Clause, text: string, span: [number, number], wording: string) => {
    at += 60_000;
    findings.push(
      finding({
        clauseId: clause.id,
        criterionId: 'C8',
        quote: { exact: text.slice(span[0], span[1]), prefix: text.slice(Math.max(0, span[0] - 32), span[0]), suffix: text.slice(span[1], span[1] + 32) },
        final: { targetId: '', decision: 'confirmed', wording, at },
      }),
    );
  };
  // Bounded: a small draft may have fewer units than asked for.
  for (let attempt = 0; findings.length < count && attempt < count * 50; attempt++) {
    const clause = pick(units);
    if (used.has(clause.id)) continue;
    const text = unitText(clause);
    const ws = words(text);
    const op = OPERATIONS[findings.length % OPERATIONS.length]!;
    const replacement = pick(REPLACEMENTS);
    // A word span of 1–3 words, not the first words (a number marker may stand there).
    const spanAt = (from: number, length: number): [number, number] => [ws[from]![0], ws[Math.min(ws.length - 1, from + length - 1)]![1]];
    const inner = () => 2 + Math.floor(rand() * (ws.length - 5));
    if (op === 'heading') {
      if (clause.kind !== 'article' || !clause.title) continue;
      // «Статья 14. Старое название» restated with a new title.
      const cut = text.indexOf(clause.title);
      if (cut < 0) continue;
      const restated = `${text.slice(0, cut)}Новое название статьи о равенстве`;
      add(clause, text, [cut, text.length], restated);
      expected.set(clause.id, restated);
    } else if (op === 'words' || op === 'quoted') {
      const span = spanAt(inner(), 1 + Math.floor(rand() * 3));
      add(clause, text, span, op === 'quoted' ? `«${replacement}»` : replacement);
      expected.set(clause.id, text.slice(0, span[0]) + replacement + text.slice(span[1]));
    } else if (op === 'context') {
      // The wording repeats the word right before the quote: the law must not get it twice.
      const from = inner();
      const span = spanAt(from, 1);
      const before = text.slice(ws[from - 1]![0], span[0]);
      add(clause, text, span, `${before}${replacement}`);
      expected.set(clause.id, text.slice(0, span[0]) + replacement + text.slice(span[1]));
    } else if (op === 'restate') {
      // The whole unit again with one word changed, without its number half of the time, in quotes some.
      const marker = MARKER.exec(text)?.[0] ?? '';
      const body = text.slice(marker.length);
      const bodyWords = words(body);
      if (bodyWords.length < 6) continue;
      const [s, e] = bodyWords[2 + Math.floor(rand() * (bodyWords.length - 3))]!;
      const newBody = body.slice(0, s) + replacement + body.slice(e);
      const withMarker = rand() < 0.5;
      const wording = withMarker ? marker + newBody : newBody;
      add(clause, text, [marker.length + s, marker.length + e], rand() < 0.3 ? `«${wording}»` : wording);
      expected.set(clause.id, marker + newBody);
    } else if (op === 'pair') {
      // Two findings on one unit, apart: both apply.
      if (ws.length < 12) continue;
      const a = spanAt(2, 1);
      const b = spanAt(ws.length - 3, 1);
      add(clause, text, a, 'лицу');
      add(clause, text, b, 'гражданину');
      expected.set(clause.id, text.slice(0, a[0]) + 'лицу' + text.slice(a[1], b[0]) + 'гражданину' + text.slice(b[1]));
    } else {
      // Two findings on overlapping words: the later decision is the unit's.
      const from = inner();
      add(clause, text, spanAt(from, 2), 'первая редакция');
      const later = spanAt(from + 1, 1);
      add(clause, text, later, 'вторая редакция');
      expected.set(clause.id, text.slice(0, later[0]) + 'вторая редакция' + text.slice(later[1]));
    }
    used.add(clause.id);
  }
  for (const f of findings) f.final!.targetId = f.id;
  return { findings, expected };
}

/** Each body paragraph's text after Accept all and after Reject all, in document order. */
function readBack(docx: Uint8Array): Array<{ accepted: string; rejected: string }> {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  const body = xml.slice(xml.indexOf('<w:body>'));
  return [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => {
    let accepted = '';
    let rejected = '';
    let inIns = false;
    let inDel = false;
    for (const [tag, closing, name, text] of [...p.matchAll(/<(\/?)w:(ins|del|t|delText)\b[^>]*?(?:\/>|>([^<]*)<\/w:(?:t|delText)>|>)/g)]) {
      if (tag.endsWith('/>')) continue;
      if (name === 'ins') inIns = closing !== '/';
      else if (name === 'del') inDel = closing !== '/';
      else if (name === 't') {
        const t = decodeXml(text ?? '');
        if (!inDel) accepted += t;
        if (!inIns) rejected += t;
      } else if (name === 'delText') rejected += decodeXml(text ?? '');
    }
    return { accepted, rejected };
  });
}

function model(findings: MergedFinding[]): ReviewModel {
  return { reviewId: 'r-accept', findings, comments: [], answers: [], conclusion: {} };
}

/** Checks every unit's paragraph: touched ones read as expected after Accept all, all read as the draft after Reject all. */
function expectAcceptAndReject(tree: ClauseTree, seeded: Seeded, paragraphs: Array<{ accepted: string; rejected: string }>, where: string): void {
  const clauses = [...walkClauses(tree.clauses)].map(([c]) => c);
  // The title line and, when the draft has one, its title come first.
  const offset = paragraphs.length - clauses.length;
  expect(offset, `${where}: paragraphs before the draft`).toBeGreaterThanOrEqual(1);
  const wrong: string[] = [];
  clauses.forEach((clause, i) => {
    const p = paragraphs[offset + i]!;
    const original = unitText(clause);
    const accepted = seeded.expected.get(clause.id) ?? original;
    if (p.accepted !== accepted) wrong.push(`${clause.id} accept:\n  got  ${p.accepted}\n  want ${accepted}`);
    if (p.rejected !== original) wrong.push(`${clause.id} reject:\n  got  ${p.rejected}\n  want ${original}`);
  });
  expect(wrong.slice(0, 6), `${where}: ${wrong.length} mismatches`).toEqual([]);
}

async function check(tree: ClauseTree, count: number, seed: number, name: string): Promise<void> {
  const seeded = seedFindings(tree, count, seed);
  expect(seeded.findings.length, `${name}: findings seeded`).toBeGreaterThanOrEqual(count);
  const docx = new Uint8Array(await packWorkingCopy(model(seeded.findings), tree, { lang: 'ru' }));
  expectAcceptAndReject(tree, seeded, readBack(docx), name);
  expectAcceptAndReject(tree, seeded, readBack(await docxThroughLibreOffice(docx, name)), `${name} via LibreOffice`);
}

function imported(file: string): ClauseTree {
  return importDraft(Buffer.from(readCorpus(file), 'utf8'), { fileName: file, maxInflatedBytes: 100 * 1024 * 1024 }).tree;
}

describe('working copy: Accept all gives the law as proposed, Reject all the draft', () => {
  it('on our own draft, every kind of wording', async () => {
    await check(draftTree(), 2, 11, 'own-draft');
  });

  for (const [file, count, seed] of [
    ['kg_family_code_2003_ru.txt', 120, 2003],
    ['kg_criminal_code_2021_ru.txt', 120, 2021],
  ] as const) {
    it(`on ${file}, ${count} findings`, async () => {
      if (!corpusAvailable(file)) {
        console.warn(`SKIPPED: ${file} is not in ../shared/corpus`);
        return;
      }
      await check(imported(file), count, seed, file);
    }, 180_000);
  }
});
