import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { walkClauses, type Clause, type ClauseTree } from '../shared/clause';
import { addAnnotation, setConclusionField, setFinalDecision } from '../shared/collab/author-doc';
import { buildComparativeTableDocument, buildConclusion } from '../shared/conclusion/build';
import type { ReviewId, UserId } from '../shared/ids';
import { authorDocName } from '../shared/protocol';
import type { ConclusionFields, ReviewModel } from '../shared/review-model';
import { loadReviewModel } from '../server/collab/model';
import { packConclusion } from '../server/export/conclusion-docx';
import { packWorkingCopy } from '../server/export/working-copy-docx';
import { importDraft } from '../server/import/import-draft';
import { createReview } from '../server/reviews/store';
import { corpusAvailable, readCorpus } from '../test/helpers/corpus';
import { api, login, makeUser, startTestServer } from '../test/helpers/app';
import { figure, measure, peakRssMb } from './lib';
import { startProductionServer } from '../test/helpers/production-server';

/**
 * Export of a review with 500 confirmed findings over the Criminal Code (~400k characters, the largest
 * act we expect), end to end: the code is imported by the real import, an expert's 500 findings and the
 * secretary's 500 final decisions and conclusion fields live in their Yjs author docs in a SQLite file,
 * and the export is the real HTTP route (merge of the docs, tree from the TEXT doc, build, DOCX).
 * Targets: the conclusion under 1 s, peak RSS under 200 MB.
 *
 * Peak memory is the server's own: a first child process builds the review and writes the database
 * (the import and the checklist engine's first scan are not part of an export); this process then opens
 * that database like a restarted server and exports once before anything else, so its peak RSS is
 * Node + the app + one cold export. The timing runs come after.
 */
const SELF = fileURLToPath(import.meta.url);
const CORPUS_FILE = 'kg_criminal_code_2021_ru.txt';
const FINDINGS = 500;

interface Setup {
  reviewId: ReviewId;
  email: string;
  password: string;
  clauses: number;
  importMs: number;
}

function fields(): ConclusionFields {
  return {
    addressee: { committee: 'Комитет по конституционному законодательству', chair: 'Председателю комитета' },
    outgoingNumber: '1/ГЭ',
    outgoingDate: '2026-11-20',
    basis: 'Письмо комитета № 04-12/345',
    draftTitle: 'Уголовный кодекс Кыргызской Республики',
    initiator: 'Кабинет Министров',
    registrationNumber: '6-12345/26',
    reading: 'первое чтение',
    experts: [{ name: 'Эксперт', affiliation: 'АЖЗИ' }],
    periodFrom: '2026-11-02',
    periodTo: '2026-11-19',
    summary: 'Кодекс определяет преступность и наказуемость деяний.',
    genderRelevance: 'Женщины и мужчины как потерпевшие и осуждённые.',
    criteriaAnalysis: {},
    verdict: 'does_not_comply',
    recommendations: 'Учесть замечания сравнительной таблицы.',
    signatories: [{ name: 'Координатор', position: 'Альянс' }],
    annexes: ['Сравнительная таблица'],
  };
}

/** The clauses with real text, 500 of them evenly spread over the code, each with two of its words. */
function targets(tree: ClauseTree): Array<{ clause: Clause; exact: string; prefix: string; suffix: string }> {
  const candidates: Clause[] = [];
  for (const [clause] of walkClauses(tree.clauses)) if (clause.text.length > 40) candidates.push(clause);
  const step = candidates.length / FINDINGS;
  return Array.from({ length: FINDINGS }, (_, i) => {
    const clause = candidates[Math.floor(i * step)]!;
    const exact = clause.text.split(/\s+/).slice(2, 4).join(' ');
    const start = clause.text.indexOf(exact);
    return {
      clause,
      exact,
      prefix: clause.text.slice(Math.max(0, start - 32), start),
      suffix: clause.text.slice(start + exact.length, start + exact.length + 32),
    };
  });
}

/** Child: the review as a secretary and an expert leave it, written to the database file. */
async function setup(databasePath: string): Promise<Setup> {
  // Without the corpus file's first line, which names its source.
  const bytes = Buffer.from(readCorpus(CORPUS_FILE), 'utf8');
  const started = performance.now();
  const imported = importDraft(bytes, { fileName: CORPUS_FILE, maxInflatedBytes: 100 * 1024 * 1024 });
  const importMs = performance.now() - started;
  let clauses = 0;
  for (const _ of walkClauses(imported.tree.clauses)) clauses++;

  const server = await startTestServer({ databasePath });
  const secretary = await makeUser(server, 'secretary');
  const expert = await makeUser(server, 'expert');
  const reviewId = createReview(server.tendik.ctx.db, {
    title: 'Уголовный кодекс',
    sourceName: CORPUS_FILE,
    createdBy: secretary.user.id as UserId,
    members: [expert.user.id as UserId],
    draft: { tree: imported.tree, pmDoc: imported.pmDoc, report: imported.report, sourceSha256: imported.sourceSha256 },
  }).id;
  const hub = server.tendik.ctx.collab;
  const spots = targets(imported.tree);
  const ids = await hub.withRoom(reviewId, authorDocName(expert.user.id), (room) =>
    room.doc.transact(() =>
      spots.map(
        ({ clause, exact, prefix, suffix }, i) =>
          addAnnotation(room.doc, expert.user.id, {
            kind: 'finding',
            anchor: { clauseId: clause.id, quote: { exact, prefix, suffix } },
            body: 'Норма может ставить в неравное положение женщин и мужчин.',
            criterionId: `C${(i % 17) + 1}`,
            severity: i % 5 ? 'concern' : 'violation',
            ...(i % 2 ? { proposedWording: `${exact} (лица независимо от пола)` } : {}),
          }).id,
      ),
    ),
  );
  await hub.withRoom(reviewId, authorDocName(secretary.user.id), (room) =>
    room.doc.transact(() => {
      ids.forEach((id, i) => {
        const spot = spots[i]!;
        setFinalDecision(room.doc, {
          targetId: id,
          decision: 'confirmed',
          ...(i % 2 ? {} : { wording: spot.clause.text.replace(spot.exact, 'лица с семейными обязанностями') }),
        });
      });
      const f = fields();
      for (const key of Object.keys(f) as Array<keyof ConclusionFields>) setConclusionField(room.doc, key, f[key]);
    }),
  );
  // The checklist engine scans the code when the ENGINE doc is first loaded: done here, stored, so the
  // measured server finds the review as it is after a day of work.
  const model = await loadReviewModel(server.tendik.ctx, reviewId);
  const confirmed = model.findings.filter((f) => f.final?.decision === 'confirmed').length;
  if (confirmed !== FINDINGS) throw new Error(`expected ${FINDINGS} confirmed findings, merged ${confirmed}`);
  // The same review as plain data, for the process that only builds and packs (see 'pack-only').
  fs.writeFileSync(path.join(path.dirname(databasePath), 'review.json'), JSON.stringify({ model, tree: imported.tree }));
  await server.close();
  return { reviewId, email: secretary.user.email, password: secretary.password, clauses, importMs };
}

/**
 * Wall-clock median (what the user waits) and the median CPU time this process spent (server and
 * client are both in it): the machine is shared, so under load the wall clock also counts waiting for
 * a core, and the CPU time shows what the export itself costs.
 */
async function measureWithCpu(name: string, fn: () => Promise<unknown>, runs: number): Promise<void> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  figure(name, `median ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (n=${runs}, wall min ${Math.min(...wall).toFixed(0)}, max ${Math.max(...wall).toFixed(0)})  peak RSS ${peakRssMb()} MB`);
}

if (!corpusAvailable(CORPUS_FILE)) {
  console.log(`SKIPPED: ../shared/corpus/${CORPUS_FILE} is absent; the export benchmark needs the Criminal Code.`);
} else if (process.argv[2] === 'setup') {
  console.log(JSON.stringify(await setup(process.argv[3]!)));
} else if (process.argv[2] === 'pack-only') {
  // A process holding only the export's code and the review as data: the export pipeline's own peak.
  const { model, tree } = JSON.parse(fs.readFileSync(process.argv[3]!, 'utf8')) as { model: ReviewModel; tree: ClauseTree };
  const before = Math.round(process.memoryUsage().rss / 1024 / 1024);
  await packConclusion(buildConclusion(model, tree, { lang: 'ru' }));
  console.log(JSON.stringify({ before, peak: peakRssMb() }));
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-bench-export-'));
  const databasePath = path.join(dir, 'bench.sqlite');
  try {
    const child = spawnSync(process.execPath, ['--import', 'tsx', SELF, 'setup', databasePath], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`bench setup failed: ${child.stderr}`);
    const setupResult = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Setup;
    figure('Criminal Code: clauses / confirmed findings', `${setupResult.clauses} / ${FINDINGS} (import ${setupResult.importMs.toFixed(0)} ms)`);
    const packOnly = spawnSync(process.execPath, ['--import', 'tsx', SELF, 'pack-only', path.join(dir, 'review.json')], { encoding: 'utf8' });
    if (packOnly.status !== 0) throw new Error(`bench pack-only failed: ${packOnly.stderr}`);
    const alone = JSON.parse(packOnly.stdout.trim().split('\n').at(-1)!) as { before: number; peak: number };
    figure('build + pack alone, fresh process: peak RSS', `${alone.peak} MB (${alone.before} MB before: Node, tsx, export code, the review as data)`);

    // A restarted server as `npm start` runs it, exporting once before anything else: its cold time and
    // the peak of its own process (the sign-in's 32 MiB scrypt hash is left out of the export's window).
    const production = await startProductionServer(databasePath);
    const coldAuth = await login(production, setupResult.email, setupResult.password);
    const idleMb = production.rssMb();
    production.resetPeak();
    const coldCpuStart = production.cpuMs();
    const coldStart = performance.now();
    const cold = await api(production, coldAuth, `/api/reviews/${setupResult.reviewId}/conclusion.docx?lang=ru`);
    if (cold.status !== 200) throw new Error(`cold export: HTTP ${cold.status} ${await cold.text()}`);
    let size = (await cold.arrayBuffer()).byteLength;
    const coldMs = performance.now() - coldStart;
    const coldCpuMs = production.cpuMs() - coldCpuStart;
    const peak = production.peakRssMb();
    await production.stop();
    figure('first export after a restart: time', `${coldMs.toFixed(0)} ms wall, ${coldCpuMs.toFixed(0)} ms server CPU (cold: JIT, docs read from SQLite, checklist read)`);
    figure('first export after a restart: peak RSS of the server (target < 200 MB)', `${peak} MB = ${idleMb} MB idle server (node dist/server/main.mjs, signed in) + ${peak - idleMb} MB for the export`);
    figure('conclusion DOCX size', `${Math.round(size / 1024)} KB`);

    // The timing runs: the app in this process, so the review can be held open through its hub below.
    const server = await startTestServer({ databasePath });
    const auth = await login(server, setupResult.email, setupResult.password);
    const path_ = (p: string) => `/api/reviews/${setupResult.reviewId}/${p}?lang=ru`;
    const download = async (p: string) => {
      const res = await api(server, auth, path_(p));
      if (res.status !== 200) throw new Error(`${p}: HTTP ${res.status} ${await res.text()}`);
      size = (await res.arrayBuffer()).byteLength;
    };

    // Nobody has the review open: every export reads its docs from SQLite.
    await measureWithCpu('GET conclusion.docx, docs read from SQLite (target < 1 s)', () => download('conclusion.docx'), 7);
    await measureWithCpu('GET conclusion/table.docx, docs read from SQLite', () => download('conclusion/table.docx'), 5);
    await measureWithCpu('GET working-copy.docx (500 comments + changes), from SQLite', () => download('working-copy.docx'), 3);
    figure('working copy DOCX size', `${Math.round(size / 1024)} KB`);
    // The secretary exports from the review page: her connection keeps the review's docs loaded.
    const hub = server.tendik.ctx.collab;
    const held = await Promise.all(
      ['text', 'engine', ...hub.log.docs(setupResult.reviewId).filter((n) => n.startsWith('author:'))].map(async (name) => {
        const room = await hub.acquire(setupResult.reviewId, name as Parameters<typeof hub.acquire>[1]);
        room.holds += 1;
        return room;
      }),
    );
    await measureWithCpu('GET conclusion.docx, review open (docs in memory; target < 1 s)', () => download('conclusion.docx'), 7);
    for (const room of held) room.holds -= 1;

    // Where the time goes: the merge of the docs, then build and pack on their own.
    const ctx = server.tendik.ctx;
    const model = await loadReviewModel(ctx, setupResult.reviewId);
    const { getImport } = await import('../server/reviews/store');
    const tree = getImport(ctx.db, setupResult.reviewId)!.tree;
    await measure('  part: loadReviewModel (Yjs docs → merged model)', () => loadReviewModel(ctx, setupResult.reviewId));
    await measure('  part: buildConclusion', () => buildConclusion(model, tree, { lang: 'ru' }));
    await measure('  part: build + Packer.toBuffer', () => packConclusion(buildConclusion(model, tree, { lang: 'ru' })));
    await measure('  part: table alone, build + pack', () => packConclusion(buildComparativeTableDocument(model, tree, { lang: 'ru' }), 'landscape'), 5);
    await measure('  part: working copy, build + pack', () => packWorkingCopy(model, tree, { lang: 'ru' }), 3);
    await server.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
