import { ImportErrors } from '../../errors';
import type { SourceDocument } from '../../source';
import { WarningSet } from '../warnings';
import { readDocumentBody } from './document';
import { ListCounter, NumberingDefs } from './numbering';
import { Styles } from './styles';
import { SafeZip } from './zip';

const OFFICE_DOCUMENT = /\/officeDocument$/;
const NUMBERING = /\/numbering$/;
const STYLES = /\/styles$/;

interface Relationship {
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
    const type = /\bType="([^"]*)"/.exec(attrs)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(attrs)?.[1];
    const external = /\bTargetMode="External"/.test(attrs);
    if (type && target && !external) out.push({ type, target });
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
  const paragraphs = readDocumentBody(zip, main, styles, new ListCounter(numbering, styles), warnings);
  return { format: 'docx', paragraphs, warnings: warnings.list() };
}
