import type { SourceDocument } from '../source';
import { decodeText } from './encoding';
import { ParagraphSink } from './paragraphs';
import { unwrapLines } from './unwrap';
import { WarningSet } from './warnings';

/**
 * Plain text: one paragraph per line — or, in a hard-wrapped text, the lines of each paragraph joined
 * (unwrap.ts), each join reported. Blank lines separate nothing the parser needs, so they are dropped,
 * but every paragraph keeps its real line number in the file (its first line), which is what the report
 * points to.
 */
export function readText(bytes: Uint8Array): SourceDocument {
  const decoded = decodeText(bytes);
  const warnings = new WarningSet();
  if (decoded.guessed)
    warnings.add(decoded.encoding === 'windows-1251' ? 'cp1251' : 'otherEncoding', undefined, { encoding: decoded.encoding });
  const sink = new ParagraphSink();
  const lines = decoded.text.split(/\r\n|\r|\n|\u2028|\u2029/);
  const unwrapped = unwrapLines(lines.map((text, i) => ({ text, line: i + 1 })));
  if (unwrapped === null) for (let i = 0; i < lines.length; i++) sink.push(lines[i]!, undefined, i + 1);
  else for (const p of unwrapped.lines) sink.push(p.text, undefined, p.line);
  const source: SourceDocument = { format: 'text', encoding: decoded.encoding, paragraphs: sink.paragraphs, warnings: warnings.list() };
  if (unwrapped !== null && unwrapped.repairs.length > 0) source.repairs = unwrapped.repairs;
  return source;
}
