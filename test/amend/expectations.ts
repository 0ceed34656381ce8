/**
 * What each fixture amendment law must produce, written by hand from the base acts BEFORE the code that
 * applies instructions existed. For every instruction (by its clause id in the amending law): applied to
 * which unit of the base act and the unit's text as it will read (null: the unit is removed), or refused
 * with its reason. Texts are the unit's own line as printed (number marker included).
 */
export type ExpectedReason = 'target_not_found' | 'words_not_found' | 'ambiguous';

export interface ExpectedInstruction {
  /** The unit of the base act the instruction changes (for an added unit, its new id). */
  unit?: string;
  /** The unit's own text after the change; null when the unit is taken out. */
  after?: string | null;
  /** Refused: why. */
  reason?: ExpectedReason;
  /** Refused: what the reason names (the sentence not found, the words not found in it), contained in its detail. */
  detail?: string;
}

export interface FixtureExpectation {
  amendment: string;
  /** A fixture of this project, or a file of ../shared/corpus. */
  base: { fixture: string } | { corpus: string };
  /** Which base act the instructions name (for laws that amend several acts). */
  actTitle?: string;
  instructions: Record<string, ExpectedInstruction>;
  /** Units that must stay exactly as they were (spot checks next to the changes). */
  unchanged?: string[];
  /**
   * Removal findings (issue 20, written before the removal rules were run on the fixtures): by instruction, the
   * kinds of what it takes out — a protection, a quota, a ground of discrimination. Instructions not listed take
   * out none.
   */
  removals?: Record<string, Array<'protection' | 'quota' | 'ground'>>;
  /** Order of units in the consolidated act where insertions happen: each id comes right after the previous one among its siblings. */
  order?: string[][];
}

export const FAMILY_CODE: FixtureExpectation = {
  amendment: 'amend-family-code-ru.txt',
  base: { corpus: 'kg_family_code_2003_ru.txt' },
  instructions: {
    'a1.i1.a': {
      unit: 'a14.p2',
      after:
        '2. При наличии уважительных причин исполнительные органы местного самоуправления по месту жительства лиц, желающих вступить в брак, вправе по просьбе данных лиц снизить брачный возраст для лиц не более чем на один год на основании комиссионного заключения территориальных подразделений уполномоченного государственного органа по защите детей.',
    },
    'a1.i1.b': { unit: 'a14.p1', after: '1. Брачный возраст устанавливается в восемнадцать лет для всех лиц независимо от пола.' },
    'a1.i1.v': { unit: 'a14.p4', after: '4. Снижение брачного возраста не допускается в отношении лиц, не достигших семнадцати лет.' },
    'a1.i2': { unit: 'a15.x4', after: null },
    'a1.i3': {
      unit: 'a16.p1',
      after:
        '1. Медицинское обследование лиц, вступающих в брак, а также консультирование по медико-генетическим вопросам и вопросам планирования семьи проводятся учреждениями здравоохранения по месту их жительства и по месту пребывания бесплатно и только с согласия лиц, вступающих в брак.',
    },
    'a1.i4': { unit: 'a18', after: 'Статья 18. Утратила силу.' },
    'a1.i5': {
      unit: 'a16.p2',
      after:
        '2. Результаты обследования лица, вступающего в брак, составляют медицинскую тайну и могут быть сообщены лицу, с которым оно намерено заключить брак, с согласия лица, прошедшего обследование.',
    },
    'a1.i6': { unit: 'a15.x5', after: 'лицами, из которых хотя бы одно лицо признано судом недееспособным.' },
    'a1.i7': { unit: 'a16-1', after: 'Статья 16-1. Консультирование лиц, вступающих в брак' },
    // «супругов» stands twice in part 2 of article 20
    'a1.i8': { reason: 'ambiguous' },
    // article 14 has three parts (four after this law)
    'a1.i9': { reason: 'target_not_found' },
    'a1.i10': { reason: 'target_not_found' },
  },
  // article 18 (no divorce without the wife's consent during pregnancy) repealed; «для мужчин и женщин» struck
  removals: { 'a1.i4': ['protection'], 'a1.i1.a': ['ground'] },
  unchanged: ['a14.p3', 'a15.x1', 'a15.x3', 'a17.p1', 'a20.p2'],
  order: [
    ['a14.p3', 'a14.p4'],
    // article 16 closes chapter 3: the new article closes it after it
    ['a16', 'a16-1'],
  ],
};

export const CRIMINAL_CODE: FixtureExpectation = {
  amendment: 'amend-criminal-code-ru.txt',
  base: { corpus: 'kg_criminal_code_2021_ru.txt' },
  instructions: {
    'a1.i1': { unit: 'a74.p1.i5', after: '5) Утратил силу.' },
    'a1.i2': {
      unit: 'a74.p1.i4',
      after: '4) совершение преступления в отношении ребенка, инвалида, престарелого лица, беременной женщины или лица, находящегося в беспомощном состоянии;',
    },
    'a1.i3': { unit: 'a74.p1.i12', after: '12) совершение преступления в отношении супруга (супруги) или близкого родственника.' },
    'a1.i4': { unit: 'a176.x2', after: 'наказывается лишением свободы на срок от одного года до трех лет.' },
    'a1.i5': {
      unit: 'a68.p2',
      after:
        '2. Пожизненное лишение свободы не назначается лицам, совершившим преступление в возрасте до восемнадцати лет, а также мужчинам, достигшим на момент совершения преступления шестидесятилетнего возраста, за исключением случаев, предусмотренных частью 21 настоящей статьи.',
    },
    // «по воле беременной» stands twice in part 1 of article 142
    'a1.i6': { reason: 'ambiguous' },
  },
  // pregnancy as an aggravating circumstance repealed; women taken out of the exemption from life imprisonment
  removals: { 'a1.i1': ['protection'], 'a1.i5': ['ground'] },
  unchanged: ['a74.p1.i6', 'a176.x1', 'a142.p1'],
  order: [['a74.p1.i11', 'a74.p1.i12']],
};

export const LAND_CODE: FixtureExpectation = {
  amendment: 'amend-land-civil-ru.txt',
  base: { corpus: 'kg_land_code_1999_ru.txt' },
  actTitle: 'Земельный кодекс Кыргызской Республики',
  instructions: {
    'a1.i1': { unit: 'a10.i8', after: null },
    'a1.i2': {
      unit: 'a5.p3.x1',
      after:
        'Иностранным лицам земли для пользования недрами предоставляются во временное пользование в том же порядке, что и для недропользователей - граждан и юридических лиц Кыргызской Республики.',
    },
    'a1.i3': {
      unit: 'a10.x1',
      after:
        'Земельный фонд Кыргызской Республики включает в себя сельскохозяйственные и несельскохозяйственные земли и в соответствии с целевым назначением подразделяется на следующие категории:',
    },
    'a1.i4': {
      unit: 'a5.p3-1',
      after:
        '3-1. Иностранным гражданам, лицам без гражданства и иностранным юридическим лицам не могут предоставляться на правах срочного (временного) пользования земельные участки, находящиеся на приграничных территориях.',
    },
  },
  removals: {},
  unchanged: ['a10.i7', 'a5.p3'],
};

export const CIVIL_CODE: FixtureExpectation = {
  amendment: 'amend-land-civil-ru.txt',
  base: { corpus: 'kg_civil_code_part1_1996_ru.txt' },
  actTitle: 'Гражданский кодекс Кыргызской Республики',
  instructions: {
    'a2.i1': { unit: 'a11.i14', after: '14) признания права на равное обращение независимо от пола.' },
    'a2.i2': { unit: 'a11.i10', after: '10) компенсации морального и репутационного вреда;' },
    'a2.i3': {
      unit: 'a18.p1.x1',
      after: 'По требованию заинтересованных лиц допускается защита чести, достоинства и деловой репутации гражданина.',
    },
    'a2.i4': {
      unit: 'a10.p2',
      after: '2. Законом или договором может быть предусмотрено урегулирование спора между сторонами в том числе путем медиации до обращения в суд.',
    },
    'a2.i5': { unit: 'a22', after: 'Статья 22. Виды объектов гражданских прав' },
  },
  removals: {},
  unchanged: ['a11.i13', 'a18.p1'],
  order: [['a11.i13', 'a11.i14']],
};

/** Own base act and amendment law (Russian): meaningful without the corpus. */
export const OWN_RU: FixtureExpectation = {
  amendment: 'amend-ru.txt',
  base: { fixture: 'base-ru.txt' },
  instructions: {
    // mechanical: the instruction forgets the participle's gender, the consolidated text shows it
    'a1.i1.a': { unit: 'a1.x4', after: 'одинокий родитель - лицо, воспитывающая ребенка без супруга.' },
    'a1.i1.b': { unit: 'a1.x5', after: 'гендерное равенство - равное положение женщин и мужчин.' },
    'a1.i2.a': { unit: 'a2.p2', after: null },
    'a1.i2.b': { unit: 'a2.p3.i2.b', after: 'б) уход за детьми;' },
    'a1.i2.v': { unit: 'a2.p1', after: '1. Государство гарантирует равные права и обязанности женщин и мужчин в семье.' },
    'a1.i3': { unit: 'a3.p1', after: '1. Утратила силу.' },
    'a1.i4': { unit: 'a3.p2', after: '2. Советы отчитываются не реже одного раза в год.' },
  },
  // the ban on refusing work to pregnant women goes; the 70 % rule is repealed; «мать - женщина» replaced
  removals: { 'a1.i2.a': ['protection'], 'a1.i3': ['quota'], 'a1.i1.a': ['ground'] },
  unchanged: ['a2.p3', 'a2.p3.i2.a', 'a4.x1'],
  order: [['a1.x4', 'a1.x5']],
};

/** Own base act and amendment law (Kyrgyz). */
export const OWN_KY: FixtureExpectation = {
  amendment: 'amend-ky.txt',
  base: { fixture: 'base-ky.txt' },
  instructions: {
    'a1.p1.x1': { unit: 'a1.x4', after: 'жалгыз бой эне - баланы жалгыз тарбиялаган ата же эне;' },
    'a1.p1.x2': { unit: 'a1.x5', after: 'мамлекеттик колдоо - үй-бүлөлөргө көрсөтүлүүчү жөлөкпул жана социалдык кызмат көрсөтүүлөр.' },
    'a1.p2': { unit: 'a2.p2', after: '2. Күчүн жоготту.' },
    'a1.p3': { unit: 'a2.p3', after: '3. Ата-энелер балдарды тарбиялоо боюнча бирдей укуктарга жана милдеттерге ээ.' },
    'a1.p4': { unit: 'a3.p1.i3', after: null },
    'a1.p5': { unit: 'a3.p3', after: '3. Жөлөкпул ата-эненин бирине, алардын макулдугу боюнча төлөнөт.' },
    'a1.p6': { unit: 'a4.p1', after: '1. Жергиликтүү кеңештердин курамында бир жыныстагы адамдардын өкүлчүлүгү 60 пайыздан ашпашы керек.' },
    'a1.p7': { unit: 'a2.p1', after: '1. Үй-бүлөдө бирдей укуктарга жана милдеттерге ээ.' },
    // «бир» is a word of its own once in part 2 («бирине» elsewhere is another word)
    'a1.p8': { unit: 'a4.p2', after: '2. Жергиликтүү кеңеш жылына эки жолу отчет берет.' },
    'a1.p9': { reason: 'target_not_found' },
  },
  // the ban on dismissing pregnant women repealed; the allowance to large families excluded; «эркектер менен
  // аялдар» and «аял» struck; 70 → 60 % is a stricter quota, nothing taken out
  removals: { 'a1.p2': ['protection'], 'a1.p4': ['protection'], 'a1.p7': ['ground'], 'a1.p1.x1': ['ground'] },
  unchanged: ['a3.p1.i2', 'a3.p2', 'a5.x1'],
  order: [['a3.p2', 'a3.p3']],
};

/**
 * Sentences of a unit (issue 20, written before sentence operations existed; until then every one was refused
 * «unsupported»). Sentences are counted as the base act prints them, like paragraphs: a sentence taken out by an
 * earlier instruction still counts, one added does not. A semicolon does not end a sentence; «ч.», «ст.», «г.»,
 * «т.е.», «1.5», initials «А.А.» and the part's number «1.» do not either.
 */
const A1P1_RU =
  '1. Работодатель обеспечивает равную оплату труда работников независимо от пола. Оплата труда устанавливается в соответствии с ч. 2 ст. 5 настоящего Закона. Надбавка составляет 1.5 процента оклада, т.е. не менее 500 сом. Работник вправе обжаловать решения и действия работодателя.';
const A2P1_RU =
  '1. Отпуск по уходу за ребенком предоставляется матери или отцу. Отпуск оплачивается за счет средств социального страхования. Заявление подается в г. Бишкек не позднее чем за 10 дней. Решение принимает руководитель (А.А. Иванов или лицо, его замещающее). Отпуск может быть разделен на две части. Перенос согласуется с работодателем в письменной форме. Копия уведомления выдается работнику под подпись.';
const A2P3_RU = '3. Учебный отпуск (в том числе заочный) предоставляется по заявлению работника. Отпуск также предоставляется работникам, получающим образование впервые.';

export const SENTENCES_RU: FixtureExpectation = {
  amendment: 'amend-sentences-ru.txt',
  base: { fixture: 'base-sentences-ru.txt' },
  instructions: {
    // replace words in the first sentence
    'a1.i1.a': { unit: 'a1.p1', after: A1P1_RU },
    // the second sentence out; the third (as printed) then changed by a1.i1.g
    'a1.i1.b': { unit: 'a1.p2', after: '2. Женщины вправе работать в ночное время. Родители детей до трех лет привлекаются к ночной работе с их согласия.' },
    // a sentence added at the end of the part, after the one sentence its semicolon does not split
    'a1.i1.v': { unit: 'a1.p3', after: '3. Работодатель ведет учет рабочего времени; учет ведется ежемесячно. Данные учета хранятся пять лет.' },
    'a1.i1.g': { unit: 'a1.p2', after: '2. Женщины вправе работать в ночное время. Родители детей до трех лет привлекаются к ночной работе с их согласия.' },
    // part 3 printed one sentence (the semicolon ends none; the one added by a1.i1.v does not count)
    'a1.i1.d': { reason: 'target_not_found', detail: 'предложение 2' },
    // the fourth sentence, counted past «ч. 2 ст. 5», «1.5», «т.е.» and «сом.» + capital (a sentence end)
    'a1.i1.e': { unit: 'a1.p1', after: A1P1_RU },
    // second sentence restated, tenth, fifth, seventh changed, first restated (number «1.» kept), ninth, sixth and eighth out
    'a1.i2.a': { unit: 'a2.p1', after: A2P1_RU },
    'a1.i2.b': { unit: 'a2.p1', after: A2P1_RU },
    'a1.i2.v': { unit: 'a2.p1', after: A2P1_RU },
    'a1.i2.g': { unit: 'a2.p1', after: A2P1_RU },
    'a1.i2.k': { unit: 'a2.p1', after: A2P1_RU },
    'a1.i2.l': { unit: 'a2.p1', after: A2P1_RU },
    // two sentences named at once: the sixth and the eighth out (an item «м)» of its own)
    'a1.i3': { unit: 'a2.p1', after: A2P1_RU },
    // a sentence of a paragraph: the first paragraph of a part is its own line only, the second its next line
    'a1.i4.a': { unit: 'a2.p4', after: '4. Дополнительный отпуск предоставляется ежегодно по заявлению работника.' },
    // words added in a sentence: after the words named in it, or at its end before its stop
    'a1.i5': { unit: 'a2.p3', after: A2P3_RU },
    'a1.i6': { unit: 'a2.p4', after: '4. Дополнительный отпуск предоставляется ежегодно по заявлению работника.' },
    'a1.i4.b': { unit: 'a2.p4.x1', after: 'Отпуск предоставляется по заявлению. Заявление подается письменно или в электронной форме.' },
    // a sentence added after the first one
    'a1.i2.d': { unit: 'a2.p2', after: '2. Работникам предоставляется ежегодный отпуск. Отпуск может быть продлен. Отпуск предоставляется по графику.' },
    // part 2 printed two sentences: the one added by a1.i2.d is not counted
    'a1.i2.e': { reason: 'target_not_found', detail: 'предложение 3' },
    // the words stand in the other sentence of the part: never changed there
    'a1.i2.zh': { reason: 'words_not_found', detail: 'по заявлению' },
    'a1.i2.z': { reason: 'words_not_found', detail: 'впервые' },
    // «предоставляется» stands in both sentences: only the second one's changes (the part would be ambiguous)
    'a1.i2.i': { unit: 'a2.p3', after: A2P3_RU },
  },
  // pregnant women's exemption from night work goes; «женщин и мужчин» and «Матери» struck
  removals: { 'a1.i1.a': ['ground'], 'a1.i1.b': ['protection'], 'a1.i1.g': ['ground'] },
  unchanged: ['a3.x1'],
};

const A1P1_KY =
  '1. Иш берүүчү жынысына карабастан бардык кызматкерлерге бирдей эмгек акы төлөйт. Эмгек акы ушул Мыйзамдын 5-беренесине ылайык белгиленет. Кошумча акы 1.5 пайызды түзөт, б.а. 500 сомдон кем эмес. Кызматкер иш берүүчүнүн чечимдерине даттанууга укуктуу.';
const A2P1_KY =
  '1. Баланы багуу боюнча өргүү энеге берилет. Өргүү социалдык камсыздандыруунун каражатынан төлөнөт. Арыз Бишкек ш. боюнча 10 календардык күн мурун берилет. Чечимди жетекчи (А.А. Асанов же анын ордун басуучу адам) кабыл алат. Өргүү эки бөлүккө бөлүнүшү мүмкүн. Жылдыруу иш берүүчү менен макулдашылат. Кабарлама иште сакталат. Кабарламанын көчүрмөсү кызматкерге колун койдуруп берилет.';

export const SENTENCES_KY: FixtureExpectation = {
  amendment: 'amend-sentences-ky.txt',
  base: { fixture: 'base-sentences-ky.txt' },
  instructions: {
    'a1.p1': { unit: 'a1.p1', after: A1P1_KY },
    'a1.p2': { unit: 'a1.p2', after: '2. Аялдар түнкү убакта иштөөгө укуктуу. Үч жашка чейинки балдары бар энелер түнкү ишке алардын макулдугу менен тартылат.' },
    'a1.p3': { unit: 'a1.p3', after: '3. Иш берүүчү иш убактысын эсепке алат. Эсепке алуунун маалыматтары беш жыл сакталат.' },
    'a1.p4': { unit: 'a2.p1', after: A2P1_KY },
    'a1.p5': { unit: 'a2.p1', after: A2P1_KY },
    'a1.p6': { reason: 'target_not_found', detail: 'сүйлөм 3' },
    // «график боюнча» stands in the second sentence, not the first
    'a1.p7': { reason: 'words_not_found', detail: 'график боюнча' },
    'a1.p8': { unit: 'a2.p2', after: '2. Кызматкерлерге жыл сайын өргүү берилет. Өргүү узартылышы мүмкүн. Өргүү график боюнча берилет.' },
    'a1.p9': { unit: 'a1.p1', after: A1P1_KY },
    'a1.p10': { unit: 'a2.p1', after: A2P1_KY },
    'a1.p11': { unit: 'a2.p1', after: A2P1_KY },
    'a1.p12': { unit: 'a2.p1', after: A2P1_KY },
  },
  removals: { 'a1.p1': ['ground'], 'a1.p2': ['protection'] },
  unchanged: ['a3.x1'],
};

export const ALL_FIXTURES = { FAMILY_CODE, CRIMINAL_CODE, LAND_CODE, CIVIL_CODE, OWN_RU, OWN_KY, SENTENCES_RU, SENTENCES_KY };
