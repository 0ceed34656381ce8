import { beforeAll, describe, expect, it } from 'vitest';
import type { Clause, ClauseKind, ClauseTree } from '../../shared/clause';
import type { CompiledChecklist } from '../../shared/checklist/compile';
import { analyse } from '../../shared/checklist/engine';
import type { ClauseId } from '../../shared/ids';
import { DEFAULT_CHECKLIST_ID, loadChecklists } from '../../server/checklist/service';

// Issue 15: the engine reads a clause's structure, the real checklist's rules decide. Each test can
// fail: it names what the engine before issue 15 did instead.

let checklist: CompiledChecklist;
beforeAll(async () => {
  checklist = (await loadChecklists()).get(DEFAULT_CHECKLIST_ID)!.checklist;
});

function act(lang: 'ru' | 'ky', lines: Array<string | [ClauseKind, string]>): ClauseTree {
  const clauses: Clause[] = lines.map((line, i) => {
    const [kind, text] = typeof line === 'string' ? (['part', line] as const) : line;
    return { id: `c${i + 1}` as ClauseId, kind, number: null, label: `clause ${i + 1}`, text, children: [] };
  });
  return { meta: { language: lang, actKind: 'code', title: null, date: null, number: null, isDraft: true }, clauses };
}

const run = (lang: 'ru' | 'ky', lines: Array<string | [ClauseKind, string]>) => analyse(act(lang, lines), checklist);
const risks = (lang: 'ru' | 'ky', lines: Array<string | [ClauseKind, string]>) =>
  run(lang, lines).filter((f) => f.polarity === 'risk' && !f.actLevel);

describe('issue 15: structure of a clause', () => {
  it('an exception in another sentence of the clause no longer silences it (segments)', () => {
    // before: «отцам» anywhere in the clause suppressed the mother-only finding
    const found = risks('ru', [
      'Женщинам, имеющим детей в возрасте до трех лет, предоставляется дополнительный отпуск. Порядок его оплаты для отцов определяет работодатель.',
    ]);
    expect(found.map((f) => f.detectorId)).toContain('C8.ru.mother-only-care');
    // in the same segment the fathers still excuse it
    expect(risks('ru', ['Женщинам и отцам, имеющим детей в возрасте до трех лет, предоставляется дополнительный отпуск.'])).toEqual([]);
  });

  it('a scope or reference clause that grants nothing proposes nothing; the finding says where its words stand', () => {
    expect(risks('ru', ['Особенности регулирования труда женщин, лиц с семейными обязанностями и молодежи устанавливаются настоящим Кодексом.'])).toEqual([]);
    const [ban] = risks('ru', ['Запрещается применение труда женщин на подземных работах.']);
    expect(ban!.why).toMatchObject({ rule: 'C9.ru.ban-on-women-work', context: 'prohibition', confidence: 'high' });
    expect(ban!.why!.words).toEqual(expect.arrayContaining(['Запрещается', 'женщин']));
  });

  it('a protection of women only is a finding even when it mentions pregnancy; genuine maternity protection is not', () => {
    // before: «беременности» silenced it
    const found = risks('ru', ['Запрещается отказывать женщинам в заключении трудового договора по мотивам беременности или наличия детей.']);
    expect(found.map((f) => f.criterionId)).toEqual(['C8']);
    expect(risks('ru', ['Не допускается увольнение женщин по мотивам беременности.'])).toEqual([]);
    expect(risks('ru', ['Работающим женщинам, кормящим грудью, предоставляются дополнительные перерывы для кормления ребенка.'])).toEqual([]);
    // before: «детей» in a pure maternity leave fired C8
    expect(risks('ru', ['Женщинам предоставляются отпуска по беременности и родам продолжительностью 126 дней, а при рождении двух или более детей - 140 дней.'])).toEqual([]);
    const night = risks('ru', ['Запрещается привлекать к работе в ночное время беременных женщин и женщин, имеющих детей в возрасте до трех лет.']);
    expect(night.map((f) => f.criterionId).sort()).toEqual(['C8', 'C9']);
  });

  it('«лица, воспитывающие детей без матери» is the fallback for the mother, not an excuse', () => {
    // before: «лицо, воспитывающее» silenced the clause
    const found = risks('ru', ['Гарантии и льготы, предоставляемые женщинам в связи с материнством, распространяются также на лиц, воспитывающих детей без матери.']);
    expect(found.map((f) => f.detectorId)).toEqual(['C8.ru.father-only-without-mother']);
  });

  it('headings are evidence: a chapter that equates women with family duties', () => {
    const [f] = risks('ru', [['chapter', 'Глава 17. Особенности регулирования труда женщин и других лиц с семейными обязанностями']]);
    expect(f).toMatchObject({ criterionId: 'C8', detectorId: 'C8.ru.women-as-family-duties' });
    expect(f!.why!.context).toBe('heading');
  });

  it('a definition proposes nothing where a detector skips definitions', () => {
    expect(risks('ru', ['Женщинам, занятым в сельской местности, предоставляется дополнительный выходной день.']).map((f) => f.criterionId)).toEqual(['C2']);
    expect(risks('ru', ['льгота - дополнительный выходной день, который предоставляется женщинам, занятым в сельской местности;'])).toEqual([]);
  });
});

describe('issue 15: repeated neutral terms', () => {
  it('a neutral term that decides nothing gives one act-level note listing every occurrence, never one finding per clause', () => {
    const lines = [
      'Пособие по случаю потери кормильца назначается нетрудоспособным членам семьи умершего.',
      'Возмещение вреда выплачивается лицам, имевшим право на получение от кормильца содержания.',
      'В случае смерти кормильца пенсия назначается детям.',
    ];
    const findings = run('ru', lines).filter((f) => f.criterionId === 'C3');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ actLevel: true, severity: 'note' });
    expect(findings[0]!.why!.occurrences!.map((o) => o.clauseId)).toEqual(['c1', 'c2', 'c3']);
  });

  it('where the term decides the right, it is a clause finding', () => {
    const findings = run('ru', ['Право на получение земельной доли имеет кормилец семьи.', 'Земельный участок закрепляется за главой домохозяйства.']);
    expect(findings.filter((f) => f.criterionId === 'C3' && !f.actLevel).map((f) => f.clauseId)).toEqual(['c1', 'c2']);
  });
});

describe('issue 15: act-level findings of absence, each with the clauses looked at', () => {
  it('no ban on sexual harassment where the act regulates employment; none when it bans it', () => {
    const employment = [
      'Работодатель обязан обеспечить безопасные условия труда.',
      'Трудовой договор заключается в письменной форме.',
      'Прием на работу оформляется приказом работодателя.',
    ];
    const [f] = run('ru', employment).filter((x) => x.detectorId === 'C11.ru.harassment-absent');
    expect(f!.why!.lookedAt!.map((l) => l.clauseId)).toEqual(['c1', 'c2', 'c3']);
    expect(run('ru', [...employment, 'Сексуальные домогательства на работе запрещаются.']).filter((x) => x.detectorId === 'C11.ru.harassment-absent')).toEqual([]);
    // one mention does not make an employment act
    expect(run('ru', ['Трудовой договор заключается в письменной форме.']).filter((x) => x.detectorId === 'C11.ru.harassment-absent')).toEqual([]);
  });

  it('a ban on discrimination without definitions; grounds without pregnancy and family status', () => {
    const found = run('ru', [
      'Запрещается гендерная дискриминация в трудовых отношениях.',
      'Работники равны независимо от пола, расы, национальности, языка и вероисповедания.',
    ]);
    expect(found.filter((f) => f.actLevel).map((f) => f.detectorId).sort()).toEqual(['C2.ru.discrimination-undefined', 'C2.ru.grounds-incomplete']);
    const complete = run('ru', [
      'Запрещается прямая и косвенная дискриминация.',
      'Работники равны независимо от пола, расы, беременности, семейного положения и семейных обязанностей.',
    ]);
    expect(complete.filter((f) => f.actLevel)).toEqual([]);
  });

  it('a quota without enforcement', () => {
    const quota = 'В списке кандидатов лица одного пола не могут составлять более 70 процентов.';
    expect(run('ru', [quota]).filter((f) => f.detectorId === 'C7.ru.quota-without-enforcement')).toHaveLength(1);
    expect(run('ru', [quota, 'Комиссия отказывает в регистрации списка, не соответствующего этому требованию.']).filter((f) => f.detectorId === 'C7.ru.quota-without-enforcement')).toEqual([]);
  });
});

describe('issue 15: Kyrgyz, explicit аял / эркек / эне / ата in their case forms', () => {
  it('a ban on women\'s work that also covers women with children is a finding although it names pregnancy', () => {
    const found = risks('ky', ['Кош бойлуу аялдарды жана үч жашка чейинки балдары бар аялдарды түнкү жумушка тартууга тыюу салынат.']);
    expect(found.map((f) => f.criterionId).sort()).toEqual(['C8', 'C9']);
    expect(risks('ky', ['Кош бойлуу аялдарды түнкү жумушка тартууга тыюу салынат.'])).toEqual([]);
  });

  it('a grounds list without pregnancy and family status, and every finding says why', () => {
    const found = run('ky', ['Жарандар жынысына, расасына, улутуна, тилине карабастан мыйзамдын алдында бирдей.']);
    expect(found.map((f) => f.detectorId)).toEqual(['C2.ky.grounds-incomplete']);
    for (const f of found) expect(f.why).toMatchObject({ rule: f.detectorId, confidence: expect.any(String) });
  });
});
