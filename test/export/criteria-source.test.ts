import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CHECKLISTS_DIR } from '../../server/checklist/service';
import { criteriaOfChecklist } from '../../server/export/criteria-source';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-criteria-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('criteria for the conclusion', () => {
  it("reads the real checklist's criteria titles and legal basis without compiling it", () => {
    const criteria = criteriaOfChecklist('kg-gender-expertise', CHECKLISTS_DIR)!;
    expect(criteria.map((c) => c.id).slice(0, 3)).toEqual(['C1', 'C2', 'C3']);
    const c9 = criteria.find((c) => c.id === 'C9')!;
    expect(c9.title.ru).toBe('Защитные (ограничительные) нормы');
    expect(c9.legalBasis!.length).toBeGreaterThan(0);
    for (const basis of c9.legalBasis!) for (const lang of ['ru', 'ky', 'en'] as const) expect(basis.title[lang].length).toBeGreaterThan(0);
    // An unknown checklist id falls back to the default checklist.
    expect(criteriaOfChecklist('no-such-checklist', CHECKLISTS_DIR)).toEqual(criteria);
  });

  it('gives nothing (the built-in C1–C17 titles) for a broken file, and re-reads it once fixed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const file = path.join(dir, 'kg-gender-expertise.yml');
    fs.writeFileSync(file, 'a: &a [*a, *a]\nschemaVersion: 1\nid: [unterminated');
    expect(criteriaOfChecklist('kg-gender-expertise', dir)).toBeUndefined();
    fs.writeFileSync(file, 'x'.repeat(1024 * 1024 + 1));
    expect(criteriaOfChecklist('kg-gender-expertise', dir)).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    fs.copyFileSync(path.join(CHECKLISTS_DIR, 'kg-gender-expertise.yml'), file);
    expect(criteriaOfChecklist('kg-gender-expertise', dir)?.length).toBeGreaterThan(10);
    warn.mockRestore();
  });
});
