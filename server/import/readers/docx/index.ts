import { ImportErrors } from '../../errors';
import type { SourceDocument } from '../../source';
import { decodeText } from '../encoding';
import { decodeHtml } from '../html';
import { htmlFromMht } from '../mht';
import { WarningSet } from '../warnings';
import { readDocumentBody } from './document';
import { ListCounter, NumberingDefs } from './numbering';
import { Styles } from './styles';
import { SafeZip } from './zip';

const OFFICE_DOCUMENT = /\/officeDocument$/;
const NUMBERING = /\/numbering$/;
const STYLES = /\/styles$/;
const ALT_CHUNK = /\/aFChunk$/;

/** Plain text embedded as altChunk goes through the HTML path as one paragraph per line. */
function escapeAsHtml(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('');
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** Relationship parts are tiny and flat; a regular expression reads them without a second parser. */
function readRelationships(zip: SafeZip, entry: string): Relationship[] {
  if (!zip.has(entry)) return [];
  const xml = zip.readText(entry);
  const out: Relationship[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attrs = match[1]!;
    const id = /\bId="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const type = /\bType="([^"]*)"/.exec(attrs)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(attrs)?.[1];
    const external = /\bTargetMode="External"/.test(attrs);
    if (type && target && !external) out.push({ id, type, target });
  }
  return out;
}

/** Resolves a relationship target against the folder of the part that declares it. */
function resolvePart(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${baseDir}${target}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

export interface DocxOptions {
  maxInflatedBytes: number;
}

/**
 * A DOCX (Office Open XML) draft: the main document part found through the package relationships,
 * with its numbering and styles so Word's automatic numbers are printed as Word prints them.
 */
export function readDocx(bytes: Uint8Array, options: DocxOptions): SourceDocument {
  const zip = SafeZip.open(bytes, options.maxInflatedBytes);
  const rootRels = readRelationships(zip, '_rels/.rels');
  const mainTarget = rootRels.find((r) => OFFICE_DOCUMENT.test(r.type))?.target;
  const main = mainTarget ? resolvePart('', mainTarget) : 'word/document.xml';
  if (!zip.has(main)) {
    // Other ZIP-based office files, renamed or not, deserve their own name in the refusal.
    if (zip.has('content.xml') || zip.has('mimetype')) throw ImportErrors.IMPORT_UNSUPPORTED_FORMAT({ format: 'ODT/OpenDocument' });
    if (zip.has('xl/workbook.xml')) throw ImportErrors.IMPORT_UNSUPPORTED_FORMAT({ format: 'XLSX' });
    if (zip.has('ppt/presentation.xml')) throw ImportErrors.IMPORT_UNSUPPORTED_FORMAT({ format: 'PPTX' });
    throw ImportErrors.IMPORT_DOCX_CORRUPT({ reason: `${main} missing` });
  }
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const rels = readRelationships(zip, `${dir}_rels/${main.slice(dir.length)}.rels`);
  const part = (pattern: RegExp, fallback: string) => {
    const target = rels.find((r) => pattern.test(r.type))?.target;
    return target ? resolvePart(dir, target) : zip.has(fallback) ? fallback : undefined;
  };
  const styles = Styles.read(zip, part(STYLES, `${dir}styles.xml`));
  const numbering = NumberingDefs.read(zip, part(NUMBERING, `${dir}numbering.xml`));
  const warnings = new WarningSet();
  const altChunk = (relId: string): string | null => {
    const rel = rels.find((r) => r.id === relId && ALT_CHUNK.test(r.type));
    const name = rel ? resolvePart(dir, rel.target) : undefined;
    if (!name || !zip.has(name)) return null;
    const chunks: Uint8Array[] = [];
    zip.read(name, (chunk) => chunks.push(chunk.slice()));
    const bytes = new Uint8Array(Buffer.concat(chunks));
    if (/\.(mht|mhtml)$/i.test(name)) return htmlFromMht(bytes);
    if (/\.(html?|xhtml)$/i.test(name)) return decodeHtml(bytes, warnings).html;
    if (/\.txt$/i.test(name)) return escapeAsHtml(decodeText(bytes).text);
    return null;
  };
  const paragraphs = readDocumentBody(zip, main, styles, new ListCounter(numbering, styles), warnings, altChunk);
  return { format: 'docx', paragraphs, warnings: warnings.list() };
}
