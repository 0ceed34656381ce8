import type { TextLang } from './words';

/**
 * What kind of norm a clause is, as far as the adoption detector needs it: its modality (may / must /
 * must not) and whether it only refers the matter to another act or to the Cabinet's rules. Read from
 * the fixed formulas of Russian and Kyrgyz legislative drafting (domain notes §3), not from a parser.
 */

export type Modality = 'permission' | 'duty' | 'ban';

// \p{L}-bounded words: JavaScript's \b does not know Cyrillic.
const W = (body: string) => new RegExp(`(?<![\\p{L}])(?:${body})(?![\\p{L}])`, 'iu');

const RU_BAN = W('не\\s+вправе|не\\s+может|не\\s+могут|не\\s+имеет\\s+права|не\\s+имеют\\s+права|запрещается|запрещено|не\\s+допускается');
const RU_DUTY = W('обязан[аоы]?|обязуется|долж(?:ен|на|но|ны)');
const RU_PERMISSION = W('вправе|может|могут|имеет\\s+право|имеют\\s+право');
const KY_BAN = W('тыюу\\s+салын\\p{L}*|укугу\\s+жок');
const KY_DUTY = W('милдеттүү|тийиш|керек');
const KY_PERMISSION = W('укуктуу|мүмкүн');

/** The clause's modality; a duty outranks a ban, a ban a permission («не вправе» is a ban, not a permission). */
export function modality(text: string, lang: TextLang): Modality | null {
  const [ban, duty, permission] = lang === 'ru' ? [RU_BAN, RU_DUTY, RU_PERMISSION] : [KY_BAN, KY_DUTY, KY_PERMISSION];
  if (duty.test(text)) return 'duty';
  if (ban.test(text)) return 'ban';
  // A permission only when it is not part of a ban («не может»).
  return permission.test(text.replace(lang === 'ru' ? RU_BAN : KY_BAN, ' ')) ? 'permission' : null;
}

// «Порядок … определяется Кабинетом Министров», «… в порядке, установленном законодательством»,
// «… в соответствии с Законом …», «… общевоинскими уставами»; ky «… Министрлер Кабинети тарабынан
// аныкталат», «… Кодексине ылайык жүргүзүлөт», «… мыйзамдарында белгиленген тартипте».
const RU_REFERRAL = [
  W('(?:определя|устанавлива|утвержда|регулиру|регламентиру)\\p{L}*[^.;]{0,120}?(?:кабинет\\p{L}*\\s+министров|правительств\\p{L}*|законодательств\\p{L}*|закон\\p{L}*|кодекс\\p{L}*|устав\\p{L}*|правил\\p{L}*|положени\\p{L}*|нормативн\\p{L}*\\s+правов\\p{L}*\\s+акт\\p{L}*)'),
  W('в\\s+(?:порядке|случаях|размерах?)[^.;]{0,40}?(?:установленн|определяем|предусмотренн|утвержденн)\\p{L}*'),
  W('в\\s+соответствии\\s+с\\s+(?:закон\\p{L}*|законодательств\\p{L}*|кодекс\\p{L}*|правилами|положением|порядком)'),
];
const KY_REFERRAL = [
  W('министрлер\\s+кабинети[^.;]{0,80}?(?:аныкта|бекит|белгиле|жөнгө\\s+салы)\\p{L}*'),
  W('(?:мыйзам|кодекс|мыйзамдар|токтом|жобо|эреже)\\p{L}*\\s+ылайык'),
  W('(?:белгиленген|аныкталган|бекитилген)\\s+(?:тартипте|өлчөмдө)'),
];

/** Does the clause hand the matter to another act or to the Cabinet's (the Government's) rules? */
export function refersElsewhere(text: string, lang: TextLang): boolean {
  return (lang === 'ru' ? RU_REFERRAL : KY_REFERRAL).some((pattern) => pattern.test(text));
}
