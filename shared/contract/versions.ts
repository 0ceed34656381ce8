import { z } from 'zod';
import { ACT_KINDS, CLAUSE_KINDS } from '../clause';
import { ALIGNMENT_KINDS } from '../versions/align';
import { ImportOutlineNode, ImportReportSchema } from './import';
import { route } from './route';

/**
 * Versions of a review's draft (issue 16): readings imported one after another into the same review,
 * their comparison, and where each annotation sits in each version (server/versions/, docs/versions.md).
 * Version 1 is the review's first import (as the secretary corrected it in the TEXT doc); later ones
 * are immutable imports. Versions are numbered by `seq` within their review.
 */

export const VersionSeq = z.coerce.number().int().min(1).max(1000);

export const ReviewVersion = z.object({
  seq: z.number(),
  /** As the secretary typed it: «2-е чтение», «Редакция комитета»; empty for the first import (the UI names it). */
  label: z.string(),
  /** YYYY-MM-DD, the reading's date, when given. */
  readingDate: z.string().nullable(),
  note: z.string().nullable(),
  sourceName: z.string(),
  /** The act's title as the import read it. */
  title: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.number(),
});
export type ReviewVersion = z.infer<typeof ReviewVersion>;

/** Why a new text may not be the same act: the secretary confirms (acknowledge=1) to add it anyway. */
export const SameActCheck = z.object({
  oldTitle: z.string().nullable(),
  newTitle: z.string().nullable(),
  /** The share of the previous version's units that found a counterpart in the new one, 0..1. */
  alignedShare: z.number(),
  warnings: z.array(z.enum(['different_title', 'few_aligned', 'different_kind'])),
});
export type SameActCheck = z.infer<typeof SameActCheck>;

export const CarryCounts = z.object({ placed: z.number(), changed: z.number(), orphaned: z.number() });

export const listVersions = route({
  method: 'GET',
  path: '/api/reviews/:id/versions',
  summary: 'The versions of the review, oldest first',
  response: z.object({ versions: z.array(ReviewVersion) }),
});

export const previewVersion = route({
  method: 'POST',
  path: '/api/reviews/:id/versions/preview',
  upload: 'multipart',
  summary: 'Reads a new version (file; pasted text comes as a text file) without storing it: report, outline and the same-act check',
  response: z.object({ sourceName: z.string(), report: ImportReportSchema, outline: z.array(ImportOutlineNode), check: SameActCheck }),
});

export const addVersion = route({
  method: 'POST',
  path: '/api/reviews/:id/versions',
  upload: 'multipart',
  summary: 'The secretary adds a new version (file, label, date?, note?, acknowledge?): stored, aligned, annotations carried',
  response: z.object({ version: ReviewVersion, report: ImportReportSchema, check: SameActCheck, carried: CarryCounts }),
  successStatus: [201],
});

/** One unit of a version, flat in document order (depth from the top). */
export const VersionUnit = z.object({
  id: z.string(),
  kind: z.enum(CLAUSE_KINDS),
  number: z.string().nullable(),
  label: z.string(),
  text: z.string(),
  depth: z.number(),
});
export type VersionUnit = z.infer<typeof VersionUnit>;

export const getVersion = route({
  method: 'GET',
  path: '/api/reviews/:id/versions/:seq',
  summary: 'One version: its record, metadata and units',
  response: z.object({
    version: ReviewVersion,
    meta: z.object({ title: z.string().nullable(), actKind: z.enum(ACT_KINDS), language: z.string() }),
    units: z.array(VersionUnit),
  }),
});

export const DiffOpSchema = z.object({ op: z.enum(['same', 'del', 'ins']), text: z.string() });

export const ComparisonEntry = z.object({
  oldId: z.string().nullable(),
  newId: z.string().nullable(),
  kind: z.enum(ALIGNMENT_KINDS),
  similarity: z.number(),
  moved: z.boolean(),
  renumbered: z.boolean(),
  oldLabel: z.string().nullable(),
  newLabel: z.string().nullable(),
  oldText: z.string().nullable(),
  newText: z.string().nullable(),
  /** Word-level redline, for reworded units only. */
  diff: z.array(DiffOpSchema).optional(),
  depth: z.number(),
});
export type ComparisonEntry = z.infer<typeof ComparisonEntry>;

export const compareVersions = route({
  method: 'GET',
  path: '/api/reviews/:id/versions/compare',
  query: z.object({ from: VersionSeq, to: VersionSeq }),
  summary: 'Clause-by-clause comparison of any two versions, in the newer one’s order, with word diffs',
  response: z.object({
    from: z.number(),
    to: z.number(),
    entries: z.array(ComparisonEntry),
    counts: z.partialRecord(z.enum(ALIGNMENT_KINDS), z.number()),
  }),
});

export const PlacementRecord = z.object({
  annotationId: z.string(),
  origin: z.enum(['engine', 'expert']),
  /** The annotation's author (null for the engine's candidates). */
  authorId: z.string().nullable(),
  annotationKind: z.enum(['finding', 'comment']),
  state: z.enum(['placed', 'changed', 'orphaned']),
  /** Re-attached by hand (secretary or author): never recomputed. */
  manual: z.boolean(),
  clauseId: z.string().nullable(),
  start: z.number(),
  end: z.number(),
  /** The words it covers in this version (for an orphan: the words it had where it was last placed). */
  quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  score: z.number(),
});
export type PlacementRecord = z.infer<typeof PlacementRecord>;

export const listPlacements = route({
  method: 'GET',
  path: '/api/reviews/:id/versions/:seq/placements',
  summary: 'Where every annotation and finding sits in a version (placed, text changed, orphaned)',
  response: z.object({ seq: z.number(), placements: z.array(PlacementRecord) }),
});

export const reattach = route({
  method: 'POST',
  path: '/api/reviews/:id/versions/:seq/placements/:annotationId',
  body: z.object({ clauseId: z.string().min(1).max(200), start: z.number().int().min(0), end: z.number().int().min(0) }),
  summary: 'Re-attaches an annotation by hand in a version (the secretary, or the annotation’s author)',
  response: z.object({ placement: PlacementRecord }),
});
