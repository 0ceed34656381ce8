import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../server/config';
import { pdfContains, type PdfResult } from '../helpers/libreoffice';

const run = promisify(execFile);

/** One LibreOffice profile per test process: LibreOffice locks its profile. */
const profile = fs.mkdtempSync(path.join(os.tmpdir(), `lo-batch-${process.pid}-`));

export interface DocxToCheck {
  name: string;
  docx: Uint8Array;
  /** Phrases the PDF's text must hold: the title and every finding's clause label. */
  phrases: readonly string[];
  /** Render the first pages as PNG (60 dpi) into test-artifacts/ (gitignored), to look at. */
  renderPages?: number;
}

/** Where rendered pages go: test-artifacts/<name>-<page>.png. */
export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, 'test-artifacts');

/**
 * Converts several DOCX to PDF with ONE real LibreOffice start (soffice converts every file named on
 * its command line; starting it is most of the cost), then reads each PDF's text with pdftotext and
 * asserts its phrases. The same proof as test/helpers/libreoffice.ts, batched.
 */
export async function expectAllOpenInLibreOffice(files: readonly DocxToCheck[]): Promise<Map<string, PdfResult>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-pdf-batch-'));
  try {
    const safe = files.map((f, i) => `${i}-${f.name.replace(/[^\w.-]+/g, '_')}`);
    if (new Set(safe).size !== safe.length) throw new Error('duplicate DOCX names in one batch');
    files.forEach((f, i) => fs.writeFileSync(path.join(dir, `${safe[i]}.docx`), f.docx));
    await run(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', dir, ...safe.map((s) => path.join(dir, `${s}.docx`))],
      { timeout: 180_000 },
    ).catch((err: unknown) => {
      throw new Error(`LibreOffice could not convert the batch (is libreoffice-writer-nogui installed?): ${String(err)}`);
    });
    const results = new Map<string, PdfResult>();
    for (const [i, file] of files.entries()) {
      const pdf = path.join(dir, `${safe[i]}.pdf`);
      expect(fs.existsSync(pdf), `LibreOffice produced no PDF for ${file.name}`).toBe(true);
      const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 256 * 1024 * 1024 });
      const { stdout: info } = await run('pdfinfo', [pdf]);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
      expect(pages, `${file.name} has no pages`).toBeGreaterThan(0);
      if (file.renderPages) {
        fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
        await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(file.renderPages), pdf, path.join(ARTIFACTS_DIR, file.name)]);
      }
      const missing = file.phrases.filter((phrase) => !pdfContains(text, phrase));
      expect(missing, `phrases missing from the PDF of ${file.name}`).toEqual([]);
      results.set(file.name, { text, pages });
    }
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
