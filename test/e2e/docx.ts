import { strFromU8, unzipSync } from 'fflate';

/** The main part of a DOCX; throws when the bytes are not a zip or the part is missing. */
export function docxDocumentXml(bytes: Uint8Array): string {
  const parts = unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' || file.name === '[Content_Types].xml' });
  if (!parts['[Content_Types].xml']) throw new Error('not a DOCX: [Content_Types].xml missing');
  const xml = parts['word/document.xml'];
  if (!xml) throw new Error('not a DOCX: word/document.xml missing');
  return strFromU8(xml);
}

/** The visible text of document.xml: the runs' w:t contents joined (a title may be split over runs). */
export function docxText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}
