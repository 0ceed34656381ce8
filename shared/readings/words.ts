/**
 * Words of a clause as the adoption detector compares them: lower case, «ё» as «е», hyphenated
 * compounds kept whole («ата-энелердин» is not «энелердин»), figures kept, and a light stem that
 * strips inflection so «матерям» meets «матери» and «аялдарга» meets «аялдардын». A stemmer, not a
 * morphology: good enough to say whether the same word is still in the text, wrong on rare forms.
 */

export type TextLang = 'ru' | 'ky';

export interface Word {
  /** As printed. */
  form: string;
  /** Lower case, «ё» → «е». */
  norm: string;
  stem: string;
  /** Function words («и», «в», «жана») never count as a change of substance. */
  content: boolean;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)*/gu;

const RU_STOP = new Set(
  'и в во на с со по о об а также при этом для за из к ко от до у же ли то или либо но что как их его ее её их их этой этого этих настоящей настоящего настоящим который которая которые которых'.split(' '),
);
const KY_STOP = new Set('жана менен үчүн же да дагы ошол бул ушул ал алар мында болуп ошондой эле'.split(' '));

// Longest first. Russian: one ending is stripped; Kyrgyz: up to three suffixes (case after plural after possessive).
const RU_ENDINGS = [
  'ующимися', 'ившимися', 'ающихся', 'ающимся', 'ующих', 'ющихся', 'ящихся', 'ениями', 'ениях', 'ением', 'ением',
  'ается', 'яется', 'уется', 'ются', 'ется', 'ится', 'ятся', 'атся', 'ости', 'остью', 'ению', 'ения', 'ение', 'ений',
  'ями', 'ами', 'ого', 'его', 'ему', 'ому', 'ыми', 'ими', 'ией', 'иях', 'иям', 'ием', 'ать', 'ять', 'ить', 'еть', 'ешь',
  'ях', 'ах', 'ам', 'ям', 'ов', 'ев', 'ей', 'ой', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ую', 'юю', 'ом', 'ем', 'ым',
  'им', 'их', 'ых', 'ия', 'ие', 'ию', 'ья', 'ье', 'ет', 'ют', 'ут', 'ит', 'ят', 'ат', 'ть', 'ся', 'ла', 'ли', 'ло',
  'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'й',
];
const KY_SUFFIXES = [
  'лардын', 'лердин', 'лордун', 'лөрдүн', 'дардын', 'дердин', 'тардын', 'тердин',
  'ларга', 'лерге', 'лорго', 'лөргө', 'дарга', 'дерге', 'тарга', 'терге',
  'лары', 'лери', 'дары', 'дери', 'тары', 'тери',
  'нын', 'нин', 'нун', 'нүн', 'дын', 'дин', 'дун', 'дүн', 'тын', 'тин', 'тун', 'түн',
  'дан', 'ден', 'дон', 'дөн', 'тан', 'тен', 'тон', 'төн', 'нан', 'нен', 'нон', 'нөн',
  'лар', 'лер', 'лор', 'лөр', 'дар', 'дер', 'дор', 'дөр', 'тар', 'тер', 'тор', 'төр',
  'ына', 'ине', 'уна', 'үнө', 'сына', 'сине',
  'га', 'ге', 'го', 'гө', 'ка', 'ке', 'ко', 'кө', 'да', 'де', 'до', 'дө', 'та', 'те', 'то', 'тө',
  'ны', 'ни', 'ну', 'нү', 'ды', 'ди', 'ду', 'дү', 'ты', 'ти', 'ту', 'тү', 'сы', 'си', 'су', 'сү',
  'ы', 'и', 'у', 'ү',
];

/** Tens in words, so «семидесяти процентов» meets «70 процентов» and «жетимиш пайыз» meets «70 пайыз». */
const NUMERALS: ReadonlyArray<[RegExp, string]> = [
  [/^(двадцат|двадцати)/, '20'], [/^(тридцат)/, '30'], [/^(сорок)/, '40'], [/^(пятьдесят|пятидесят)/, '50'],
  [/^(шестьдесят|шестидесят)/, '60'], [/^(семьдесят|семидесят)/, '70'], [/^(восемьдесят|восьмидесят)/, '80'],
  [/^(девяност)/, '90'], [/^(жыйырма)/, '20'], [/^(отуз)/, '30'], [/^(кырк)/, '40'], [/^(элүү)/, '50'],
  [/^(алтымыш)/, '60'], [/^(жетимиш)/, '70'], [/^(сексен)/, '80'], [/^(токсон)/, '90'],
];

export function normalizeWord(form: string): string {
  return form.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/‐/g, '-');
}

export function stem(norm: string, lang: TextLang): string {
  if (/^\d+$/.test(norm)) return norm;
  for (const [pattern, figure] of NUMERALS) if (pattern.test(norm)) return figure;
  if (norm.includes('-')) return norm.split('-').map((part) => stem(part, lang)).join('-');
  if (lang === 'ru') {
    for (const ending of RU_ENDINGS) if (norm.length - ending.length >= 3 && norm.endsWith(ending)) return norm.slice(0, -ending.length);
    return norm;
  }
  let word = norm;
  for (let round = 0; round < 3; round++) {
    const suffix = KY_SUFFIXES.find((s) => word.length - s.length >= 3 && word.endsWith(s));
    if (!suffix) break;
    word = word.slice(0, -suffix.length);
  }
  return word;
}

export function words(text: string, lang: TextLang): Word[] {
  const stop = lang === 'ru' ? RU_STOP : KY_STOP;
  const out: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const norm = normalizeWord(match[0]);
    out.push({ form: match[0], norm, stem: stem(norm, lang), content: !stop.has(norm), start: match.index, end: match.index + match[0].length });
  }
  return out;
}

/** Stems of the content words with their counts: «матерям … матерям» counts twice. */
export function stemCounts(list: readonly Word[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of list) if (w.content) counts.set(w.stem, (counts.get(w.stem) ?? 0) + 1);
  return counts;
}

/** Which language a clause is in, when the caller does not know: Kyrgyz letters or function words. */
export function guessLang(text: string): TextLang {
  return /[өүң]/i.test(text) || /(^|\s)(жана|менен|боюнча|үчүн)(\s|$)/i.test(text) ? 'ky' : 'ru';
}
