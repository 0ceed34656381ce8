import { describe, expect, it } from 'vitest';
import {
  analysisAfterEdit,
  annexesFromLines,
  annexesToLines,
  expertsFromLines,
  expertsToLines,
  signatoriesFromLines,
  signatoriesToLines,
} from '../../shared/conclusion/form-lines';
import { FORM_LABELS } from '../../shared/conclusion/strings';
import { LANGS } from '../../shared/i18n/lang';

describe('conclusion form list fields', () => {
  it('reads experts as "name, affiliation" per line and writes them back the same way', () => {
    const text = 'Айгуль Токтосунова, АЖЗИ, Бишкек\n\n  Бермет Исаева  \r\n';
    const experts = expertsFromLines(text);
    expect(experts).toEqual([{ name: 'Айгуль Токтосунова', affiliation: 'АЖЗИ, Бишкек' }, { name: 'Бермет Исаева' }]);
    expect(expertsToLines(experts)).toBe('Айгуль Токтосунова, АЖЗИ, Бишкек\nБермет Исаева');
    expect(expertsFromLines(expertsToLines(experts))).toEqual(experts);
  });

  it('reads signatories as "position — name", the last dash separating them', () => {
    const signatories = signatoriesFromLines('Руководитель секретариата — ОО «АСТ» — Ж. Осмонова\nН. Абдылдаева\nЭксперт - А. Асанова');
    expect(signatories).toEqual([
      { position: 'Руководитель секретариата — ОО «АСТ»', name: 'Ж. Осмонова' },
      { position: '', name: 'Н. Абдылдаева' },
      { position: 'Эксперт', name: 'А. Асанова' },
    ]);
    expect(signatoriesFromLines(signatoriesToLines(signatories))).toEqual(signatories);
  });

  it('reads annexes one per line, blank lines and control characters dropped', () => {
    expect(annexesFromLines('Сравнительная таблица\n\n\u0007Справка\n')).toEqual(['Сравнительная таблица', 'Справка']);
    expect(annexesToLines(['А', ' ', 'Б'])).toBe('А\nБ');
  });

  it("stores a criterion's text only when the secretary wrote her own", () => {
    const composed = { criterionId: 'C12', text: 'Подтверждённые замечания (1): Статья 2.\nСтатистики нет.', prefilled: true };
    const written = { C8: 'Своя редакция.' };
    // Left as composed (line endings aside): nothing stored, it stays composed from the findings.
    expect(analysisAfterEdit(written, composed, 'Подтверждённые замечания (1): Статья 2.\r\nСтатистики нет.\n')).toEqual(written);
    expect(analysisAfterEdit(written, composed, 'Нарушение подтверждено.')).toEqual({ C8: 'Своя редакция.', C12: 'Нарушение подтверждено.' });
    // Her own text cleared: removed, so it is composed again.
    expect(analysisAfterEdit(written, { criterionId: 'C8', text: 'Своя редакция.', prefilled: false }, '  ')).toEqual({});
    // Her own text, saved unchanged, stays hers.
    expect(analysisAfterEdit(written, { criterionId: 'C8', text: 'Своя редакция.', prefilled: false }, 'Своя редакция.')).toEqual(written);
    expect(analysisAfterEdit(undefined, composed, '')).toEqual({});
  });

  it('labels every form field in ru, ky and en', () => {
    for (const text of Object.values(FORM_LABELS)) for (const lang of LANGS) expect(text[lang].trim().length).toBeGreaterThan(0);
  });
});
