/**
 * Words struck and inserted between a unit before and after an instruction, for the side-by-side view and
 * for reading instructions back from two texts. Tokens are words with the punctuation stuck to them and the
 * spaces between, so joining the segments gives the texts back exactly.
 */
export interface DiffSegment {
  kind: 'same' | 'del' | 'ins';
  text: string;
}

const TOKEN = /\S+\s*|\s+/gu;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Longest common subsequence of tokens, after the common head and tail are taken off (units differ little). */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const a = tokens(before);
  const b = tokens(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const out: DiffSegment[] = [];
  const push = (kind: DiffSegment['kind'], text: string): void => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  push('same', a.slice(0, head).join(''));
  // the middle is small in practice; bounded so a restated article cannot make it quadratic in a code's size
  if (x.length * y.length > 250_000) {
    push('del', x.join(''));
    push('ins', y.join(''));
  } else {
    const n = x.length;
    const m = y.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[i] === y[j]) {
        push('same', x[i]!);
        i++;
        j++;
        // words struck come before the words put in their place, as a reader expects them
      } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) push('del', x[i++]!);
      else push('ins', y[j++]!);
    }
  }
  push('same', a.slice(a.length - tail).join(''));
  return out;
}
