import { z } from 'zod';
import { ACT_KINDS, CLAUSE_KINDS } from '../clause';

/**
 * The checklist file format (checklists/*.yml), defined once: the TypeScript types are inferred from
 * these schemas and checklists/schema/checklist.schema.json is generated from them for editors.
 *
 * Detectors are data, never code and never regular expressions: a matcher names words (by lemma, by
 * exact form, by prefix) and combines them with all / any / none. Evaluation is linear in the clause's
 * length, so no checklist can make the engine hang.
 */

export const CHECKLIST_SCHEMA_VERSION = 1;

/**
 * What a segment of a clause does, found by the checklist's `structure` words: a scope or reference
 * clause that grants nothing («особенности … устанавливаются настоящим Кодексом»), an exception
 * («за исключением …»), a prohibition or negation («запрещается», «не допускается»), a definition.
 */
export const SEGMENT_ROLES = ['scope', 'exception', 'prohibition', 'definition'] as const;
export type SegmentRole = (typeof SEGMENT_ROLES)[number];
export const CONFIDENCES = ['high', 'medium', 'low'] as const;

/** Bounds that keep a checklist small enough to compile and run in milliseconds. */
export const LIMITS = {
  maxCriteria: 200,
  maxDetectorsPerCriterion: 50,
  maxMatcherDepth: 6,
  maxTermLength: 120,
  maxNearWindow: 20,
  maxWordsPerTerm: 8,
  minPrefixLength: 3,
  maxExampleLength: 2000,
  maxTextLength: 4000,
} as const;

const nonEmpty = (max: number) => z.string().trim().min(1).max(max);

/** A text in every language. Each language is required: a missing translation is an error. */
export const i18nTextSchema = z.strictObject({
  ru: nonEmpty(LIMITS.maxTextLength),
  ky: nonEmpty(LIMITS.maxTextLength),
  en: nonEmpty(LIMITS.maxTextLength),
});

const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, ".", "_" or "-", at most 64 characters');

export const SEVERITIES = ['note', 'concern', 'violation'] as const;
export const POLARITIES = ['risk', 'positive'] as const;
/** Languages a detector can read. English drafts are rare and have no detectors yet. */
export const DETECTOR_LANGS = ['ru', 'ky'] as const;
/**
 * What an act-level finding of absence reports, so findings of one kind can be counted and compared
 * (the whole-act evaluation, the detector statistics): no ban on sexual harassment, no definition of
 * direct and indirect discrimination, grounds missing, no sex-disaggregated data, quotas without
 * enforcement, bodies without a sex-balance rule.
 */
export const ABSENCE_KINDS = ['harassment', 'discrimination-definition', 'grounds', 'sex-data', 'quota-enforcement', 'sex-balance'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];
export type DetectorLang = (typeof DETECTOR_LANGS)[number];

const termText = z.string().trim().min(1).max(LIMITS.maxTermLength);
const termList = z.union([termText, z.array(termText).min(1).max(100)]);

/**
 * A word test. A bare string is a lemma. Several words in one term ("особая забота государства",
 * "ала качуу") must appear consecutively, each compared the same way.
 */
export type Matcher =
  | string
  | { lemma: string | string[] }
  | { form: string | string[] }
  | { prefix: string | string[] }
  | { all: Matcher[] }
  | { any: Matcher[] }
  | { none: Matcher[] }
  /** Every item (a word or a list of words) within a window of `within` consecutive words. */
  | { near: Matcher[]; within: number };

export const matcherSchema: z.ZodType<Matcher> = z.lazy(() =>
  z.union([
    termText,
    z.strictObject({ lemma: termList }),
    z.strictObject({ form: termList }),
    z.strictObject({ prefix: termList }),
    z.strictObject({ all: z.array(matcherSchema).min(1).max(50) }),
    z.strictObject({ any: z.array(matcherSchema).min(1).max(50) }),
    z.strictObject({ none: z.array(matcherSchema).min(1).max(50) }),
    z.strictObject({
      near: z.array(matcherSchema).min(2).max(8),
      within: z.number().int().min(2).max(LIMITS.maxNearWindow),
    }),
  ]),
);

const matcherList = z.array(matcherSchema).min(1).max(50);

export const legalBasisRefSchema = z.strictObject({
  source: idSchema,
  article: z.string().trim().min(1).max(200).optional(),
});

export const scopeSchema = z.strictObject({
  clauseKinds: z.array(z.enum(CLAUSE_KINDS)).min(1).optional(),
  actKinds: z.array(z.enum(ACT_KINDS)).min(1).optional(),
});

export const examplesSchema = z.strictObject({
  flag: z.array(z.string().min(1).max(LIMITS.maxExampleLength)).min(1),
  pass: z.array(z.string().min(1).max(LIMITS.maxExampleLength)).min(1),
});

export const detectorSchema = z.strictObject({
  id: idSchema,
  lang: z.enum(DETECTOR_LANGS),
  /**
   * clause: one finding per clause that matches. act: one finding per act, when `absent` matches
   * nowhere in the act and (if given) `trigger` matches somewhere; it attaches to the first clause
   * where `trigger` matches, or to the act's first article when there is no trigger.
   */
  level: z.enum(['clause', 'act']).default('clause'),
  polarity: z.enum(POLARITIES).default('risk'),
  severity: z.enum(SEVERITIES).optional(),
  scope: scopeSchema.optional(),
  all: matcherList.optional(),
  any: matcherList.optional(),
  none: matcherList.optional(),
  trigger: matcherSchema.optional(),
  absent: matcherSchema.optional(),
  /** Act level: the kind of absence the finding reports. */
  absence: z.enum(ABSENCE_KINDS).optional(),
  /**
   * Where `none` is looked for: the segment of the clause that holds the hit (between «;», «:» and
   * sentence ends; the default, so an exception elsewhere in a long clause no longer silences it) or
   * the whole clause.
   */
  noneWithin: z.enum(['segment', 'clause']).default('segment'),
  /** Roles of the clause's segment in which a hit proposes nothing (see the checklist's `structure`). */
  skipIn: z.array(z.enum(SEGMENT_ROLES)).optional(),
  /** How sure the detector is when it fires in plain text; one step lower inside a skipped-looking role. */
  confidence: z.enum(CONFIDENCES).default('medium'),
  /**
   * A neutral term (кормилец, глава семьи): a clause finding only where the hit's segment also matches
   * `decides` (the term decides a right or a duty); every other occurrence goes into one act-level
   * note that lists them.
   */
  decides: matcherSchema.optional(),
  /** Act level: how many clauses must match `trigger` (an act that regulates employment, not one mention). */
  triggerMin: z.number().int().min(1).max(100).default(1),
  /** Act level: `absent` must be found anywhere in the act (act) or in each clause matching `trigger` (trigger). */
  absentWhere: z.enum(['act', 'trigger']).default('act'),
  /** Suppress the finding when a matched word's pair partner (checklist `pairs`) is in the same clause. */
  pairedFormsConsiderate: z.boolean().default(true),
  /** The explanation shown to the expert, phrased as a question. */
  question: i18nTextSchema,
  suggestion: i18nTextSchema.optional(),
  legalBasis: z.array(legalBasisRefSchema).optional(),
  examples: examplesSchema,
});

export const questionSchema = z.strictObject({
  id: idSchema,
  text: i18nTextSchema,
});

export const criterionSchema = z.strictObject({
  id: idSchema,
  group: idSchema.optional(),
  title: i18nTextSchema,
  guidance: i18nTextSchema,
  severity: z.enum(SEVERITIES),
  questions: z.array(questionSchema).min(1).max(30),
  legalBasis: z.array(legalBasisRefSchema).min(1),
  /** Criteria referenced by this one ("see also"); every id must exist in the checklist. */
  related: z.array(idSchema).optional(),
  /** Empty or absent: the criterion is answered by hand only. */
  detectors: z.array(detectorSchema).max(LIMITS.maxDetectorsPerCriterion).default([]),
});

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: i18nTextSchema,
  url: z.string().url().optional(),
});

export const pairSchema = z.strictObject({
  lang: z.enum(DETECTOR_LANGS),
  /** Two words (lemmas) that together form a considerate paired expression: мать / отец. */
  words: z.tuple([termText, termText]),
});

/** Per language, the words that give a segment its role (what the engine reports as the context of a hit). */
export const structureSchema = z.strictObject({
  lang: z.enum(DETECTOR_LANGS),
  scope: matcherSchema.optional(),
  exception: matcherSchema.optional(),
  prohibition: matcherSchema.optional(),
  definition: matcherSchema.optional(),
});

export const checklistSchema = z.strictObject({
  schemaVersion: z.literal(CHECKLIST_SCHEMA_VERSION),
  id: idSchema,
  /** Quote it in YAML: unquoted 2026.10 would be read as the number 2026.1. */
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$/),
  title: i18nTextSchema,
  description: i18nTextSchema.optional(),
  sources: z.array(sourceSchema).min(1),
  pairs: z.array(pairSchema).default([]),
  structure: z.array(structureSchema).default([]),
  criteria: z.array(criterionSchema).min(1).max(LIMITS.maxCriteria),
});

export type I18nTextData = z.infer<typeof i18nTextSchema>;
export type ChecklistData = z.infer<typeof checklistSchema>;
export type CriterionData = z.infer<typeof criterionSchema>;
export type DetectorData = z.infer<typeof detectorSchema>;
export type LegalBasisRef = z.infer<typeof legalBasisRefSchema>;
export type PairData = z.infer<typeof pairSchema>;
