import type { SourceParagraph } from '../../source';
import { parseHtmlInto } from '../html';
import { LINE_BREAK, ParagraphSink, splitManualBreaks } from '../paragraphs';
import type { WarningSet } from '../warnings';
import type { ListCounter } from './numbering';
import type { Styles } from './styles';
import { isOn, streamXml, WordNames } from './xml';
import type { SafeZip } from './zip';


/**
 * Elements whose whole content is not printed text: deleted revisions, field codes, section and table
 * properties, and the *previous* properties kept by tracked formatting changes (an old numPr or pStyle
 * inside pPrChange must not renumber the paragraph).
 */
const SKIPPED = new Set([
  'del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'sectPr', 'tblPr', 'trPr', 'tcPr',
  'pPrChange', 'rPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'tblGridChange', 'numberingChange',
]);

/** Word's built-in table-of-contents styles (w:name is English whatever the UI language). */
const TOC_STYLE = /^(toc \d|toc heading)$/i;

interface ParagraphState {
  text: string;
  styleId?: string;
  numId?: string;
  ilvl?: number;
  centered?: boolean;
  /** The paragraph mark itself is a tracked deletion: an emptied paragraph then vanishes, number and all. */
  markDeleted?: boolean;
  boldChars: number;
  visibleChars: number;
}

/** Symbol-font characters Word stores as private-use code points (w:sym). */
const SYMBOL_FONT: Record<number, string> = {
  0x2d: '−', 0xb7: '•', 0xd7: '×', 0xb0: '°', 0xa3: '≤', 0xb3: '≥', 0xb9: '≠', 0xb1: '±', 0xae: '→', 0xac: '←',
  0xa7: '§', 0xbe: '—', 0xbc: '…', 0x22: '∀',
};

function symbolChar(font: string | undefined, code: string | undefined): string {
  if (!code) return '';
  let value = Number.parseInt(code, 16);
  if (!Number.isFinite(value)) return '';
  if (value >= 0xf000 && value <= 0xf0ff) value -= 0xf000;
  const face = (font ?? '').toLowerCase();
  if (face.startsWith('wingdings') || face.startsWith('webdings')) return '•';
  if (face === 'symbol') return SYMBOL_FONT[value] ?? (value >= 0x20 && value < 0x7f ? String.fromCharCode(value) : '•');
  return value >= 0x20 ? String.fromCodePoint(value) : '';
}

/**
 * The body of word/document.xml as printed paragraphs: runs' text with tabs, breaks, non-breaking
 * hyphens and symbols; automatic numbering turned into the printed number; deleted revisions, hidden
 * text and field codes skipped, inserted revisions kept; table cells in reading order. Headers and
 * footers live in other parts and are never read.
 */
export function readDocumentBody(
  zip: SafeZip,
  entry: string,
  styles: Styles,
  counter: ListCounter,
  warnings: WarningSet,
  /** An embedded chunk (w:altChunk) as HTML, by relationship id; null when it cannot be read. */
  altChunk: (relId: string) => string | null = () => null,
): SourceParagraph[] {
  const names = new WordNames();
  const sink = new ParagraphSink();
  const path: string[] = [];
  const paragraphs: ParagraphState[] = [];
  let skipDepth = 0;
  let fallbackDepth = 0;
  let first = true;
  let runHidden = false;
  let runBold = false;
  let inText = false;

  const current = () => paragraphs[paragraphs.length - 1];

  const finishParagraph = (p: ParagraphState) => {
    if (p.markDeleted && p.visibleChars === 0) return;
    // A table of contents repeats the headings (with page numbers); reading it would duplicate articles.
    const styleName = p.styleId ? styles.byId.get(p.styleId)?.name : undefined;
    if (styleName && TOC_STYLE.test(styleName)) {
      warnings.add('toc', sink.nextLine);
      return;
    }
    // Numbering: direct numPr wins; otherwise the paragraph style's (numId 0 switches a style's list off).
    let numId = p.numId;
    let ilvl = p.ilvl;
    if (numId === undefined) {
      numId = styles.inherited(p.styleId, (s) => s.numId);
      if (numId !== undefined && ilvl === undefined)
        ilvl = styles.inherited(p.styleId, (s) => s.ilvl) ?? counter.levelForStyle(numId, p.styleId);
    }
    let label = '';
    if (numId !== undefined && numId !== '0') label = counter.next(numId, ilvl ?? 0) ?? '';
    const centered = p.centered ?? styles.inherited(p.styleId, (s) => s.centered) ?? false;
    const styleBold = styles.inherited(p.styleId, (s) => s.bold) ?? false;
    const bold = styleBold || (p.visibleChars > 0 && p.boldChars >= p.visibleChars);
    const hints = { style: p.styleId, bold, centered };
    for (const segment of splitManualBreaks(label + p.text)) sink.push(segment, hints);
  };

  streamXml(zip, entry, {
    open(name, attrs) {
      if (first) {
        names.learn(attrs);
        first = false;
      }
      if (name.endsWith(':Fallback')) fallbackDepth++;
      const local = names.local(name);
      path.push(local);
      if (fallbackDepth > 0) return;
      if (local === 'del' || local === 'moveFrom') {
        warnings.add('revisions', sink.nextLine);
        const p = current();
        if (p && skipDepth === 0 && path[path.length - 2] === 'rPr' && path[path.length - 3] === 'pPr') p.markDeleted = true;
      }
      if (skipDepth > 0 || SKIPPED.has(local)) {
        skipDepth++;
        return;
      }
      const parent = path[path.length - 2];
      const p = current();
      switch (local) {
        case 'p':
          paragraphs.push({ text: '', boldChars: 0, visibleChars: 0 });
          return;
        case 'r':
          runHidden = false;
          runBold = false;
          return;
        case 'vanish':
          if (parent === 'rPr' && isOn(names.attr(attrs, 'val'))) runHidden = true;
          return;
        case 'b':
          if (parent === 'rPr') runBold = isOn(names.attr(attrs, 'val'));
          return;
        case 't':
          inText = parent === 'r' && !runHidden;
          if (runHidden && parent === 'r') warnings.add('hidden', sink.nextLine);
          return;
        case 'pStyle':
          if (p && parent === 'pPr') p.styleId = names.attr(attrs, 'val');
          return;
        case 'numId':
          if (p && parent === 'numPr') p.numId = names.attr(attrs, 'val');
          return;
        case 'ilvl':
          if (p && parent === 'numPr') p.ilvl = Number.parseInt(names.attr(attrs, 'val') ?? '0', 10);
          return;
        case 'jc':
          if (p && parent === 'pPr') p.centered = names.attr(attrs, 'val') === 'center';
          return;
        case 'ins':
        case 'moveTo':
          warnings.add('revisions', sink.nextLine);
          return;
        case 'commentRangeStart':
        case 'commentReference':
          warnings.add('comments', sink.nextLine);
          return;
        case 'footnoteReference':
        case 'endnoteReference':
          warnings.add('notes', sink.nextLine);
          return;
        case 'drawing':
        case 'pict':
          warnings.add('images', sink.nextLine);
          return;
        case 'object':
        case 'control':
          warnings.add('scripts', sink.nextLine);
          return;
        case 'altChunk': {
          // Content imported "as is" from another file (HTML, MHT, text), in its place in the body.
          const relId = Object.entries(attrs).find(([attr]) => attr.endsWith(':id') || attr === 'id')?.[1];
          const html = relId ? altChunk(relId) : null;
          if (html === null) warnings.add('altChunk', sink.nextLine);
          else parseHtmlInto(html, sink, warnings);
          return;
        }
      }
      if (!p || parent !== 'r' || runHidden) return;
      switch (local) {
        case 'tab':
        case 'ptab':
          p.text += '\t';
          return;
        case 'br':
        case 'cr':
          p.text += LINE_BREAK;
          return;
        case 'noBreakHyphen':
          p.text += '-';
          return;
        case 'sym': {
          const ch = symbolChar(names.attr(attrs, 'font'), names.attr(attrs, 'char'));
          p.text += ch;
          p.visibleChars += ch.length;
          if (runBold) p.boldChars += ch.length;
          return;
        }
      }
    },
    close(name) {
      const local = path.pop();
      if (name.endsWith(':Fallback')) {
        fallbackDepth--;
        return;
      }
      if (fallbackDepth > 0) return;
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      if (local === 't') inText = false;
      else if (local === 'p') {
        const p = paragraphs.pop();
        if (p) finishParagraph(p);
      }
    },
    text(text) {
      if (!inText || skipDepth > 0 || fallbackDepth > 0) return;
      const p = current();
      if (!p) return;
      p.text += text;
      const visible = text.replace(/\s+/g, '').length;
      p.visibleChars += visible;
      if (runBold) p.boldChars += visible;
    },
  });
  return sink.paragraphs;
}
