/**
 * A word-level diff of two clause texts: what the redline shows (struck and inserted words) and what
 * carries an annotation's offsets from one version of a clause to the next. Tokens are words and the
 * runs between them, so a changed word never splits a neighbour and offsets stay exact.
 */
export interface DiffOp {
  op: 'same' | 'del' | 'ins';
  text: string;
}

const TOKEN = /[\p{L}\p{N}¹²³⁴⁵⁶⁷⁸⁹⁰]+|[^\p{L}\p{N}¹²³⁴⁵⁶⁷⁸⁹⁰]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Above this many token pairs the middle is taken as replaced whole (a clause is rarely so long). */
const MAX_CELLS = 4_000_000;

export function wordDiff(oldText: string, newText: string): DiffOp[] {
  const a = tokenize(oldText);
  const b = tokenize(newText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const ops: DiffOp[] = [];
  const push = (op: DiffOp['op'], text: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else if (text.length > 0) ops.push({ op, text });
  };
  for (let i = 0; i < head; i += 1) push('same', a[i]!);
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  for (const [op, text] of middle(am, bm)) push(op, text);
  for (let i = a.length - tail; i < a.length; i += 1) push('same', a[i]!);
  // Deletions before insertions at one place read best in a redline: «~~old~~ new».
  return ops;
}

function middle(a: string[], b: string[]): Array<[DiffOp['op'], string]> {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((t) => ['ins', t]);
  if (m === 0) return a.map((t) => ['del', t]);
  if (n * m > MAX_CELLS) return [...a.map((t): [DiffOp['op'], string] => ['del', t]), ...b.map((t): [DiffOp['op'], string] => ['ins', t])];
  // LCS lengths from the end, so the walk below goes forwards.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1)
    for (let j = m - 1; j >= 0; j -= 1)
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
  const out: Array<[DiffOp['op'], string]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push(['same', a[i]!]);
      i += 1;
      j += 1;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) out.push(['del', a[i++]!]);
    else out.push(['ins', b[j++]!]);
  }
  while (i < n) out.push(['del', a[i++]!]);
  while (j < m) out.push(['ins', b[j++]!]);
  return out;
}

/**
 * Where each character of the old text is in the new one (−1: deleted or replaced), from a diff.
 * An annotation's span is carried through this map.
 */
export function offsetMap(ops: readonly DiffOp[], oldLength: number): Int32Array {
  const map = new Int32Array(oldLength).fill(-1);
  let at = 0;
  let to = 0;
  for (const { op, text } of ops) {
    if (op === 'same') {
      for (let k = 0; k < text.length; k += 1) map[at + k] = to + k;
      at += text.length;
      to += text.length;
    } else if (op === 'del') at += text.length;
    else to += text.length;
  }
  return map;
}
