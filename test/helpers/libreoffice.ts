import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Opens a DOCX in real LibreOffice (Debian libreoffice-writer-nogui, installed by
 * scripts/ensure-system-deps.sh), converts it to PDF and returns the PDF's text (pdftotext -layout
 * off, so words keep their reading order). Proves the file is one a real office suite opens and lays
 * out, not just well-formed XML.
 *
 * One LibreOffice profile per test process (LibreOffice locks its profile), conversions queued one at a
 * time within the process: the machine is small and soffice is heavy.
 */
const profile = fs.mkdtempSync(path.join(os.tmpdir(), `lo-${process.pid}-`));
let queue: Promise<unknown> = Promise.resolve();

export interface PdfResult {
  text: string;
  pages: number;
}

export function docxToPdfText(docx: Uint8Array, name = 'export'): Promise<PdfResult> {
  const job = queue.then(() => convert(docx, name));
  queue = job.catch(() => undefined);
  return job;
}

async function convert(docx: Uint8Array, name: string): Promise<PdfResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-pdf-'));
  try {
    const safe = name.replace(/[^\w.-]+/g, '_');
    const input = path.join(dir, `${safe}.docx`);
    fs.writeFileSync(input, docx);
    await run(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', dir, input],
      { timeout: 90_000 },
    ).catch((err: unknown) => {
      throw new Error(`LibreOffice could not convert ${safe}.docx (is libreoffice-writer-nogui installed?): ${String(err)}`);
    });
    const pdf = path.join(dir, `${safe}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${safe}.docx`);
    const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 256 * 1024 * 1024 });
    const { stdout: info } = await run('pdfinfo', [pdf]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    return { text, pages };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Whether the PDF text holds the phrase: pdftotext breaks lines where the layout did, so whitespace
 * is squeezed on both sides, and a break right after a hyphen ("12-\n1") may lose the space.
 */
export function pdfContains(pdfText: string, phrase: string): boolean {
  const squeeze = (t: string) => t.replace(/\s+/g, ' ').trim();
  const text = squeeze(pdfText);
  const wanted = squeeze(phrase);
  return text.includes(wanted) || text.replace(/- /g, '-').includes(wanted);
}

/**
 * The DOCX as LibreOffice saves it again after opening it (Word 2007–365 format): what a drafter who
 * works in LibreOffice hands back. Tracked changes and comments must survive the round trip.
 */
export function docxThroughLibreOffice(docx: Uint8Array, name = 'export'): Promise<Uint8Array> {
  const job = queue.then(() => resave(docx, name));
  queue = job.catch(() => undefined);
  return job;
}

async function resave(docx: Uint8Array, name: string): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-resave-'));
  try {
    const safe = name.replace(/[^\w.-]+/g, '_');
    const inDir = path.join(dir, 'in');
    const outDir = path.join(dir, 'out');
    fs.mkdirSync(inDir);
    fs.writeFileSync(path.join(inDir, `${safe}.docx`), docx);
    await run(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, path.join(inDir, `${safe}.docx`)],
      { timeout: 120_000 },
    );
    return new Uint8Array(fs.readFileSync(path.join(outDir, `${safe}.docx`)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
