import type { Lang } from '../i18n/lang';
import { cleanLine } from './sanitize';

/**
 * The addressee block of a letter is in the dative: «Комитету Жогорку Кенеша … по социальной
 * политике / Председателю комитета А. Т. Асановой». The form gives the committee's name as it is
 * named (nominative, from the registry) and the chair's name; the conclusion declines what declines:
 * - in a committee's name only the word "committee" declines (the rest is genitive or prepositional):
 *   «Комитет …» → «Комитету …», «… комитети» → «… комитетине»;
 * - a chair given by name alone gets her position and her surname in the dative, by the regular
 *   endings of Kyrgyz and Russian surnames (-ова → -овой, -ов → -ову; ky: -ага, -го …); a surname
 *   without them stays as it is, as Russian grammar leaves it. A line that names a position already
 *   («Председателю комитета …») is the secretary's own and is left as typed.
 *
 * NATIVE CHECK PENDING (ky): «комитетине», «Комитеттин төрагасы …га».
 */
export function committeeInDative(name: string, lang: Lang): string {
  const text = cleanLine(name);
  if (lang === 'ru') return text.replace(/^Комитет(?=\s|$)/u, 'Комитету').replace(/^комитет(?=\s|$)/u, 'комитету');
  if (lang === 'ky') return text.replace(/комитети$/u, 'комитетине').replace(/комитет$/u, 'комитетке');
  return text;
}

const INITIAL = /^(?:\p{Lu}\.)+$/u;
const POSITION = /председател|төрага|chair|депутат|руководител|жетекчи/iu;

/** A Russian surname in the dative: Асанова → Асановой, Осмонов → Осмонову; others as they are. */
function ruDative(surname: string): string {
  if (/(?:ова|ева|ёва|ина|ына|ская|цкая)$/u.test(surname)) return surname.replace(/ая$/u, 'ой').replace(/а$/u, 'ой');
  if (/(?:ов|ев|ёв|ин|ын)$/u.test(surname)) return `${surname}у`;
  if (/(?:ский|цкий)$/u.test(surname)) return surname.replace(/ий$/u, 'ому');
  return surname;
}

/** A Kyrgyz dative ending by vowel harmony and the last sound: Асанова → Асановага, Осмонов → Осмоновго. */
function kyDative(word: string): string {
  const vowels = word.toLocaleLowerCase().match(/[аеёиоөуүыэюя]/gu) ?? [];
  const last = vowels.at(-1) ?? 'а';
  const vowel = /[оуёю]/u.test(last) ? 'о' : /[өү]/u.test(last) ? 'ө' : /[еиэ]/u.test(last) ? 'е' : 'а';
  const consonant = /[кпстфхцчшщ]$/iu.test(word) ? 'к' : 'г';
  return `${word}${consonant}${vowel}`;
}

/** The chair's line of the addressee block, in the dative. */
export function chairInDative(chair: string, lang: Lang): string {
  const text = cleanLine(chair);
  if (!text || POSITION.test(text)) return text;
  const words = text.split(' ');
  const at = words.map((w, i) => (INITIAL.test(w) ? -1 : i)).filter((i) => i >= 0).at(-1);
  if (at === undefined) return text;
  if (lang === 'en') return `${words.join('\u00A0')}, Chair of the Committee`;
  // Initials and surname are one unit on the line: joined by no-break spaces, never split.
  const declined = words.map((w, i) => (i === at ? (lang === 'ru' ? ruDative(w) : kyDative(w)) : w)).join('\u00A0');
  return lang === 'ru' ? `Председателю комитета ${declined}` : `Комитеттин төрагасы ${declined}`;
}
