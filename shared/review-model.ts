import type { I18nText } from './i18n/lang';

/**
 * The data of a review besides the draft's text, as the UI, the API and the conclusion see it.
 * It is the pure merge of the review's Yjs docs (docs/collaboration.md: TEXT doc, one AUTHOR doc per participant,
 * the ENGINE doc). The collaboration module owns the Yjs layout and the merge; these are the shapes
 * every other module relies on. Extend them; never change a field's meaning.
 */

export type Severity = 'note' | 'concern' | 'violation';
/** A positive provision (a quota, a data obligation) is recorded as positive, not as a problem. */
export type Polarity = 'risk' | 'positive';

/** TextQuoteSelector-style quote, for re-anchoring when relative positions no longer resolve. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where an annotation sits: Yjs relative positions into the TEXT doc plus clause id and quote. */
export interface TextAnchor {
  clauseId: string;
  /** base64 of Y.encodeRelativePosition; absent for a whole-clause annotation. */
  start?: string;
  end?: string;
  quote: TextQuote;
  /**
   * The version of the draft it was made on, whose TEXT doc (`text:<n>`) the positions point into
   * (issue 16). Absent: version 1, as every anchor made before there were versions.
   */
  draftVersion?: number;
}

export interface LegalBasis {
  /** Source id from the checklist ('kg-184', 'cedaw' …) and its title in every language. */
  source: string;
  title: I18nText;
  article?: string;
}

/** A finding proposed by the checklist engine (ENGINE doc, written by the server only). */
export interface CandidateFinding {
  /** Stable: the same clause, criterion, detector and matched words give the same id on every run. */
  id: string;
  /** "kg-gender-expertise@2026.1": the checklist and version that produced it. */
  checklist: string;
  criterionId: string;
  detectorId: string;
  clauseId: string;
  /** Offsets into the clause's own text (Clause.text) and the quote at that span. */
  span: { start: number; end: number };
  quote: TextQuote;
  /** Why it fired: the words and the lemmas/stems they matched. */
  matched: Array<{ form: string; lemma?: string }>;
  severity: Severity;
  polarity: Polarity;
  /** Phrased as a question to the expert. */
  explanation: I18nText;
  suggestedWording?: I18nText;
  legalBasis: LegalBasis[];
  /** A finding about the whole act (a rule missing everywhere), attached to its most relevant clause. */
  actLevel?: boolean;
  /** Why the engine proposes it: rule, words, confidence, where the words stand (absent in old findings). */
  why?: FindingWhy;
  /** On what an amendment law makes of its base act, not on the draft's own words (issue 20). */
  amendment?: AmendmentEffect;
}

/**
 * A candidate on an amendment law's effect (issue 20, docs/amendments.md): the checklist engine on a base act's
 * unit as the law makes it read ('result'), or a removal rule on words the law takes out of it ('removal'). The
 * candidate itself stands on the instruction that does it (its clause in the draft), so experts annotate, confirm
 * and dismiss it there, and the conclusion's table sets it beside the unit before and after.
 */
export interface AmendmentEffect {
  source: 'result' | 'removal';
  /** The base act, as the library names it. */
  actTitle: string;
  /** The unit of the base act, and its reference as the act prints it («Статья 14, часть 2»). */
  unitId: string;
  unitLabel: string;
  /** The words the rule matched: in the unit as it will read, or among those struck. */
  words: string;
}

/** Where the matched words stand in their clause. */
export type FindingContext = 'heading' | 'definition' | 'scope' | 'exception' | 'prohibition' | 'text';

export interface FindingWhy {
  /** The detector (rule) that fired. */
  rule: string;
  /** The words of the draft it matched, as printed. */
  words: string[];
  confidence: 'high' | 'medium' | 'low';
  context: FindingContext;
  /** An act-level note on a repeated neutral term: every place it occurs (one note instead of one finding each). */
  occurrences?: Array<{ clauseId: string; label: string; quote: string }>;
  /** An act-level finding of absence: the clauses the engine looked at. */
  lookedAt?: Array<{ clauseId: string; label: string }>;
}

export type AnnotationKind = 'finding' | 'comment';

/**
 * An earlier version of an annotation, replaced by an edit of its author: what it said from `at`
 * until the next version. Its author is the annotation's (only she writes her doc).
 */
export interface AnnotationVersion {
  at: number;
  body: string;
  criterionId?: string;
  severity?: Severity;
  polarity?: Polarity;
  proposedWording?: string;
}

/** An earlier version of a reply. */
export interface ReplyVersion {
  at: number;
  body: string;
}

/** An expert's annotation (her AUTHOR doc; only she can write it). */
export interface Annotation {
  id: string;
  kind: AnnotationKind;
  authorId: string;
  anchor: TextAnchor;
  /** For findings. */
  criterionId?: string;
  severity?: Severity;
  polarity?: Polarity;
  /** Explanation of a finding, or the comment's text. */
  body: string;
  proposedWording?: string;
  status: 'open' | 'resolved';
  createdAt: number;
  updatedAt: number;
  /** When its content was last edited (absent: never edited). */
  editedAt?: number;
  /** The versions its edits replaced, oldest first. */
  history?: AnnotationVersion[];
  /** Deleted by its author then: a tombstone, listed in ReviewModel.deleted, never among findings or comments. */
  deletedAt?: number;
}

/** A reply in the thread of an annotation or of a candidate finding (in the replier's AUTHOR doc). */
export interface Reply {
  id: string;
  /** The annotation or candidate finding it answers. */
  targetId: string;
  authorId: string;
  body: string;
  createdAt: number;
  editedAt?: number;
  history?: ReplyVersion[];
  /** Deleted by its author: kept in the thread as a tombstone; its text is for the secretary's eyes. */
  deletedAt?: number;
}

/** An expert's verdict on a candidate finding or on another expert's finding (her AUTHOR doc). */
export interface Verdict {
  targetId: string;
  authorId: string;
  decision: 'confirm' | 'dismiss';
  reason?: string;
  /** The expert's edit of the proposed wording, when she confirms with changes. */
  wording?: string;
  at: number;
}

export type ChecklistAnswerValue = 'yes' | 'no' | 'partly' | 'na';

export interface ChecklistAnswer {
  criterionId: string;
  questionId: string;
  authorId: string;
  value: ChecklistAnswerValue;
  note?: string;
  at: number;
}

/** The secretary's final decision on a finding: only 'confirmed' findings enter the conclusion. */
export interface FinalDecision {
  targetId: string;
  decision: 'confirmed' | 'dismissed';
  /** Proposed wording as it goes into the comparative table. */
  wording?: string;
  justification?: string;
  at: number;
}

export type ConclusionVerdict = 'complies' | 'complies_with_recommendations' | 'does_not_comply';

/** The conclusion's fields, filled by the secretary (her AUTHOR doc) — see docs/conclusion.md. */
export interface ConclusionFields {
  addressee: { committee: string; chair: string };
  outgoingNumber: string;
  outgoingDate: string;
  basis: string;
  draftTitle: string;
  initiator: string;
  registrationNumber: string;
  reading: string;
  experts: Array<{ name: string; affiliation?: string }>;
  periodFrom: string;
  periodTo: string;
  summary: string;
  genderRelevance: string;
  /** Per criterion: the analysis text (pre-filled from answers and confirmed findings, editable). */
  criteriaAnalysis: Record<string, string>;
  verdict: ConclusionVerdict | null;
  recommendations: string;
  signatories: Array<{ name: string; position: string }>;
  annexes: string[];
  /**
   * The committee's letter asking for the expertise, which the conclusion answers («На № … от …»
   * under the outgoing number). Optional; its date, when given, must be a real date.
   */
  requestLetter?: { number: string; date: string };
  /**
   * Ids of confirmed findings the secretary marks as good practice: they are reported in the analysis
   * as positive norms, like the engine's positive notes, and never as rows of the table of proposals.
   */
  goodPractice?: string[];
}

/** A finding as it stands after merging all docs: candidate or expert-made, with everyone's verdicts. */
export interface MergedFinding {
  id: string;
  origin: 'engine' | 'expert';
  authorId: string | null;
  criterionId: string;
  clauseId: string;
  quote: TextQuote;
  severity: Severity;
  polarity: Polarity;
  explanation: string | I18nText;
  proposedWording?: string;
  /** The engine's suggestion in every language (engine findings): the export picks the draft's. */
  suggestedWording?: I18nText;
  /** Engine findings: why the engine proposed it, and the detector (rule) that did. */
  why?: FindingWhy;
  detectorId?: string;
  /** Engine findings on what an amendment law makes of its base act (issue 20). */
  amendment?: AmendmentEffect;
  verdicts: Verdict[];
  replies: Reply[];
  final?: FinalDecision;
  status: 'open' | 'resolved';
  /** Where it sits in the current text (set when the merge had the TEXT doc). */
  position?: ResolvedAnchor;
  /** An expert's finding edited by her: when, and the versions the edits replaced (oldest first). */
  editedAt?: number;
  history?: AnnotationVersion[];
  /** The version of the draft it was made on (an engine candidate: the version its ENGINE doc belongs to); absent: 1. */
  draftVersion?: number;
  /** In a view of a later version: made on an earlier one and carried here (docs/versions.md). */
  carried?: CarriedPlacement;
}

/**
 * How an annotation made on an earlier version of the draft stands in a later one (issue 16): its
 * words found again ('placed'), found but reworded ('changed'), or gone ('orphaned' — «on deleted
 * text», listed with its quote, never dropped); 'pending' until the server has carried it.
 */
export interface CarriedPlacement {
  fromVersion: number;
  state: 'placed' | 'changed' | 'orphaned' | 'pending';
  /** Re-attached by hand. */
  manual: boolean;
  /**
   * An engine candidate, where the engine has run on this version: whether it finds the same here
   * (the same rule on these words). False: the words were changed so that the rule no longer fires —
   * a hint, for the expert to check, that the point was taken.
   */
  engineFindsAgain?: boolean;
}

/**
 * An anchor resolved against the current TEXT doc, as offsets into its clause's own text:
 * 'exact' (relative positions still cover the quote), 'reanchored' (found again by its quote in the
 * clause), 'clause' (a whole-clause annotation) or 'orphaned' (its words are gone; shown with the quote).
 */
export interface ResolvedAnchor {
  state: 'exact' | 'reanchored' | 'clause' | 'orphaned';
  clauseId: string;
  start: number;
  end: number;
}

/** An annotation the merge refused: kept in its author's doc under an id that is not hers (record-ids.ts). */
export interface IgnoredRecord {
  authorId: string;
  id: string;
  reason: 'engine-id' | 'other-author' | 'legacy-id' | 'malformed';
}

/**
 * A finding or comment its author deleted: the record stays in her doc with `deletedAt`, and stays
 * out of `findings` and `comments` (so out of the conclusion, the counts and the highlights). The
 * secretary's screen shows its text; an expert's shows only that it was deleted.
 */
export type DeletedAnnotation = Annotation & { deletedAt: number; replies: Reply[]; final?: FinalDecision; position?: ResolvedAnchor };

export interface ReviewModel {
  reviewId: string;
  /**
   * The version of the draft this model is of (absent: 1): its positions are in that version's text,
   * and it holds what was made on it and on earlier versions, never on later ones (issue 16).
   */
  draftVersion?: number;
  /** A later version's model: the checklist engine has run on that version (its ENGINE doc says which checklist). */
  versionAnalysed?: boolean;
  findings: MergedFinding[];
  comments: Array<Annotation & { replies: Reply[]; position?: ResolvedAnchor; carried?: CarriedPlacement }>;
  answers: ChecklistAnswer[];
  conclusion: Partial<ConclusionFields>;
  /** Present when some author doc held annotations under ids not hers: shown to the secretary (a new one is refused and audited). */
  ignored?: IgnoredRecord[];
  /** Present when some findings or comments were deleted by their authors: the tombstones, oldest first. */
  deleted?: DeletedAnnotation[];
}
