import { z } from 'zod';
import { SEVERITIES } from '../checklist/format';
import { I18nTextSchema } from './fields';
import { fileRoute, route } from './route';

/**
 * The checklist as the browser gets it (GET /api/checklists/current, server/ui-api/checklist-routes.ts):
 * criteria with their guidance and the questions the experts answer — never the detectors, which are
 * the engine's business. shared/checklist/summary.ts builds it from a compiled checklist.
 */

export const ChecklistQuestion = z.object({ id: z.string(), text: I18nTextSchema });
export type ChecklistQuestion = z.infer<typeof ChecklistQuestion>;

export const ChecklistCriterion = z.object({
  id: z.string(),
  title: I18nTextSchema,
  guidance: I18nTextSchema,
  severity: z.enum(SEVERITIES),
  questions: z.array(ChecklistQuestion),
});
export type ChecklistCriterion = z.infer<typeof ChecklistCriterion>;

export const ChecklistPayload = z.object({
  id: z.string(),
  version: z.string(),
  /** "kg-gender-expertise@2026.2": the checklist and version, as findings record it. */
  ref: z.string(),
  criteria: z.array(ChecklistCriterion),
});
export type ChecklistPayload = z.infer<typeof ChecklistPayload>;

/** What a rerun of the engine did: how many candidates it found, updated and withdrew. */
export const ChecklistRerunResponse = z.object({
  checklist: z.object({ id: z.string(), version: z.string() }),
  findings: z.number(),
  changed: z.number(),
  removed: z.number(),
});
export type ChecklistRerunResponse = z.infer<typeof ChecklistRerunResponse>;

export const currentChecklist = route({
  method: 'GET',
  path: '/api/checklists/current',
  summary: 'the checklist new reviews use: criteria and questions',
  response: ChecklistPayload,
});
export const rerunChecklist = route({
  method: 'POST',
  path: '/api/reviews/:id/analysis',
  /** `version`: a later version of the draft (issue 16), whose ENGINE doc is run again; absent: version 1. */
  body: z.object({ version: z.number().int().min(1).max(9999).optional() }).optional(),
  summary: 'run the checklist engine again over the current draft, or over a later version of it',
  response: ChecklistRerunResponse,
});

/** The secretary's figures per detector and per criterion over all reviews (issue 15). */
export const ChecklistStatsQuery = z.object({ lang: z.string().max(8).optional() });
export const ChecklistStatsRow = z.object({
  /** Detector id (the rule) or criterion id. */
  key: z.string(),
  /** The criterion's title in the language asked for (for a rule: its criterion's). */
  label: z.string(),
  criterionId: z.string(),
  made: z.number(),
  confirmed: z.number(),
  dismissed: z.number(),
  /** Made, untouched, and grouped under a dismissed candidate of the same rule on the same words in its review. */
  grouped: z.number(),
  /** Made, with neither a final decision nor a verdict yet, and not grouped. */
  open: z.number(),
  /** Dismissal reasons as the experts wrote them, the most frequent first ('' = no reason given). */
  reasons: z.array(z.object({ reason: z.string(), count: z.number() })),
});
export type ChecklistStatsRow = z.infer<typeof ChecklistStatsRow>;
export const ChecklistStats = z.object({
  reviews: z.number(),
  byDetector: z.array(ChecklistStatsRow),
  byCriterion: z.array(ChecklistStatsRow),
});
export type ChecklistStats = z.infer<typeof ChecklistStats>;

export const checklistStats = route({
  method: 'GET',
  path: '/api/checklists/stats',
  summary: 'engine candidates per detector and per criterion over all reviews: made, confirmed, dismissed, with the reasons',
  query: ChecklistStatsQuery,
  response: ChecklistStats,
});

export const checklistStatsCsv = fileRoute({
  method: 'GET',
  path: '/api/checklists/stats.csv',
  summary: 'the same figures as CSV',
  query: ChecklistStatsQuery,
  produces: 'text/csv',
});
