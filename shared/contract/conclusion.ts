import { z } from 'zod';
import { LangCode } from './fields';
import { fileRoute, route } from './route';

/**
 * The conclusion and the other exports (server/export/routes.ts). The preview and the committee's
 * reading view answer JSON; the DOCX files are files. An unknown `lang` is refused (EXPORT_BAD_LANG);
 * without one, the request's language is used.
 */

export const ExportQuery = z.object({
  lang: LangCode.optional(),
  /** A later reading (2, 3 …): the conclusion on it, with the fate of the earlier recommendations (issue 16). */
  reading: z.coerce.number().int().min(2).max(1000).optional(),
  /** With `reading`: add the comparative form «редакция 1-го чтения | редакция 2-го чтения | рекомендация | учтено?». */
  comparative: z.enum(['0', '1']).optional(),
});
export type ExportQuery = z.input<typeof ExportQuery>;

/** One criterion's analysis as the form pre-fills it: composed where the secretary wrote nothing. */
export const CriterionAnalysisItem = z.object({
  criterionId: z.string(),
  title: z.string(),
  text: z.string(),
  prefilled: z.boolean(),
});
export type CriterionAnalysisItem = z.infer<typeof CriterionAnalysisItem>;

export const ConclusionPreviewResponse = z.object({
  lang: LangCode,
  html: z.string(),
  /** The required fields still empty, with their labels in `lang`. */
  missing: z.array(z.object({ field: z.string(), label: z.string() })),
  analysis: z.array(CriterionAnalysisItem),
  /** Texts the secretary typed in another language than the export's (the form says which). */
  otherLanguage: z.array(z.object({ field: z.string(), label: z.string() })),
});
export type ConclusionPreviewResponse = z.infer<typeof ConclusionPreviewResponse>;

/** The finished conclusion to read: refused (like the DOCX) while a required field is empty. */
export const ConclusionViewResponse = z.object({ lang: LangCode, title: z.string(), html: z.string() });
export type ConclusionViewResponse = z.infer<typeof ConclusionViewResponse>;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const previewConclusion = route({
  method: 'GET',
  path: '/api/reviews/:id/conclusion/preview',
  summary: "the conclusion as it stands, what is missing, the criteria's pre-filled analysis",
  query: ExportQuery,
  response: ConclusionPreviewResponse,
});
export const viewConclusion = route({
  method: 'GET',
  path: '/api/reviews/:id/conclusion/view',
  summary: 'the finished conclusion as HTML, for the committee',
  query: ExportQuery,
  response: ConclusionViewResponse,
});
export const conclusionDocx = fileRoute({
  method: 'GET',
  path: '/api/reviews/:id/conclusion.docx',
  summary: 'the conclusion (all required fields filled)',
  query: ExportQuery,
  produces: DOCX,
});
export const comparativeTableDocx = fileRoute({
  method: 'GET',
  path: '/api/reviews/:id/conclusion/table.docx',
  summary: 'the comparative table alone',
  query: ExportQuery,
  produces: DOCX,
});
export const workingCopyDocx = fileRoute({
  method: 'GET',
  path: '/api/reviews/:id/working-copy.docx',
  summary: 'the draft with comments and tracked changes',
  query: ExportQuery,
  produces: DOCX,
});
