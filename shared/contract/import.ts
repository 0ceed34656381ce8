import { z } from 'zod';
import { ACT_KINDS, CLAUSE_KINDS } from '../clause';
import type { ImportReport } from '../import-report';
import { I18nTextSchema, LangCode } from './fields';
import { ReviewRecord } from './reviews';
import { route } from './route';

/**
 * Importing a draft (server/import/routes.ts). The request is a multipart upload (file, title?,
 * deadline?, committee?); the answer is JSON: the review created, or — for the preview — the outline,
 * and in both the import report.
 */

const ImportWarning = z.object({
  code: z.enum(['numbering_gap', 'numbering_duplicate', 'unrecognised_line', 'encoding_guessed', 'content_removed', 'feature_ignored']),
  message: I18nTextSchema,
  location: z.object({ line: z.number().optional(), clauseId: z.string().optional(), label: z.string().optional() }),
});

/** What the import changed in how it read the source (restored numbers, joined lines and titles), located like a warning. */
const ImportRepair = z.object({
  code: z.enum(['number_restored', 'lines_joined', 'heading_joined']),
  message: I18nTextSchema,
  location: z.object({ line: z.number().optional(), clauseId: z.string().optional(), label: z.string().optional() }),
});

/** What the secretary sees after an import (shared/import-report.ts, checked against it below). */
export const ImportReportSchema = z.object({
  format: z.enum(['docx', 'html', 'text']),
  encoding: z.string().optional(),
  language: LangCode,
  actKind: z.enum(ACT_KINDS),
  isDraft: z.boolean(),
  title: z.string().nullable(),
  counts: z.partialRecord(z.enum(CLAUSE_KINDS), z.number()),
  warnings: z.array(ImportWarning),
  repairs: z.array(ImportRepair).optional(),
  paragraphs: z.number(),
  characters: z.number(),
  durationMs: z.number(),
});

type Expect<T extends true> = T;
export type ImportReportSchemaMatches = [
  Expect<ImportReport extends z.input<typeof ImportReportSchema> ? true : false>,
  Expect<z.output<typeof ImportReportSchema> extends ImportReport ? true : false>,
];

/** The structure down to articles; parts, items and text lines are counted in the report, not listed. */
export interface ImportOutlineNode {
  id: string;
  kind: (typeof CLAUSE_KINDS)[number];
  number: string | null;
  label: string;
  title: string | null;
  line: number | null;
  /** For unnumbered units (header lines, preamble, signature): the start of their text. */
  excerpt: string | null;
  children: ImportOutlineNode[];
}
export const ImportOutlineNode: z.ZodType<ImportOutlineNode, ImportOutlineNode> = z.object({
  id: z.string(),
  kind: z.enum(CLAUSE_KINDS),
  number: z.string().nullable(),
  label: z.string(),
  title: z.string().nullable(),
  line: z.number().nullable(),
  excerpt: z.string().nullable(),
  get children() {
    return z.array(ImportOutlineNode);
  },
});

export const ReviewCreatedResponse = z.object({ review: ReviewRecord, report: ImportReportSchema });
export type ReviewCreatedResponse = z.infer<typeof ReviewCreatedResponse>;
export const ImportPreviewResponse = z.object({
  sourceName: z.string(),
  outline: z.array(ImportOutlineNode),
  report: ImportReportSchema,
});
export type ImportPreviewResponse = z.infer<typeof ImportPreviewResponse>;

export const createReview = route({
  method: 'POST',
  path: '/api/reviews',
  summary: 'upload a draft: the review and its import are stored together',
  upload: 'multipart',
  response: ReviewCreatedResponse,
  successStatus: [201],
});
export const previewImport = route({
  method: 'POST',
  path: '/api/import/preview',
  summary: 'parse an upload without storing it',
  upload: 'multipart',
  response: ImportPreviewResponse,
});
