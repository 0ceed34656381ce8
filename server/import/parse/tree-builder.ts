import { GROUPING_KINDS, type ActKind, type AmendmentTarget, type Clause, type ClauseKind } from '../../../shared/clause';
import type { I18nText } from '../../../shared/i18n/lang';
import type { ClauseId } from '../../../shared/ids';
import type { ImportRepairCode } from '../../../shared/import-report';
import type { SourceParagraph } from '../source';
import { isAmendingLeadIn, readInstruction } from './amendment';
import { classifyLine, isRepealedText, isUpperCaseLine, type LineInfo, type LineKind } from './classify';
import { findDate, isCodeTitleLine, isHeaderLike, isKindLine, isSignatureStart, isTitleContinuation, isTitleLine, readHeaderMeta, type HeaderMeta } from './header';
import type { LabelUnit } from './labels';
import { endsWithClosingQuote, quoteDepthAfter, startsWithQuote, stripQuotation } from './quotes';

/**
 * Builds the clause tree from classified lines with a stack of open units: a unit closes every open
 * unit of its own rank or deeper and becomes the child of what remains. Ids and labels are given
 * afterwards (clause-ids.ts, clause-labels.ts), so this file only decides structure.
 */

/** What the later passes need to know about a clause beyond the public model. */
export interface NodeInfo {
  unit: LabelUnit;
  rank: number;
  /** The printed division name («ОБЩАЯ ЧАСТЬ»). */
  name?: string;
  /** «Статьи 80-82.»: a heading over a range of numbers. */
  range?: boolean;
  /** The unit's own line carries body text after its marker (so its first абзац is the line itself). */
  hasBody?: boolean;
  /** An article whose body amends other acts («Внести в … следующие изменения:»). */
  amending?: boolean;
  /** Accumulated target of amendment instructions below this clause. */
  target?: AmendmentTarget;
}

const RANK: Readonly<Record<string, number>> = {
  division: 1,
  annex: 1,
  section: 2,
  subsection: 3,
  chapter: 4,
  subchapter: 5,
  /** «1. Общие положения» between the articles of a chapter or a paragraph: below a Параграф, above its articles. */
  subheading: 5.5,
  article: 6,
  part: 7,
  item: 8,
  subitem: 9,
  dash: 10,
};
const ARTICLE_RANK = 6;
const ROMAN_SUBUNIT = /^(?:i{1,3}|iv|vi{0,3}|ix|x)$/;
const ITEM_RANK = 8;
const INDENT_RANK = 10;
const LIST_HANDS_BACK = /[,;]?\s[–—-]$/;

/** Lines that open a unit at heading level: the groups of articles, an annex, an article. */
const HEADING_KINDS: ReadonlySet<LineKind> = new Set<LineKind>([...GROUPING_KINDS, 'annex', 'article']);
const KIND_OF: Readonly<Partial<Record<LineKind, ClauseKind>>> = {
  division: 'division',
  annex: 'division',
  section: 'section',
  subsection: 'subsection',
  chapter: 'chapter',
  subchapter: 'subchapter',
  article: 'article',
  part: 'part',
  item: 'item',
  subitem: 'subitem',
  dash: 'indent',
};

// «күчүнө кирет» (enters into force) is a sentence; «Күчүнө кириши» (entry into force) is a title.
const FORCE_ENTRY = /вступа\p{L}*\s+в\s+(?:силу|действие)|күчүнө\s+кир(?!иш)|(?:enters?|comes?)\s+into\s+force/iu;
const BODY_END = /[:;,]$/;
/** A heading that stands alone may take its title from the next line; a longer line is body text. */
const TITLE_MAX_CHARS = 300;
/** A line that continues a title already begun is shorter still. */
const TITLE_CONTINUATION_MAX_CHARS = 200;
/** A numbered subheading («3. Коммандитное товарищество») is a short name, not a sentence. */
const SUBHEADING_MAX_CHARS = 120;
const SENTENCE_END = /[.;:,!?]$/;
const STARTS_LOWER = /^[a-zа-яёөүң]/;
const STARTS_LETTER = /^[«"„“(]?[A-Za-zА-ЯЁа-яёӨҮҢөүң]/;
const SEE_ALSO = /(?:^|\s)[Сс]м\.(?:\s|:|$)/;
/** A quotation that never closes is taken as one paragraph rather than swallowing the rest of the act. */
const QUOTE_SCAN_LIMIT = 4000;

interface Frame {
  clause: Clause;
  rank: number;
}

/** A heading whose title may go on on the next line. */
interface TitleOwner {
  clause: Clause;
  /** Its title's lines so far. */
  lines: string[];
  /** The lines taken after the first title line, and the repair that reports them. */
  joined: string[];
  repair: PendingRepair | null;
}

const HEADING_STYLE = /^(?:heading|title|subtitle|h[1-6]$)|заголовок|heading/i;

/** Style hints of a reader: only ever used to break a tie, never required. */
function looksLikeHeadingParagraph(p: SourceParagraph): boolean {
  const hints = p.hints;
  if (hints === undefined) return false;
  return (hints.style !== undefined && HEADING_STYLE.test(hints.style)) || (hints.bold === true && hints.centered === true);
}

/** Where body lines go: the document, or the quoted new text of one amendment instruction. */
interface Context {
  stack: Frame[];
  roots: Clause[];
  /** Set for quoted new text: its lines become children of this instruction. */
  owner: Clause | null;
}

/** A repair the builder made; its message is written once the clause has its label. */
export interface PendingRepair {
  code: ImportRepairCode;
  clause: Clause;
  line: number | undefined;
  message: (label: string) => I18nText;
}

export interface BuildResult {
  roots: Clause[];
  info: Map<Clause, NodeInfo>;
  meta: HeaderMeta;
  /** Clauses of kind 'text': lines the parser kept without recognising them. */
  unrecognised: Clause[];
  /** Headings whose title the builder continued from the lines after them. */
  repairs: PendingRepair[];
}

export function buildTree(paragraphs: readonly SourceParagraph[]): BuildResult {
  return new TreeBuilder(paragraphs).build();
}

function lineRange(lang: 'ru' | 'ky' | 'en', first: number | undefined, last: number | undefined): string {
  if (first === undefined) return '';
  const single = last === undefined || last === first;
  switch (lang) {
    case 'ru':
      return single ? `строкой ${first}` : `строками ${first}–${last}`;
    case 'ky':
      return single ? `${first}-сап менен` : `${first}–${last}-саптар менен`;
    case 'en':
      return single ? `on line ${first}` : `on lines ${first}–${last}`;
  }
}

function headingJoinedMessage(label: string, first: number | undefined, last: number | undefined, words: string): I18nText {
  const shown = words.length > 80 ? `${words.slice(0, 79)}…` : words;
  return {
    ru: `Заголовок «${label}» продолжен ${lineRange('ru', first, last)}: «${shown}»`,
    ky: `«${label}» аталышы ${lineRange('ky', first, last)} уланды: «${shown}»`,
    en: `Heading «${label}» continued ${lineRange('en', first, last)}: «${shown}»`,
  };
}

class TreeBuilder {
  private readonly info = new Map<Clause, NodeInfo>();
  private readonly doc: Context = { stack: [], roots: [], owner: null };
  private readonly unrecognised: Clause[] = [];
  private readonly lines: string[];
  private readonly kinds: LineInfo[];
  private phase: 'top' | 'body' | 'signature' = 'top';
  private header: Clause | null = null;
  private preamble: Clause | null = null;
  private signature: Clause | null = null;
  private readonly headerLines: string[] = [];
  private readonly signatureLines: string[] = [];
  private titleSeen = false;
  /** The header line just read was the title (or its continuation): the next may continue it. */
  private lastWasTitle = false;
  private meta: HeaderMeta = { actKind: 'other', title: null, date: null, number: null, isDraft: false, amendedActs: [] };
  /** A heading printed without its title, waiting for the next line to bring it. */
  private pendingTitle: Clause | null = null;
  /** The heading whose title the line just read gave or continued: the next line may continue it. */
  private titleOwner: TitleOwner | null = null;
  private readonly repairs: PendingRepair[] = [];
  /** Index of the line being placed, for the few decisions that look at the next line. */
  private index = 0;
  /** The last numbered subheading under each chapter or paragraph: they count 1, 2, 3 within it. */
  private readonly subheadings = new Map<Clause, number>();
  /** The structural unit created last: a following «(Утратила силу …)» marks it repealed. */
  private lastUnit: Clause | null = null;
  private readonly lastHeadingIndex: number;
  /** The instruction just read ends «… следующего содержания:»: quoted new text may follow it. */
  private expectingQuote: Clause | null = null;

  constructor(private readonly paragraphs: readonly SourceParagraph[]) {
    this.lines = new Array<string>(paragraphs.length);
    this.kinds = new Array<LineInfo>(paragraphs.length);
    let lastHeading = -1;
    let annexSeen = false;
    for (let i = 0; i < paragraphs.length; i++) {
      const t = paragraphs[i]!.text.trim();
      this.lines[i] = t;
      if (t.length === 0) continue;
      const k = classifyLine(t);
      this.kinds[i] = k;
      // The signature block comes after the act's last heading; an annex after it may have headings of
      // its own (a Regulation approved by a resolution), so headings count only up to the first annex.
      if (k.kind === 'annex') annexSeen = true;
      else if (!annexSeen && HEADING_KINDS.has(k.kind)) lastHeading = i;
    }
    this.lastHeadingIndex = lastHeading;
  }

  build(): BuildResult {
    const n = this.paragraphs.length;
    for (let i = 0; i < n; i++) {
      const t = this.lines[i]!;
      if (t.length === 0) continue;
      const k = this.kinds[i]!;
      const p = this.paragraphs[i]!;
      this.index = i;
      if (this.phase === 'top') {
        if (this.takeTopLine(p, t, k)) continue;
        this.startBody();
      }
      if (this.phase === 'signature') {
        if (k.kind !== 'annex') {
          this.addSignatureLine(p, t);
          continue;
        }
        this.phase = 'body';
      }
      if (this.phase === 'body' && i > this.lastHeadingIndex && k.kind === 'plain' && this.pendingTitle === null && this.startsSignature(t, i)) {
        this.startSignature(p, t);
        continue;
      }
      const clause = this.placeLine(this.doc, p, t, k);
      if (clause) i = this.takeQuotedText(clause, i);
    }
    const meta = readHeaderMeta(this.headerLines, this.signatureLines);
    if (meta.actKind === 'amendment_law' && meta.amendedActs.length === 0) meta.amendedActs = this.actsFromInstructions();
    return { roots: this.doc.roots, info: this.info, meta, unrecognised: this.unrecognised, repairs: this.repairs };
  }

  /** The next non-blank line after `i`, or ''. */
  private nextLine(i: number): { t: string; k: LineInfo | undefined } {
    for (let j = i + 1; j < this.lines.length; j++) if (this.lines[j]!.length > 0) return { t: this.lines[j]!, k: this.kinds[j] };
    return { t: '', k: undefined };
  }

  /** «Президент …», or a signature printed over two lines: «Кыргыз Республикасынын» / «Президенти», «Глава Республики Тыва» / «Ш. Кара-оол». */
  private startsSignature(t: string, i: number): boolean {
    if (isSignatureStart(t)) return true;
    if (t.length > 60 || SENTENCE_END.test(t)) return false;
    const next = this.nextLine(i);
    return next.t.length > 0 && next.k?.kind === 'plain' && isSignatureStart(`${t} ${next.t}`);
  }

  private get actKind(): ActKind {
    return this.meta.actKind;
  }

  // ---- header, preamble, signature ------------------------------------------------------------

  /** Lines before the first structural unit: header block, then preamble. False when the body begins. */
  private takeTopLine(p: SourceParagraph, t: string, k: LineInfo): boolean {
    if (HEADING_KINDS.has(k.kind) || k.kind === 'part' || k.kind === 'item') return false;
    if (k.kind === 'note') {
      const owner = this.preamble ?? this.header;
      // A note above everything else opens the header block itself.
      if (owner === null) this.startHeader(p, t);
      else this.addChild(owner, this.newClause('note', null, t, p, 'note', 0));
      if (this.preamble === null) this.headerLines.push(t);
      return true;
    }
    if (this.preamble === null) {
      const headerish =
        isHeaderLike(t) ||
        (this.lastWasTitle && isTitleContinuation(t)) ||
        (!this.titleSeen && this.headerLines.length < 12 && t.length <= 200 && !/[.:;]$/.test(t));
      if (headerish && k.kind !== 'dash') {
        const title = isTitleLine(t) || (isUpperCaseLine(t) && /КОДЕКС|CODE|МЫЙЗАМ/u.test(t) && !isKindLine(t)) || isCodeTitleLine(t);
        if (title) this.titleSeen = true;
        this.lastWasTitle = title || (this.lastWasTitle && isTitleContinuation(t));
        this.headerLines.push(t);
        if (this.header === null) this.startHeader(p, t);
        else this.addChild(this.header, this.newClause('header', null, t, p, 'line', 0));
        return true;
      }
      this.preamble = this.newClause('preamble', null, t, p, 'preamble', 0);
      this.doc.roots.push(this.preamble);
      return true;
    }
    this.addChild(this.preamble, this.newClause('indent', null, t, p, 'indent', INDENT_RANK));
    return true;
  }

  private startHeader(p: SourceParagraph, t: string): Clause {
    this.header = this.newClause('header', null, t, p, 'header', 0);
    this.doc.roots.push(this.header);
    return this.header;
  }

  private startBody(): void {
    this.phase = 'body';
    this.meta = readHeaderMeta(this.headerLines, []);
  }

  private startSignature(p: SourceParagraph, t: string): void {
    this.phase = 'signature';
    this.doc.stack.length = 0;
    this.signature = this.newClause('signature', null, t, p, 'signature', 0);
    this.doc.roots.push(this.signature);
    this.signatureLines.push(t);
  }

  private addSignatureLine(p: SourceParagraph, t: string): void {
    this.signatureLines.push(t);
    this.addChild(this.signature!, this.newClause('signature', null, t, p, 'line', 0));
  }

  // ---- body -------------------------------------------------------------------------------------

  /**
   * Places one body line in `ctx`. `k` classifies the printed line; for quoted new text it classifies
   * the line without its quotation marks. Returns the clause created, or null when the line joined a
   * heading as its title.
   */
  private placeLine(ctx: Context, p: SourceParagraph, t: string, k: LineInfo): Clause | null {
    const quoted = ctx.owner !== null;
    // «Статья 5.» / «Утратила силу.»: the unit keeps its place, marked repealed; the line stays its text.
    const last = this.lastUnit;
    if (k.kind === 'plain' && last !== null && last.children.length === 0 && !this.info.get(last)!.hasBody && isRepealedText(t)) last.repealed = true;
    if (this.pendingTitle !== null) {
      const pending = this.pendingTitle;
      this.pendingTitle = null;
      if (k.kind === 'plain' && this.canBeTitle(pending, t, quoted)) {
        pending.text += ' ' + t;
        pending.title = pending.title === undefined ? t : `${pending.title} ${t}`;
        this.titleOwner = quoted ? null : { clause: pending, lines: [t], joined: [], repair: null };
        return null;
      }
    }
    const owner = this.titleOwner;
    this.titleOwner = null;
    if (owner !== null && k.kind === 'plain' && !quoted && this.continuesTitle(owner, t)) {
      this.continueTitle(owner, p, t);
      return null;
    }

    if (HEADING_KINDS.has(k.kind)) return this.openHeading(ctx, p, t, k);
    switch (k.kind) {
      case 'part':
      case 'item':
      case 'subitem':
      case 'dash':
        return this.openUnit(ctx, p, t, k);
      case 'note':
        return this.addNote(ctx, p, t);
      case 'remark': {
        const article = this.popTo(ctx, ARTICLE_RANK);
        const clause = this.newClause('indent', null, t, p, 'remark', INDENT_RANK);
        this.attach(ctx, article, clause);
        return clause;
      }
      default:
        return this.addProse(ctx, p, t);
    }
  }

  private openHeading(ctx: Context, p: SourceParagraph, t: string, k: LineInfo, subheading = false): Clause {
    const rank = subheading ? RANK.subheading! : RANK[k.kind]!;
    // ranks are whole numbers but for the subheading (5.5): close what ranks at or below this one
    this.popTo(ctx, rank - 0.5);
    const unit: LabelUnit = subheading ? 'subheading' : (k.kind as LabelUnit);
    const clause = this.newClause(subheading ? 'subchapter' : KIND_OF[k.kind]!, k.number, t, p, unit, rank);
    const info = this.info.get(clause)!;
    if (k.name !== undefined) info.name = k.name;
    if (k.range) info.range = true;
    const rest = k.rest;
    if (rest.length > 0) {
      if (isRepealedText(rest)) clause.repealed = true;
      else if (k.kind === 'article' && this.isBodyText(rest, ctx.owner !== null)) info.hasBody = true;
      else {
        clause.title = rest;
        if (ctx.owner === null) this.titleOwner = { clause, lines: [rest], joined: [], repair: null };
      }
    }
    this.attach(ctx, this.top(ctx), clause);
    ctx.stack.push({ clause, rank });
    if (rest.length === 0 && k.kind !== 'division') this.pendingTitle = clause;
    if (k.kind === 'article' && ctx.owner === null) {
      info.amending = this.actKind === 'amendment_law' || (info.hasBody === true && isAmendingLeadIn(rest));
      if (info.hasBody && (info.amending || this.actKind === 'amendment_law')) this.readAmendment(clause, rest, this.parentTarget(ctx, clause));
    }
    this.lastUnit = clause;
    return clause;
  }

  private openUnit(ctx: Context, p: SourceParagraph, t: string, k: LineInfo): Clause {
    if (k.kind === 'subitem' && this.isRomanUnderLetter(ctx, k.number!)) return this.openRoman(ctx, p, t, k);
    if (k.kind === 'part' && this.isNumberedSubheading(ctx, k)) {
      this.subheadings.set(this.subheadingGroup(ctx)!, Number(k.number));
      return this.openHeading(ctx, p, t, k, true);
    }
    const rank = RANK[k.kind]!;
    const parent = this.popTo(ctx, rank - 1);
    const unit: LabelUnit = k.kind === 'dash' ? 'indent' : (k.kind as LabelUnit);
    const clause = this.newClause(KIND_OF[k.kind]!, k.number, t, p, unit, rank);
    const info = this.info.get(clause)!;
    if (k.rest.length > 0) info.hasBody = true;
    if (isRepealedText(k.rest)) clause.repealed = true;
    this.attach(ctx, parent, clause);
    ctx.stack.push({ clause, rank });
    if (ctx.owner === null && this.inAmendingScope(ctx)) this.readAmendment(clause, k.rest, this.parentTarget(ctx, clause));
    this.lastUnit = clause;
    return clause;
  }

  /**
   * English drafts number the level below «(a)» with Roman numerals «(i)», «(ii)»: under an open
   * lettered sub-item these are its sub-units, unless «(i)» simply follows «(h)».
   */
  private isRomanUnderLetter(ctx: Context, number: string): boolean {
    if (!ROMAN_SUBUNIT.test(number)) return false;
    const top = ctx.stack[ctx.stack.length - 1];
    if (top === undefined) return false;
    const letter = top.rank === RANK.subitem ? top.clause.number : top.rank === INDENT_RANK && this.info.get(top.clause)!.unit === 'roman' ? 'roman' : null;
    if (letter === null) return false;
    if (letter === 'roman') return true;
    const previousLetter: Readonly<Record<string, string>> = { i: 'h', v: 'u', x: 'w' };
    return previousLetter[number] !== letter;
  }

  private openRoman(ctx: Context, p: SourceParagraph, t: string, k: LineInfo): Clause {
    const parent = this.popTo(ctx, INDENT_RANK - 1);
    const clause = this.newClause('indent', k.number, t, p, 'roman', INDENT_RANK);
    if (k.rest.length > 0) this.info.get(clause)!.hasBody = true;
    this.attach(ctx, parent, clause);
    ctx.stack.push({ clause, rank: INDENT_RANK });
    this.lastUnit = clause;
    return clause;
  }

  /** Plain prose: an абзац of the open unit, or an unrecognised line where no prose belongs. */
  private addProse(ctx: Context, p: SourceParagraph, t: string): Clause | null {
    // An абзац after a dash list belongs to the unit that holds the list.
    while (ctx.stack.length > 0 && ctx.stack[ctx.stack.length - 1]!.rank >= INDENT_RANK) ctx.stack.pop();
    // In an amending article an unnumbered instruction that names its own article («в статье 5 слова …
    // исключить;», «статью 7 дополнить …») is a sibling of the earlier ones, not a part of the last sub-item.
    // «3) в отношении ребенка, –» / «наказываются …»: a list entry ending in a dash hands the sentence
    // back to the unit that opened the list, so the sanction belongs to the part, not to item 3.
    const top = ctx.stack[ctx.stack.length - 1];
    if (top !== undefined && top.rank >= ITEM_RANK && LIST_HANDS_BACK.test(top.clause.text)) {
      const listOwner = ctx.stack.length >= 2 ? ctx.stack[ctx.stack.length - 2]! : undefined;
      if (listOwner !== undefined && listOwner.rank >= ARTICLE_RANK) this.popTo(ctx, listOwner.rank);
    }
    const amending = ctx.owner === null && this.inAmendingScope(ctx);
    if (amending && ctx.stack.length > 0 && ctx.stack[ctx.stack.length - 1]!.rank > ARTICLE_RANK) {
      if (readInstruction(t, {}).namesArticle) this.popTo(ctx, ARTICLE_RANK);
    }
    const parentFrame = ctx.stack[ctx.stack.length - 1];
    const parent = parentFrame?.clause ?? null;
    const acceptsProse =
      ctx.owner !== null || (parentFrame !== undefined && (parentFrame.rank >= ARTICLE_RANK || this.info.get(parent!)!.unit === 'annex'));
    if (!acceptsProse) {
      // A second heading line the source marks as a heading (Word style, <h2>, bold and centred) belongs
      // to the heading it follows: «Глава 3. …» / «Основание ответственности за преступление».
      if (parent !== null && parent.children.length === 0 && looksLikeHeadingParagraph(p)) {
        parent.text += ' ' + t;
        parent.title = parent.title === undefined ? t : `${parent.title} ${t}`;
        return null;
      }
      const clause = this.newClause('text', null, t, p, 'text', INDENT_RANK);
      this.attach(ctx, parent, clause);
      this.unrecognised.push(clause);
      return clause;
    }
    const clause = this.newClause('indent', null, t, p, 'indent', INDENT_RANK);
    this.attach(ctx, parent, clause);
    if (ctx.owner === null && parent !== null) {
      const parentInfo = this.info.get(parent)!;
      if (parentInfo.unit === 'article' && !parentInfo.amending && isAmendingLeadIn(t) && parent.children.length === 1) parentInfo.amending = true;
      if (amending || parentInfo.amending === true) {
        this.readAmendment(clause, t, this.parentTarget(ctx, clause));
        // A lead-in («Внести в Закон "…" следующие изменения:») names the target of the units after it.
        const target = this.info.get(clause)!.target;
        if (clause.amendment === undefined && target !== undefined && Object.keys(target).length > 0) parentInfo.target = target;
      }
    }
    return clause;
  }

  /** Editorial notes belong to their article (or the heading they follow), not to its last part. */
  private addNote(ctx: Context, p: SourceParagraph, t: string): Clause {
    const repealing = isRepealedText(t);
    const last = this.lastUnit;
    if (repealing && last !== null && last.children.length === 0 && !this.info.get(last)!.hasBody) last.repealed = true;
    let owner: Clause | null = null;
    for (let i = ctx.stack.length - 1; i >= 0; i--) {
      if (ctx.stack[i]!.rank <= ARTICLE_RANK) {
        owner = ctx.stack[i]!.clause;
        // What follows the note follows it in the text too: the units it closed take nothing more.
        ctx.stack.length = i + 1;
        break;
      }
    }
    if (owner === null && ctx.stack.length > 0) owner = ctx.stack[ctx.stack.length - 1]!.clause;
    const clause = this.newClause('note', null, t, p, 'note', INDENT_RANK);
    this.attach(ctx, owner, clause);
    return clause;
  }

  // ---- amendment instructions ------------------------------------------------------------------

  private inAmendingScope(ctx: Context): boolean {
    if (this.actKind === 'amendment_law') return true;
    for (let i = ctx.stack.length - 1; i >= 0; i--) {
      const info = this.info.get(ctx.stack[i]!.clause)!;
      if (info.unit === 'article') return info.amending === true;
    }
    return false;
  }

  private parentTarget(ctx: Context, clause: Clause): AmendmentTarget {
    for (let i = ctx.stack.length - 1; i >= 0; i--) {
      const c = ctx.stack[i]!.clause;
      if (c === clause) continue;
      const target = this.info.get(c)!.target;
      if (target !== undefined) return target;
    }
    // An amendment law of one act named in its title amends that act unless an instruction says otherwise.
    const acts = this.meta.amendedActs;
    return this.actKind === 'amendment_law' && acts.length === 1 ? { act: acts[0]! } : {};
  }

  private readAmendment(clause: Clause, body: string, parent: AmendmentTarget): void {
    const reading = readInstruction(body, parent);
    const info = this.info.get(clause)!;
    info.target = reading.target;
    if (reading.info !== null) {
      clause.amendment = reading.info;
      if (clause.kind !== 'article') clause.kind = 'amendment';
      // «10-берене күчүн жоготту деп табылсын» repeals another act's unit; the instruction stays in force.
      delete clause.repealed;
    }
    if (reading.expectsNewText) this.expectingQuote = clause;
  }


  /**
   * After «… следующего содержания:» the quoted paragraphs that follow are the instruction's new text:
   * they are parsed as their own small structure under the instruction and marked `quoted`, so the
   * articles they contain never break the amending act's own numbering. Returns the last index consumed.
   */
  private takeQuotedText(instruction: Clause, i: number): number {
    if (this.expectingQuote !== instruction) return i;
    this.expectingQuote = null;
    let first = i + 1;
    while (first < this.lines.length && this.lines[first]!.length === 0) first++;
    if (first >= this.lines.length || !startsWithQuote(this.lines[first]!)) return i;
    let last = -1;
    let depth = 0;
    const limit = Math.min(this.lines.length, first + QUOTE_SCAN_LIMIT);
    for (let j = first; j < limit; j++) {
      const t = this.lines[j]!;
      if (t.length === 0) continue;
      depth = quoteDepthAfter(t, depth);
      if (depth === 0) {
        last = j;
        break;
      }
    }
    if (last < 0) last = first;
    const ctx: Context = { stack: [], roots: [], owner: instruction };
    const saved = this.pendingTitle;
    this.pendingTitle = null;
    const newText: string[] = [];
    for (let j = first; j <= last; j++) {
      const t = this.lines[j]!;
      if (t.length === 0) continue;
      const inner = stripQuotation(t, j === first, j === last && endsWithClosingQuote(t));
      newText.push(inner);
      const k = inner.length > 0 ? classifyLine(inner) : this.kinds[j]!;
      this.index = j;
      this.placeLine(ctx, this.paragraphs[j]!, t, k);
    }
    this.pendingTitle = saved;
    const amendment = instruction.amendment;
    if (amendment !== undefined && amendment.newWords === undefined) amendment.newWords = newText.join('\n');
    return last;
  }

  private actsFromInstructions(): string[] {
    const acts: string[] = [];
    for (const [clause, info] of this.info) {
      const act = clause.amendment?.target.act ?? info.target?.act;
      if (act !== undefined && !acts.includes(act)) acts.push(act);
    }
    return acts;
  }

  // ---- titles over several lines, numbered subheadings -----------------------------------------

  /**
   * A line after a heading's title that goes on with it: «Глава 1» / «Общие положения о правонарушениях» /
   * «и ответственности за них». A chapter's or section's title takes a short line that ends without a stop
   * (or an upper-case line after an upper-case one); an article's only one that goes on in lower case, as its
   * body starts with a capital or a number. A blank line in between ends the title.
   */
  private continuesTitle(owner: TitleOwner, t: string): boolean {
    if (this.blankBefore()) return false;
    if (t.length > TITLE_CONTINUATION_MAX_CHARS || isRepealedText(t) || !STARTS_LETTER.test(t)) return false;
    // «О судебной практике … см. постановление Пленума … от 27 декабря 1991 года»: an editor's reference
    if (SEE_ALSO.test(t) || findDate(t) !== null) return false;
    const previous = owner.lines[owner.lines.length - 1]!;
    const unit = this.info.get(owner.clause)!.unit;
    if (unit === 'article') {
      if (!STARTS_LOWER.test(t) || SENTENCE_END.test(t) || SENTENCE_END.test(previous)) return false;
      return !(FORCE_ENTRY.test(t) || isAmendingLeadIn(t) || (this.actKind === 'amendment_law' && readInstruction(t, {}).info !== null));
    }
    if (unit === 'division' || unit === 'annex') return false;
    if (isUpperCaseLine(t) && isUpperCaseLine(previous)) return !/[;:,]$/.test(t);
    return !SENTENCE_END.test(t);
  }

  /** Whether a blank line stands before the line being placed (plain text keeps real line numbers, so a gap is one too). */
  private blankBefore(): boolean {
    for (let j = this.index - 1; j >= 0; j--) {
      if (this.lines[j]!.length === 0) return true;
      return this.paragraphs[this.index]!.line - this.paragraphs[j]!.line > 1;
    }
    return false;
  }

  private continueTitle(owner: TitleOwner, p: SourceParagraph, t: string): void {
    const heading = owner.clause;
    heading.text += ' ' + t;
    heading.title = heading.title === undefined ? t : `${heading.title} ${t}`;
    owner.lines.push(t);
    owner.joined.push(t);
    if (owner.repair === null) {
      owner.repair = { code: 'heading_joined', clause: heading, line: p.line, message: () => ({ ru: '', ky: '', en: '' }) };
      this.repairs.push(owner.repair);
    }
    const first = owner.repair.line;
    const words = owner.joined.join(' ');
    owner.repair.message = (label) => headingJoinedMessage(label, first, p.line, words);
    this.titleOwner = owner;
  }

  /**
   * «3. Коммандитное товарищество» standing between articles is a subheading of its chapter or paragraph,
   * not a part of the article before it: a short name without a stop, right before an article or heading,
   * numbered 1, 2, 3 … within its chapter or paragraph.
   */
  private isNumberedSubheading(ctx: Context, k: LineInfo): boolean {
    if (ctx.owner !== null || this.actKind === 'amendment_law' || this.inAmendingScope(ctx)) return false;
    const rest = k.rest;
    if (!/^\d{1,2}$/.test(k.number ?? '') || rest.length === 0 || rest.length > SUBHEADING_MAX_CHARS) return false;
    if (SENTENCE_END.test(rest) || !/^[А-ЯЁӨҮҢA-Z]/.test(rest) || isRepealedText(rest)) return false;
    const next = this.nextLine(this.index);
    if (next.k === undefined || !HEADING_KINDS.has(next.k.kind)) return false;
    const group = this.subheadingGroup(ctx);
    if (group === null) return false;
    const n = Number(k.number);
    const last = this.subheadings.get(group);
    return n === 1 || (last !== undefined && n === last + 1);
  }

  /** The chapter or paragraph a numbered subheading belongs to: the nearest open one. */
  private subheadingGroup(ctx: Context): Clause | null {
    for (let i = ctx.stack.length - 1; i >= 0; i--) {
      const unit = this.info.get(ctx.stack[i]!.clause)!.unit;
      if (unit === 'subchapter' || unit === 'chapter') return ctx.stack[i]!.clause;
    }
    return null;
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private canBeTitle(heading: Clause, t: string, quoted: boolean): boolean {
    if (t.length > TITLE_MAX_CHARS || BODY_END.test(t) || isRepealedText(t)) return false;
    const first = t.charAt(0);
    if (first.toLowerCase() === first && first.toUpperCase() !== first) return false;
    const unit = this.info.get(heading)!.unit;
    if (unit === 'article') {
      // Article titles never end with a full stop in the codes we have read; a sentence is the body.
      if (FORCE_ENTRY.test(t) || isAmendingLeadIn(t) || t.length > 200 || t.endsWith('.')) return false;
      // An amending act's articles mostly start with their instruction on the next line.
      if (this.actKind === 'amendment_law' && !quoted && (t.length > 120 || t.endsWith('.') || readInstruction(t, {}).info !== null)) return false;
    }
    return true;
  }

  private isBodyText(rest: string, quoted: boolean): boolean {
    if (BODY_END.test(rest) || FORCE_ENTRY.test(rest) || isAmendingLeadIn(rest) || rest.length > TITLE_MAX_CHARS) return true;
    return this.actKind === 'amendment_law' && !quoted && readInstruction(rest, {}).info !== null;
  }

  /** Closes every open unit deeper than `rank`; returns the unit that stays open (the new parent). */
  private popTo(ctx: Context, rank: number): Clause | null {
    const stack = ctx.stack;
    while (stack.length > 0 && stack[stack.length - 1]!.rank > rank) stack.pop();
    return stack.length > 0 ? stack[stack.length - 1]!.clause : null;
  }

  private top(ctx: Context): Clause | null {
    return ctx.stack.length > 0 ? ctx.stack[ctx.stack.length - 1]!.clause : null;
  }

  private attach(ctx: Context, parent: Clause | null, clause: Clause): void {
    if (parent !== null) parent.children.push(clause);
    else if (ctx.owner !== null) ctx.owner.children.push(clause);
    else ctx.roots.push(clause);
    if (ctx.owner !== null) clause.quoted = true;
  }

  private addChild(parent: Clause, clause: Clause): void {
    parent.children.push(clause);
  }

  private newClause(kind: ClauseKind, number: string | null, text: string, p: SourceParagraph, unit: LabelUnit, rank: number): Clause {
    const clause: Clause = { id: '' as ClauseId, kind, number, label: '', text, children: [], line: p.line };
    this.info.set(clause, { unit, rank });
    return clause;
  }
}
