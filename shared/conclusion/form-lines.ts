import type { ConclusionFields } from '../review-model';
import { cleanLine } from './sanitize';

/**
 * The conclusion's list fields as the form edits them: one entry per line of a text area, so the
 * secretary can paste a list from a letter. Blank lines are dropped; the reverse functions give back
 * exactly what parsing reads, so a field shown and saved unchanged stays the same.
 */

type Expert = ConclusionFields['experts'][number];
type Signatory = ConclusionFields['signatories'][number];

const lines = (text: string) => text.split(/\r?\n/).map(cleanLine).filter(Boolean);

/** "Name, affiliation": the first comma separates them (a name has no comma; an affiliation may). */
export function expertsFromLines(text: string): Expert[] {
  return lines(text).map((line) => {
    const comma = line.indexOf(',');
    if (comma < 0) return { name: line };
    const affiliation = line.slice(comma + 1).trim();
    return { name: line.slice(0, comma).trim(), ...(affiliation ? { affiliation } : {}) };
  });
}

export function expertsToLines(experts: readonly Partial<Expert>[] | undefined): string {
  return (experts ?? []).map((e) => [cleanLine(e.name), cleanLine(e.affiliation)].filter(Boolean).join(', ')).join('\n');
}

/** "Position — Name": the last dash between spaces separates them (a position may hold a dash). */
export function signatoriesFromLines(text: string): Signatory[] {
  return lines(text).map((line) => {
    const match = /^(.*\S)\s+[—–-]\s+(\S.*)$/.exec(line);
    return match ? { position: match[1]!, name: match[2]! } : { position: '', name: line };
  });
}

export function signatoriesToLines(signatories: readonly Partial<Signatory>[] | undefined): string {
  return (signatories ?? [])
    .map((s) => [cleanLine(s.position), cleanLine(s.name)].filter(Boolean).join(' — '))
    .filter(Boolean)
    .join('\n');
}

export function annexesFromLines(text: string): string[] {
  return lines(text);
}

export function annexesToLines(annexes: readonly string[] | undefined): string {
  return (annexes ?? []).map(cleanLine).filter(Boolean).join('\n');
}

/**
 * The stored per-criterion texts after the secretary edits one criterion's text area. Only a text of
 * her own is stored: an unchanged composed text or an empty area removes the entry, so that criterion
 * is composed again from the current answers and findings.
 */
export function analysisAfterEdit(
  written: Readonly<Record<string, string>> | undefined,
  item: { criterionId: string; text: string; prefilled: boolean },
  value: string,
): Record<string, string> {
  const next = { ...(written ?? {}) };
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (!text || (item.prefilled && text === item.text.trim())) delete next[item.criterionId];
  else next[item.criterionId] = text;
  return next;
}
