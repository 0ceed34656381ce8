import fs from 'node:fs';
import path from 'node:path';
import type { ClauseTree } from '../../shared/clause';
import { analyse } from '../../shared/checklist/engine';
import { summarizeChecklist, type ChecklistSummary } from '../../shared/checklist/summary';
import type { Morphologies } from '../../shared/checklist/morphology';
import type { CandidateFinding } from '../../shared/review-model';
import { PROJECT_ROOT } from '../config';
import { loadRussianMorphology } from './az-morphology';
import { ChecklistErrors } from './errors';
import { KyrgyzMorphology } from './kyrgyz-morphology';
import { loadChecklistFile, type LoadedChecklist } from './load-checklist-file';

export const CHECKLISTS_DIR = path.join(PROJECT_ROOT, 'checklists');
export const DEFAULT_CHECKLIST_ID = 'kg-gender-expertise';

let morphologies: Promise<Morphologies> | null = null;
let cache: { dir: string; checklists: Promise<ReadonlyMap<string, LoadedChecklist>> } | null = null;

/** Russian (az) and Kyrgyz (suffix tables) morphology, loaded once per process. */
export function loadMorphologies(): Promise<Morphologies> {
  morphologies ??= loadRussianMorphology().then((ru) => ({ ru, ky: new KyrgyzMorphology() }));
  return morphologies;
}

/**
 * Every checklist in checklists/*.yml, validated, compiled and self-tested; keyed by checklist id.
 * Cached: pass `reload` after a secretary edited a file. An invalid file rejects with CHECKLIST_INVALID
 * naming file, line and column, and the previous good set stays in use only if the caller keeps it.
 */
export function loadChecklists(options: { dir?: string; reload?: boolean } = {}): Promise<ReadonlyMap<string, LoadedChecklist>> {
  const dir = options.dir ?? CHECKLISTS_DIR;
  if (cache && cache.dir === dir && !options.reload) return cache.checklists;
  const checklists = (async () => {
    const morph = await loadMorphologies();
    const files = fs
      .readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
    const byId = new Map<string, LoadedChecklist>();
    for (const file of files) {
      const loaded = loadChecklistFile(path.join(dir, file), morph);
      const previous = byId.get(loaded.checklist.id);
      if (previous)
        throw ChecklistErrors.CHECKLIST_DUPLICATE_CHECKLIST({ id: loaded.checklist.id, first: previous.file, second: file });
      byId.set(loaded.checklist.id, loaded);
    }
    return byId;
  })();
  cache = { dir, checklists };
  // A failed load is not cached: the next call reads the (hopefully fixed) files again.
  checklists.catch(() => {
    if (cache?.checklists === checklists) cache = null;
  });
  return checklists;
}

export interface DraftAnalysis {
  /** Recorded on the review, so old findings stay interpretable after the checklist changes. */
  checklist: { id: string; version: string };
  findings: CandidateFinding[];
}

/**
 * Runs a checklist over an imported draft: called after import and on demand. Findings enter the
 * review as candidates; ids are stable, so the caller updates the ENGINE doc in place, and the ids of
 * findings an expert dismissed can be passed to keep them out.
 */
export async function analyseDraft(
  tree: ClauseTree,
  options: { checklistId?: string; dismissed?: ReadonlySet<string>; dir?: string } = {},
): Promise<DraftAnalysis> {
  const checklists = await loadChecklists(options.dir ? { dir: options.dir } : {});
  const id = options.checklistId ?? DEFAULT_CHECKLIST_ID;
  const loaded = checklists.get(id);
  if (!loaded) throw ChecklistErrors.CHECKLIST_NOT_FOUND({ id });
  const { checklist } = loaded;
  return {
    checklist: { id: checklist.id, version: checklist.version },
    findings: analyse(tree, checklist, options.dismissed ? { dismissed: options.dismissed } : {}),
  };
}

/** The checklist a run would use (the review's, else the default) and its version, without running it. */
export async function checklistRef(options: { checklistId?: string; dir?: string } = {}): Promise<DraftAnalysis['checklist']> {
  const checklists = await loadChecklists(options.dir ? { dir: options.dir } : {});
  const id = options.checklistId ?? DEFAULT_CHECKLIST_ID;
  const loaded = checklists.get(id);
  if (!loaded) throw ChecklistErrors.CHECKLIST_NOT_FOUND({ id });
  return { id: loaded.checklist.id, version: loaded.checklist.version };
}

/** Every loaded checklist as plain data for the browser (criteria, questions, legal basis), by id. */
export async function describeChecklists(options: { dir?: string } = {}): Promise<ChecklistSummary[]> {
  const checklists = await loadChecklists(options.dir ? { dir: options.dir } : {});
  return [...checklists.values()].map(({ checklist }) => summarizeChecklist(checklist));
}
