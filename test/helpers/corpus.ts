import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config';

/**
 * The team's real law texts live in ../shared/corpus beside the checkout (always in CI). They are read
 * from there, never copied into the project. Tests that need them are skipped, saying so, when absent.
 */
export const CORPUS_DIR = process.env.TENDIK_CORPUS ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'corpus');

export function corpusAvailable(file?: string): boolean {
  const available = fs.existsSync(file ? path.join(CORPUS_DIR, file) : CORPUS_DIR);
  if (!available)
    console.warn(`[tendik] ../shared/corpus${file ? '/' + file : ''} not found: tests on the real law texts are SKIPPED.`);
  return available;
}

/**
 * Reads a corpus file without its first line, which names the source. Without the corpus it returns ''
 * because vitest still runs the body of a `describe.runIf(false)` block to collect (and skip) its tests.
 */
export function readCorpus(file: string): string {
  const at = path.join(CORPUS_DIR, file);
  if (!fs.existsSync(at)) return '';
  const raw = fs.readFileSync(at, 'utf8');
  return raw.slice(raw.indexOf('\n') + 1);
}
