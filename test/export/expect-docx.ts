import { expect } from 'vitest';
import { docxToPdfText, pdfContains } from '../helpers/libreoffice';
import { docxParts } from './fixtures';

/**
 * Converts the DOCX with real LibreOffice and asserts that every phrase survives into the PDF's text.
 * Returns the PDF's page count and text for further checks.
 */
export async function expectOpensInLibreOffice(docx: Uint8Array, name: string, phrases: readonly string[]) {
  const pdf = await docxToPdfText(docx, name);
  expect(pdf.pages).toBeGreaterThan(0);
  const missing = phrases.filter((phrase) => !pdfContains(pdf.text, phrase));
  expect(missing, `phrases missing from the PDF of ${name}`).toEqual([]);
  return pdf;
}

/** Checks the package is a WordprocessingML document whose every XML part at least closes its root. */
export function expectWellFormedPackage(docx: Uint8Array): Record<string, string> {
  const parts = docxParts(docx);
  expect(parts['[Content_Types].xml']).toBeDefined();
  expect(parts['word/document.xml']).toMatch(/<w:document[\s\S]*<\/w:document>$/);
  for (const [name, xml] of Object.entries(parts)) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    // XML 1.0 forbids these characters anywhere, escaped or not: a sanitizer slip would show here.
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#x?0*(?:[0-8]|1[1-2]|1[4-9]|2\d|3[01]);/.test(xml), `${name} holds a character XML forbids`).toBe(false);
  }
  return parts;
}
