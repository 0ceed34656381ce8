import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function sofficeAvailable(): boolean {
  const found = (process.env.PATH ?? '').split(':').some((dir) => fs.existsSync(path.join(dir, 'soffice')));
  if (!found) console.warn('[tendik] soffice not found: the LibreOffice cross-check of DOCX numbering is SKIPPED.');
  return found;
}

/**
 * Real LibreOffice as an independent oracle for Word numbering: it opens each DOCX and exports plain
 * text with the list numbers as it lays them out. All files go through one soffice run (it is heavy),
 * with a private profile (LibreOffice locks its profile).
 */
export async function sofficeTexts(docs: Record<string, Uint8Array>): Promise<Record<string, string[]>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-lo-text-'));
  try {
    const inputs = Object.entries(docs).map(([name, bytes]) => {
      const file = path.join(dir, `${name}.docx`);
      fs.writeFileSync(file, bytes);
      return file;
    });
    await run(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, ...inputs],
      { timeout: 120_000 },
    );
    const out: Record<string, string[]> = {};
    for (const name of Object.keys(docs)) {
      const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8').replace(/^\uFEFF/, '');
      out[name] = text
        .split(/\r?\n/)
        .map((line) => line.replace(/[\s\u00A0]+/g, ' ').trim())
        .filter((line) => line.length > 0);
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
