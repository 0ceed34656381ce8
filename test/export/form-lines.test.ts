import { describe, expect, it } from 'vitest';
import {
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

  it('labels every form field in ru, ky and en', () => {
    for (const text of Object.values(FORM_LABELS)) for (const lang of LANGS) expect(text[lang].trim().length).toBeGreaterThan(0);
  });
});
