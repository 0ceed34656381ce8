/**
 * Words of a unit's text as instructions name them: found only as whole words («бир» is not inside
 * «бирине»), counted so that words standing twice are never changed by guess, and removed or inserted
 * with the spacing and commas a drafter would leave.
 */
const LETTER = /[\p{L}\p{N}]/u;

/** Non-breaking and other spaces read as plain spaces, index for index. */
const plain = (s: string): string => s.replace(/[\u00a0\u2007\u202f]/g, ' ');

/** Every start index of `words` in `text` where they stand as whole words. */
export function findWords(text: string, words: string): number[] {
  const hay = plain(text);
  const needle = plain(words);
  if (needle.length === 0) return [];
  const checkBefore = LETTER.test(needle[0]!);
  const checkAfter = LETTER.test(needle[needle.length - 1]!);
  const found: number[] = [];
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (checkBefore && at > 0 && LETTER.test(hay[at - 1]!)) continue;
    const end = at + needle.length;
    if (checkAfter && end < hay.length && LETTER.test(hay[end]!)) continue;
    found.push(at);
  }
  return found;
}

/** Spaces the text as printed: one space between words, none before a closing punctuation mark. */
export function tidy(text: string): string {
  return text
    .replace(/ {2,}/g, ' ')
    .replace(/ +([,.;:)»])/g, '$1')
    .replace(/([(«]) +/g, '$1')
    .replace(/,(?=[,.;:])/g, '')
    .trim();
}

/** `text` without the words at `at`; a comma the words leave orphaned goes with them. */
export function removeAt(text: string, at: number, length: number): string {
  let start = at;
  let end = at + length;
  const removed = text.slice(start, end);
  if (LETTER.test(removed[0] ?? '') && LETTER.test(removed[removed.length - 1] ?? '')) {
    const before = text.slice(0, start);
    const after = text.slice(end);
    // «не назначается женщинам, лицам» − «женщинам» → «не назначается лицам»: the list's comma goes too.
    if (/^,/.test(after) && !/,\s*$/.test(before)) end += 1;
    // «X, Y и Z» − «Y» → «X и Z»; «X, Y, Z» − «Y» → «X, Z».
    else if (/,\s*$/.test(before) && /^(?:\s|[.;:]|$)/.test(after)) start = before.replace(/,\s*$/, '').length;
  }
  return tidy(text.slice(0, start) + ' ' + text.slice(end));
}

/** `text` with `words` put at `at`, a space on the side that needs one. */
export function insertAt(text: string, at: number, words: string): string {
  const left = text.slice(0, at);
  const right = text.slice(at);
  const joinLeft = /^[,.;:)]/.test(words) || left === '' || /[\s(«]$/.test(left) ? '' : ' ';
  const joinRight = right === '' || /^[\s,.;:)»]/.test(right) ? '' : ' ';
  return tidy(left + joinLeft + words + joinRight + right);
}

/** Where words added «at the end» of a unit go: before its closing stop, semicolon or colon. */
export function endPosition(text: string): number {
  const m = /[.;:]\s*$/.exec(text);
  return m ? m.index : text.trimEnd().length;
}

/** Quotes around new text as the amending law prints it: «…», "…", “…”, with a trailing ». or »; */
export function unquote(text: string): string {
  return text
    .trim()
    .replace(/^[«"“„]/, '')
    .replace(/[»"”]\s*[.;,]?\s*$/, '')
    .trim();
}
