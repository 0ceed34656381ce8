import type { Browser, Page } from 'playwright-core';
import { createAnchor } from '../shared/collab/anchor';
import { addAnnotation } from '../shared/collab/author-doc';
import { clauseTexts, plainText } from '../shared/collab/text-doc';
import { authorDocName } from '../shared/protocol';
import { importDraft } from '../server/import/import-draft';
import type { E2eWorld } from '../test/e2e/fixtures';
import { api, login } from '../test/helpers/app';
import { signInAs } from '../test/helpers/browser';
import { openClient } from '../test/collab/harness';
import { readCorpus } from '../test/helpers/corpus';
import { amend, defaultOperations, sentencePool } from '../test/versions/amend';
import { openUntilInteractive, runBrowserBench } from './browser-bench';
import { figure } from './lib';

// The workbench on a later reading in Debian chromium (issue 16): the Criminal Code with an expert's 500
// findings, a second reading made by the seeded amendments of test/versions/amend.ts and added over
// HTTP (500 findings carried). Figures, median of 5 cold opens each (fresh browser context):
// - version 1 (#/reviews/<id>/version/1): navigation → the editor complete, synced, answering;
// - version 2, the latest (#/reviews/<id>): the same, then → every carried card placed by the server's
//   placements (none «переносится…» left), i.e. the extra request and merge of a later version.
const CORPUS_FILE = 'kg_criminal_code_2021_ru.txt';
const RUNS = 5;
const FINDINGS = 500;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const describe = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${median(xs).toFixed(0)} ms  (min ${s[0]!.toFixed(0)}, max ${s[s.length - 1]!.toFixed(0)}, n=${xs.length})`;
};

async function open(page: Page, url: string, articles: number, carried: number): Promise<{ interactive: number; placed: number }> {
  const started = Date.now();
  const interactive = await openUntilInteractive(page, url, articles);
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-carried]').length >= n && document.querySelectorAll('[data-carried=pending]').length === 0,
    carried,
    { polling: 100, timeout: 60_000 },
  );
  return { interactive, placed: Date.now() - started };
}

async function run(world: E2eWorld, browser: Browser): Promise<void> {
  const text = readCorpus(CORPUS_FILE);
  const reviewId = await world.createReview('Уголовный кодекс', text);
  const articles = (text.match(/^Статья \d+(?:-\d+)?\./gm) ?? []).length;

  // 500 findings by Aida on version 1, through the real collaboration protocol.
  const aidaAuth = await login(world.server, world.aida.email, world.aida.password);
  const mine = authorDocName(world.aida.id);
  const client = await openClient(world.server.url, aidaAuth, reviewId, ['text', mine]);
  let added = 0;
  client.docs.get(mine)!.transact(() => {
    for (const [clauseId, ytext] of clauseTexts(client.docs.get('text')!)) {
      if (added >= FINDINGS) break;
      if (plainText(ytext).length < 30) continue;
      const anchor = createAnchor(client.docs.get('text')!, clauseId, { start: 5, end: 25 });
      addAnnotation(client.docs.get(mine)!, world.aida.id, { kind: 'finding', anchor, criterionId: `C${(added % 11) + 1}`, severity: 'concern', body: `Замечание ${added}` });
      added += 1;
    }
  });
  await client.provider.whenSynced(30_000);
  client.close();

  // The second reading: the code amended by seeded operations, added by the secretary over HTTP.
  const tree = importDraft(Buffer.from(text, 'utf8'), { fileName: 'criminal.txt', maxInflatedBytes: 1e8 }).tree;
  const family = importDraft(Buffer.from(readCorpus('kg_family_code_2003_ru.txt'), 'utf8'), { fileName: 'family.txt', maxInflatedBytes: 1e8 }).tree;
  const second = amend(tree, 1, defaultOperations(tree), sentencePool(family));
  const secAuth = await login(world.server, world.secretary.email, world.secretary.password);
  const body = new FormData();
  body.set('label', '2-е чтение');
  body.set('acknowledge', '1');
  body.set('file', new Blob([second.lines.map((l) => l.text).join('\n')], { type: 'text/plain' }), 'second.txt');
  const res = await api(world.server, secAuth, `/api/reviews/${reviewId}/versions`, { method: 'POST', body });
  if (res.status !== 201) throw new Error(`adding the second reading: ${res.status} ${await res.text()}`);
  const answer = (await res.json()) as { carried: { placed: number; changed: number; orphaned: number } };
  figure('reading workbench: Criminal Code', `${articles} article headings, ${added} expert findings; carried to reading 2 ${JSON.stringify(answer.carried)}`);

  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await signInAs(ctx, world.server.url, world.aida.email, world.aida.password);
  const state = await ctx.storageState();
  const enough = Math.floor(articles * 0.9);
  const v1 = `${world.server.url}/#/reviews/${reviewId}/version/1`;
  const latest = `${world.server.url}/#/reviews/${reviewId}`;
  // Warm-up: the engine's first scans (version 1 and 2) and the first placements, once.
  await open(await ctx.newPage(), latest, enough, added);
  await open(await ctx.newPage(), v1, enough, 0);
  await ctx.close();

  const coldOpen = async (url: string, carried: number) => {
    const fresh = await browser.newContext({ viewport: { width: 1400, height: 900 }, storageState: state });
    try {
      return await open(await fresh.newPage(), url, enough, carried);
    } finally {
      await fresh.close();
    }
  };
  const first: number[] = [];
  const secondInteractive: number[] = [];
  const secondPlaced: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    first.push((await coldOpen(v1, 0)).interactive);
    const later = await coldOpen(latest, added);
    secondInteractive.push(later.interactive);
    secondPlaced.push(later.placed);
  }
  figure('reading workbench: version 1, nav → interactive (cold)', describe(first));
  figure('reading workbench: reading 2, nav → interactive (cold)', describe(secondInteractive));
  figure(`reading workbench: reading 2, nav → ${added} carried cards placed`, describe(secondPlaced));
}

await runBrowserBench('reading workbench', CORPUS_FILE, run);
