/**
 * One normalisation for text words, data words and morphology output alike, so that «ЖЁНЫ», «жёны»
 * and «жены» compare equal: NFC, lower case, ё→е, soft hyphen removed.
 */
export function normalizeWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/\u00AD/g, '');
}

/** Normalises a quoted span for identity: word normalisation plus collapsed whitespace. */
export function normalizeSpanText(text: string): string {
  return normalizeWord(text).replace(/\s+/g, ' ').trim();
}
