import { format, type I18nText, type Lang } from '../i18n/lang';
import type { LegalBasis } from '../review-model';
import { cleanLine } from './sanitize';
import { CITATION_TEXTS } from './strings';

/**
 * The legal basis of a proposal cited as Kyrgyz legal texts cite it, grouped by source: «статья 24
 * Конституции Кыргызской Республики; статья 1 и пункт 1 статьи 15 Конвенции о ликвидации всех форм
 * дискриминации в отношении женщин», «Кыргыз Республикасынын Конституциясынын 24-беренеси»,
 * "Article 24 of the Constitution of the Kyrgyz Republic". Methodological sources (EIGE, ODIHR) are
 * named apart, as the method the experts followed, never as legal basis.
 *
 * The checklist (checklists/*.yml) gives each source its title in the nominative and each reference
 * an article as the source numbers it ("16(1)(c)", "5(b)", "172–177", "step 3"). A citation needs the
 * source in the genitive, which the checklist does not hold: the sources it names are listed here.
 * A source not listed is cited by its title, with its articles after a colon.
 *
 * NATIVE CHECK PENDING (ky): the genitive forms and the article phrases.
 */

type SourceKind = 'treaty' | 'national' | 'document';

/**
 * A legal source with its name in the genitive, as it follows «статья 5 …» (ru), precedes «5-беренеси»
 * (ky), follows "Article 5 of" (en); or a methodology, cited by its title with its steps.
 */
type KnownSource = { kind: SourceKind; genitive: I18nText } | { kind: 'methodology' };

const KNOWN_SOURCES: Readonly<Record<string, KnownSource>> = {
  'kg-constitution': {
    kind: 'national',
    genitive: { ru: 'Конституции Кыргызской Республики', ky: 'Кыргыз Республикасынын Конституциясынын', en: 'the Constitution of the Kyrgyz Republic' },
  },
  'kg-184': {
    kind: 'national',
    genitive: {
      ru: 'Закона Кыргызской Республики от 4 августа 2008 года № 184 «О государственных гарантиях равных прав и равных возможностей для мужчин и женщин»',
      ky: 'Кыргыз Республикасынын 2008-жылдын 4-августундагы № 184 «Эркектер менен аялдардын тең укуктарынын жана тең мүмкүнчүлүктөрүнүн мамлекеттик кепилдиктери жөнүндө» Мыйзамынын',
      en: 'Law of the Kyrgyz Republic No. 184 of 4 August 2008 “On State Guarantees of Equal Rights and Equal Opportunities for Men and Women”',
    },
  },
  'kg-63': {
    kind: 'national',
    genitive: {
      ru: 'Закона Кыргызской Республики от 27 апреля 2017 года № 63 «Об охране и защите от семейного насилия»',
      ky: 'Кыргыз Республикасынын 2017-жылдын 27-апрелиндеги № 63 «Үй-бүлөлүк зомбулуктан сактоо жана коргоо жөнүндө» Мыйзамынын',
      en: 'Law of the Kyrgyz Republic No. 63 of 27 April 2017 “On Safeguarding and Protection against Family Violence”',
    },
  },
  'kg-family-code': {
    kind: 'national',
    genitive: { ru: 'Семейного кодекса Кыргызской Республики', ky: 'Кыргыз Республикасынын Үй-бүлө кодексинин', en: 'the Family Code of the Kyrgyz Republic' },
  },
  'kg-criminal-code': {
    kind: 'national',
    genitive: { ru: 'Уголовного кодекса Кыргызской Республики', ky: 'Кыргыз Республикасынын Кылмыш-жаза кодексинин', en: 'the Criminal Code of the Kyrgyz Republic' },
  },
  'kg-decree-24-2007': {
    kind: 'national',
    genitive: {
      ru: 'Положения о порядке проведения гендерной экспертизы проектов нормативных правовых актов, утверждённого Указом Президента Кыргызской Республики от 5 февраля 2007 года № 24',
      ky: 'Кыргыз Республикасынын Президентинин 2007-жылдын 5-февралындагы № 24 Жарлыгы менен бекитилген Ченемдик укуктук актылардын долбоорлорун гендердик экспертизадан өткөрүү тартиби жөнүндө жобонун',
      en: 'the Regulation on the gender expertise of draft normative legal acts approved by Decree of the President of the Kyrgyz Republic No. 24 of 5 February 2007',
    },
  },
  cedaw: {
    kind: 'treaty',
    genitive: {
      ru: 'Конвенции о ликвидации всех форм дискриминации в отношении женщин',
      ky: 'Аялдарды басмырлоонун бардык түрлөрүн жоюу жөнүндө конвенциянын',
      en: 'the Convention on the Elimination of All Forms of Discrimination against Women',
    },
  },
  'cedaw-co-2021': {
    kind: 'document',
    genitive: {
      ru: 'заключительных замечаний Комитета по ликвидации дискриминации в отношении женщин по Кыргызстану (CEDAW/C/KGZ/CO/5, 2021)',
      ky: 'Аялдарга карата басмырлоону жоюу боюнча комитеттин Кыргызстан боюнча жыйынтыктоочу сын-пикирлеринин (CEDAW/C/KGZ/CO/5, 2021)',
      en: 'the concluding observations of the CEDAW Committee on Kyrgyzstan (CEDAW/C/KGZ/CO/5, 2021)',
    },
  },
  'eige-gia': { kind: 'methodology' },
  'odihr-2017': { kind: 'methodology' },
};

/** An article reference as the checklist writes it: "16(1)(c)" → article 16, then 1, then c. */
interface ArticleRef {
  article: string;
  path: string[];
}

function parseArticle(text: string): ArticleRef | null {
  const match = /^(\d+(?:[-–]\d+)?)((?:\([0-9A-Za-zА-Яа-я]+\))*)$/.exec(text.replace(/\s+/g, ''));
  if (!match) return null;
  return { article: match[1]!.replace('-', '–'), path: [...match[2]!.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]!) };
}

const isLetter = (part: string) => /^\p{L}+$/u.test(part);
const isRange = (article: string) => article.includes('–');

/** The unit each step of a path names: in a treaty «пункт», in a Kyrgyz act «часть» then «пункт»; a letter is a sub-item of a number. */
function units(path: readonly string[], kind: SourceKind): Array<'part' | 'item' | 'subitem'> {
  return path.map((part, i) => {
    if (isLetter(part)) return i > 0 ? 'subitem' : 'item';
    if (kind === 'national') return i === 0 ? 'part' : 'item';
    return i === 0 ? 'item' : 'subitem';
  });
}

const RU_UNIT = {
  part: { nom: 'часть', gen: 'части' },
  item: { nom: 'пункт', gen: 'пункта' },
  subitem: { nom: 'подпункт', gen: 'подпункта' },
} as const;
const KY_UNIT = {
  part: { poss: 'бөлүгү', gen: 'бөлүгүнүн' },
  item: { poss: 'пункту', gen: 'пунктунун' },
  subitem: { poss: 'пунктчасы', gen: 'пунктчасынын' },
} as const;

/** «подпункт «c» пункта 1 статьи 16»: the innermost unit first, in the nominative, the rest in the genitive. */
function ruPhrase(ref: ArticleRef, kind: SourceKind): string {
  const names = units(ref.path, kind);
  const number = (part: string) => (isLetter(part) ? `«${part}»` : part);
  if (ref.path.length === 0) return `${isRange(ref.article) ? 'статьи' : 'статья'} ${ref.article}`;
  const pieces = ref.path.map((part, i) => `${RU_UNIT[names[i]!][i === ref.path.length - 1 ? 'nom' : 'gen']} ${number(part)}`).reverse();
  return `${pieces.join(' ')} статьи ${ref.article}`;
}

/** «16-беренесинин 1-пунктунун «c» пунктчасы»: the outermost unit first, each in the genitive but the last. */
function kyPhrase(ref: ArticleRef, kind: SourceKind): string {
  const names = units(ref.path, kind);
  const number = (part: string) => (isLetter(part) ? `«${part}» ` : `${part}-`);
  if (ref.path.length === 0) return `${ref.article}-${isRange(ref.article) ? 'беренелери' : 'беренеси'}`;
  const pieces = ref.path.map((part, i) => `${number(part)}${KY_UNIT[names[i]!][i === ref.path.length - 1 ? 'poss' : 'gen']}`);
  return `${ref.article}-беренесинин ${pieces.join(' ')}`;
}

function enPhrase(ref: ArticleRef): string {
  return `${isRange(ref.article) ? 'Articles' : 'Article'} ${ref.article}${ref.path.map((p) => `(${p})`).join('')}`;
}

function joinAnd(parts: readonly string[], lang: Lang): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${CITATION_TEXTS.and[lang]} ${parts.at(-1)}`;
}

/** The articles of one source: «статьи 1 и 15» when they are all whole articles, else each phrase in turn. */
function articlesOf(refs: readonly ArticleRef[], kind: SourceKind, lang: Lang): string {
  const whole = refs.every((r) => r.path.length === 0 && !isRange(r.article));
  if (whole && refs.length > 1) {
    const numbers = joinAnd(refs.map((r) => r.article), lang);
    if (lang === 'ru') return `статьи ${numbers}`;
    if (lang === 'ky') return `${numbers}-беренелери`;
    return `Articles ${numbers}`;
  }
  // English cites them as one list: "Articles 5(b) and 16(1)(d)".
  if (lang === 'en' && refs.length > 1) return `Articles ${joinAnd(refs.map((r) => enPhrase(r).replace(/^Articles? /, '')), lang)}`;
  const phrases = refs.map((r) => (lang === 'ru' ? ruPhrase(r, kind) : lang === 'ky' ? kyPhrase(r, kind) : enPhrase(r)));
  return joinAnd(phrases, lang);
}

/** "step 3" of a methodology, in the export's language: «шаг 3», «3-кадам». */
function methodStep(article: string, lang: Lang): string {
  const step = /^step\s*(\d+)$/i.exec(article.trim());
  return step ? format(CITATION_TEXTS.step[lang], { n: step[1]! }) : cleanLine(article);
}

interface SourceGroup {
  source: string;
  title: I18nText;
  articles: string[];
}

function groupBySource(basis: readonly LegalBasis[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const b of basis) {
    const group = groups.get(b.source) ?? { source: b.source, title: b.title, articles: [] };
    const article = cleanLine(b.article);
    if (article && !group.articles.includes(article)) group.articles.push(article);
    groups.set(b.source, group);
  }
  return [...groups.values()];
}

/** One source cited: its articles and its name, as the language orders them. */
function citeSource(group: SourceGroup, lang: Lang): string {
  const known = KNOWN_SOURCES[group.source];
  const title = cleanLine(group.title[lang]);
  const refs = group.articles.map(parseArticle);
  if (!known || known.kind === 'methodology' || refs.some((r) => r === null)) {
    // A source not known by its genitive, or an article not written as numbers: its title, then what it cites.
    return group.articles.length ? `${title}: ${group.articles.join(', ')}` : title;
  }
  // Without articles the source is named by its title, in the nominative.
  if (refs.length === 0) return title;
  const articles = articlesOf(refs as ArticleRef[], known.kind, lang);
  if (lang === 'ky') return `${known.genitive.ky} ${articles}`;
  if (lang === 'en') return `${articles} of ${known.genitive.en}`;
  return `${articles} ${known.genitive.ru}`;
}

export interface Citations {
  /** «Правовая основа: статья 24 Конституции …; …», or null when the criteria name no legal source. */
  legal: string | null;
  /** «Методическая основа: Руководство EIGE … (шаг 3)», or null. */
  methodology: string | null;
}

/** The legal basis of the given references, grouped by source, legal and methodological apart. */
export function citeBasis(basis: readonly LegalBasis[], lang: Lang): Citations {
  const legal: string[] = [];
  const methods: string[] = [];
  for (const group of groupBySource(basis)) {
    if (KNOWN_SOURCES[group.source]?.kind === 'methodology') {
      const title = cleanLine(group.title[lang]);
      const steps = group.articles.map((a) => methodStep(a, lang));
      methods.push(steps.length ? `${title} (${joinAnd(steps, lang)})` : title);
    } else {
      legal.push(citeSource(group, lang));
    }
  }
  return {
    legal: legal.length ? format(CITATION_TEXTS.legal[lang], { basis: legal.join('; ') }) : null,
    methodology: methods.length ? format(CITATION_TEXTS.methodology[lang], { basis: methods.join('; ') }) : null,
  };
}
