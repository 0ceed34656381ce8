import { Parser } from 'htmlparser2';
import type { SourceDocument } from '../source';
import { bomEncoding, canonicalEncoding, decodeText, decodeWith, isValidUtf8 } from './encoding';
import { LINE_BREAK, ParagraphSink, splitManualBreaks } from './paragraphs';
import { WarningSet } from './warnings';

/** Elements that end a paragraph where they open and where they close. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements whose content never reaches the draft: executable, embedded, or not part of the page's text. */
const DROPPED_ACTIVE = new Set(['script', 'iframe', 'object', 'embed', 'applet', 'frame', 'frameset', 'noscript', 'template']);
// Not `head` itself: pages that never close it would lose their body; what head holds is dropped anyway.
const DROPPED_QUIET = new Set(['style', 'title', 'svg', 'math', 'select', 'button', 'xml', 'textarea']);

/** Word-HTML marks headers, footers, footnotes and comments with `mso-element:` in the style attribute. */
const MSO_ELEMENT = /mso-element\s*:\s*(header|footer|footnote|endnote|comment|footnote-list|endnote-list|comment-list|field-begin)/i;

/**
 * The charset a page declares: BOM, then `<meta charset>` or `<meta http-equiv content="…charset=…">` in
 * the first 4 KB (read as Latin-1, which is what the HTML standard's prescan does).
 */
export function sniffHtmlCharset(bytes: Uint8Array): { encoding: string; declared: boolean } | null {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom.encoding, declared: true };
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) {
    const name = canonicalEncoding(meta[1]!);
    if (name) return { encoding: name, declared: true };
  }
  return null;
}

/**
 * HTML and the Word-HTML the official portal exports (MsoNormal paragraphs, `<o:p>`, conditional comments,
 * `<![if !supportLists]>` list numbers) to paragraphs. Only text nodes are read, so attributes — event
 * handlers, `javascript:` URLs, styles — can never reach the draft; their presence is reported once.
 */
export function readHtml(bytes: Uint8Array): SourceDocument {
  const warnings = new WarningSet();
  const { html, encoding } = decodeHtml(bytes, warnings);
  const sink = new ParagraphSink();
  parseHtmlInto(html, sink, warnings);
  return { format: 'html', encoding, paragraphs: sink.paragraphs, warnings: warnings.list() };
}

/** The page's text: declared charset (unless the bytes contradict it), else detected like plain text. */
export function decodeHtml(bytes: Uint8Array, warnings: WarningSet): { html: string; encoding: string } {
  const sniffed = sniffHtmlCharset(bytes);
  let html: string;
  let encoding: string;
  const bom = bomEncoding(bytes);
  // A page re-saved by an editor often keeps its old <meta charset>: bytes that contradict the
  // declaration win (valid UTF-8 with non-ASCII is never accidental Windows-1251 text, and vice versa).
  const contradicted =
    sniffed !== null &&
    !bom &&
    (sniffed.encoding === 'utf-8' ? !isValidUtf8(bytes) : bytes.some((b) => b >= 0x80) && isValidUtf8(bytes));
  if (sniffed && !contradicted) {
    html = decodeWith(bom ? bytes.subarray(bom.length) : bytes, sniffed.encoding);
    encoding = sniffed.encoding;
  } else {
    const decoded = decodeText(bytes);
    html = decoded.text;
    encoding = decoded.encoding;
    if (decoded.guessed) warnings.add(encoding === 'windows-1251' ? 'cp1251' : 'otherEncoding', undefined, { encoding });
  }

  return { html, encoding };
}

/** Parses HTML text into paragraphs appended to `sink` (shared with a DOCX whose altChunk is HTML). */
export function parseHtmlInto(html: string, sink: ParagraphSink, warnings: WarningSet): void {
  let text = '';
  let boldChars = 0;
  let visibleChars = 0;
  let blockTag: string | undefined;
  let blockClass: string | undefined;
  let centered = false;
  /** Depth inside elements whose text is dropped; text counts only at depth 0. */
  let dropDepth = 0;
  const stack: Array<{ name: string; drops: boolean; bold: boolean; pre: boolean }> = [];
  let boldDepth = 0;
  let preDepth = 0;

  const flush = () => {
    if (text.trim().length > 0) {
      const bold = visibleChars > 0 && boldChars >= visibleChars;
      for (const segment of splitManualBreaks(text)) sink.push(segment, { style: blockClass ?? blockTag, bold, centered });
    }
    text = '';
    boldChars = 0;
    visibleChars = 0;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        for (const [attr, value] of Object.entries(attribs)) {
          if (attr.startsWith('on') || /^\s*(javascript|vbscript):|^\s*data:text\/html/i.test(value)) warnings.add('scripts', sink.nextLine);
        }
        const style = attribs.style ?? '';
        let drops = false;
        if (DROPPED_ACTIVE.has(name)) {
          drops = true;
          warnings.add('scripts', sink.nextLine);
        } else if (DROPPED_QUIET.has(name) || MSO_ELEMENT.test(style) || /display\s*:\s*none|mso-hide\s*:\s*all/i.test(style)) {
          drops = true;
          if (/footnote|endnote/i.test(style)) warnings.add('notes', sink.nextLine);
          else if (/comment/i.test(style)) warnings.add('comments', sink.nextLine);
        } else if (name === 'img' || name === 'v:imagedata' || name === 'v:shape' || name === 'picture') {
          warnings.add('images', sink.nextLine);
        } else if (name === 'a' && /^_?(ftn|edn)ref/i.test(attribs.name ?? attribs.href?.replace('#', '') ?? '')) {
          // Word-HTML footnote marks: «[1]» links to the notes we do not import.
          drops = true;
          warnings.add('notes', sink.nextLine);
        }
        const bold = name === 'b' || name === 'strong' || /font-weight\s*:\s*(bold|[6-9]00)/i.test(style);
        stack.push({ name, drops, bold, pre: name === 'pre' });
        if (drops) dropDepth++;
        if (bold) boldDepth++;
        if (name === 'pre') preDepth++;
        if (dropDepth > 0) return;
        if (BLOCK.has(name)) {
          flush();
          blockTag = name;
          blockClass = attribs.class?.split(/\s+/).find((c) => /^Mso/i.test(c));
          centered = (attribs.align ?? '').toLowerCase() === 'center' || /text-align\s*:\s*center/i.test(style);
        } else if (name === 'br') {
          text += LINE_BREAK;
        }
      },
      onclosetag(name) {
        // htmlparser2 closes implied tags itself; pop until the matching entry.
        let index = stack.length - 1;
        while (index >= 0 && stack[index]!.name !== name) index--;
        if (index < 0) return;
        while (stack.length > index) {
          const entry = stack.pop()!;
          if (entry.drops) dropDepth--;
          if (entry.bold) boldDepth--;
          if (entry.pre) preDepth--;
          if (dropDepth === 0 && BLOCK.has(entry.name)) flush();
        }
      },
      ontext(data) {
        if (dropDepth > 0) return;
        if (preDepth > 0 && /[\r\n]/.test(data)) {
          const lines = data.split(/\r\n|\r|\n/);
          lines.forEach((line, i) => {
            if (i > 0) flush();
            text += line;
          });
          return;
        }
        text += data;
        const visible = data.replace(/[\s\u00A0]+/g, '').length;
        visibleChars += visible;
        if (boldDepth > 0) boldChars += visible;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
}
