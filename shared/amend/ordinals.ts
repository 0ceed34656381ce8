/**
 * The place an instruction names in words: «в абзаце тридцать втором» → 32, «төртүнчү абзацындагы» → 4,
 * «абзац 3» → 3. The import keeps the phrase as printed (AmendmentTarget.paragraph); applying needs its value.
 * (The import has its own reader on the server side; shared/ may not import it.)
 */
// Longer stems first: «пятнадцат» and «пятидесят» must win over «пят».
const STEMS: ReadonlyArray<readonly [string, number]> = [
  ['одиннадцат', 11], ['двенадцат', 12], ['тринадцат', 13], ['четырнадцат', 14], ['пятнадцат', 15],
  ['шестнадцат', 16], ['семнадцат', 17], ['восемнадцат', 18], ['девятнадцат', 19], ['двадцат', 20],
  ['тридцат', 30], ['сороков', 40], ['пятидесят', 50], ['шестидесят', 60], ['семидесят', 70], ['восьмидесят', 80],
  ['девяност', 90],
  ['перв', 1], ['втор', 2], ['трет', 3], ['четверт', 4], ['пят', 5], ['шест', 6], ['седьм', 7], ['восьм', 8],
  ['девят', 9], ['десят', 10],
  ['жыйырманчы', 20], ['отузунчу', 30], ['кыркынчы', 40], ['элүүнчү', 50], ['алтымышынчы', 60],
  ['жетимишинчи', 70], ['сексенинчи', 80], ['токсонунчу', 90],
  ['биринчи', 1], ['экинчи', 2], ['үчүнчү', 3], ['төртүнчү', 4], ['бешинчи', 5], ['алтынчы', 6],
  ['жетинчи', 7], ['сегизинчи', 8], ['тогузунчу', 9], ['онунчу', 10],
];
const TENS: Readonly<Record<string, number>> = {
  двадцать: 20, тридцать: 30, сорок: 40, пятьдесят: 50, шестьдесят: 60, семьдесят: 70, восемьдесят: 80, девяносто: 90,
  он: 10, жыйырма: 20, отуз: 30, кырк: 40, элүү: 50, алтымыш: 60, жетимиш: 70, сексен: 80, токсон: 90,
};
const UNIT_WORD = /^(?:абзац|пункт|част)/u;

function ordinalWord(word: string): number | null {
  if (TENS[word] !== undefined) return null;
  for (const [stem, value] of STEMS) if (word.startsWith(stem)) return value;
  return null;
}

/** The number of the paragraph a phrase names, or null when it names none. */
export function paragraphNumber(phrase: string): number | null {
  const digits = /\d{1,3}/.exec(phrase);
  if (digits) return Number(digits[0]);
  const words = phrase.toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}]+/u).filter((w) => w && !UNIT_WORD.test(w) && w !== 'в');
  for (let i = 0; i < words.length; i++) {
    const tens = TENS[words[i]!];
    if (tens !== undefined && i + 1 < words.length) {
      const unit = ordinalWord(words[i + 1]!);
      if (unit !== null && unit <= 9) return tens + unit;
    }
    const value = ordinalWord(words[i]!);
    if (value !== null) return value;
  }
  return null;
}
