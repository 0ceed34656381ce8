import { words, type TextLang } from './words';

/** One run of a word diff: words kept, struck (only in the old text) or inserted (only in the new). */
export interface DiffPart {
  op: 'same' | 'del' | 'ins';
  text: string;
}

/** Above this many words on each side the diff gives up on alignment: old struck, new inserted (a clause is never that long). */
const MAX_WORDS = 3000;

/**
 * Word diff of two clause texts (longest common subsequence over normalised words), as runs with the
 * words as printed, for the redline of the evidence. Punctuation travels with the word before it.
 */
export function wordDiff(before: string, after: string, lang: TextLang): DiffPart[] {
  const a = pieces(before, lang);
  const b = pieces(after, lang);
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) return merge([...a.map((p) => ({ op: 'del' as const, text: p.text })), ...b.map((p) => ({ op: 'ins' as const, text: p.text }))]);
  const n = a.length;
  const m = b.length;
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i]!.key === b[j]!.key ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.key === b[j]!.key) {
      out.push({ op: 'same', text: b[j]!.text });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: 'del', text: a[i++]!.text });
    else out.push({ op: 'ins', text: b[j++]!.text });
  }
  while (i < n) out.push({ op: 'del', text: a[i++]!.text });
  while (j < m) out.push({ op: 'ins', text: b[j++]!.text });
  return merge(out);
}

/** Each word with the spaces and punctuation after it, so the runs print back as the text. */
function pieces(text: string, lang: TextLang): Array<{ key: string; text: string }> {
  const list = words(text, lang);
  const lead = list.length ? text.slice(0, list[0]!.start) : text;
  return list.map((w, k) => ({
    key: w.norm,
    text: (k === 0 ? lead : '') + text.slice(w.start, k + 1 < list.length ? list[k + 1]!.start : text.length),
  }));
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last && last.op === part.op) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}
