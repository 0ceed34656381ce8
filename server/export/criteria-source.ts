import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { checklistSchema } from '../../shared/checklist/format';
import { criteriaFromChecklist } from '../../shared/conclusion/checklist-criteria';
import type { ConclusionCriterion } from '../../shared/conclusion/criteria';
import { CHECKLISTS_DIR, DEFAULT_CHECKLIST_ID } from '../checklist/service';
import type { AppContext } from '../context';
import { getReview } from '../reviews/store';

/** The checklist loader refuses larger files; so does this reader. */
const MAX_FILE_BYTES = 1024 * 1024;

interface Entry {
  mtimeMs: number;
  size: number;
  parsed: { id: string; criteria: ConclusionCriterion[] } | null;
}
const cache = new Map<string, Entry>();

/**
 * One checklist file's id and criteria, as data only. The conclusion needs the criteria's titles and
 * legal basis, not the compiled detectors: the engine's loader also loads the Russian morphology
 * dictionary (~40 MB, ~0.3 s) and runs every detector's examples, which an export must not wait for.
 * Cached until the file changes. Null for a file that is not a valid checklist (its problems are the
 * checklist loader's to report).
 */
function readCriteria(file: string): Entry['parsed'] {
  const stat = fs.statSync(file);
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.parsed;
  let parsed: Entry['parsed'] = null;
  if (stat.size <= MAX_FILE_BYTES) {
    try {
      const data = checklistSchema.safeParse(parse(fs.readFileSync(file, 'utf8'), { maxAliasCount: 50, uniqueKeys: true }));
      if (data.success) parsed = { id: data.data.id, criteria: criteriaFromChecklist(data.data) };
    } catch {
      parsed = null;
    }
  }
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, parsed });
  return parsed;
}

/**
 * The criteria of the checklist the review was checked against (its own, else the default one), with
 * legal-basis titles. When neither can be read (a file being edited is invalid), the export still goes
 * out with the C1–C17 fallback titles and no legal-basis line — a broken checklist must not block a
 * conclusion — and says so in the log.
 */
export async function criteriaForReview(ctx: AppContext, reviewId: string): Promise<ConclusionCriterion[] | undefined> {
  return criteriaOfChecklist(getReview(ctx.db, reviewId)?.checklistId ?? DEFAULT_CHECKLIST_ID);
}

export function criteriaOfChecklist(checklistId: string, dir = CHECKLISTS_DIR): ConclusionCriterion[] | undefined {
  try {
    const byId = new Map<string, ConclusionCriterion[]>();
    for (const name of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      const parsed = readCriteria(path.join(dir, name));
      if (parsed && !byId.has(parsed.id)) byId.set(parsed.id, parsed.criteria);
    }
    const criteria = byId.get(checklistId) ?? byId.get(DEFAULT_CHECKLIST_ID);
    if (!criteria) console.warn(`[export] checklist ${checklistId} unreadable, using the built-in C1–C17 titles`);
    return criteria;
  } catch (err) {
    console.warn(`[export] checklists unavailable, using the built-in C1–C17 titles:`, err);
    return undefined;
  }
}
