import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClauseId } from '../../shared/ids';
import { checklistJsonSchema } from '../../server/checklist/json-schema';
import { analyseDraft, CHECKLISTS_DIR, DEFAULT_CHECKLIST_ID, describeChecklists, loadChecklists } from '../../server/checklist/service';
import { clause, tree } from './fixtures';

describe('checklists/ as shipped', () => {
  it('every checklist file loads: schema, references, translations and all detector examples pass', async () => {
    const checklists = await loadChecklists({ reload: true });
    expect([...checklists.keys()]).toContain(DEFAULT_CHECKLIST_ID);
    for (const { checklist } of checklists.values())
      expect(checklist.detectors.every((d) => d.data.examples.flag.length > 0 && d.data.examples.pass.length > 0)).toBe(true);
  });

  it('the Alliance checklist has the 17 criteria C1–C17, with C10 manual only', async () => {
    const { checklist } = (await loadChecklists()).get(DEFAULT_CHECKLIST_ID)!;
    expect(checklist.data.criteria.map((c) => c.id)).toEqual(Array.from({ length: 17 }, (_, i) => `C${i + 1}`));
    expect(checklist.criteria.get('C10')!.detectors).toEqual([]);
    const automatic = new Set(checklist.detectors.map((d) => d.criterionId));
    for (const id of ['C2', 'C3', 'C6', 'C7', 'C8', 'C9', 'C11', 'C12']) expect(automatic).toContain(id);
    // Both languages are covered; positive provisions are recorded as positive.
    expect(new Set(checklist.detectors.map((d) => d.lang))).toEqual(new Set(['ru', 'ky']));
    expect(checklist.detectors.filter((d) => d.polarity === 'positive').map((d) => d.criterionId)).toEqual(
      expect.arrayContaining(['C7', 'C12']),
    );
  });

  it('the committed JSON Schema is generated from the zod schema (run `npm run checklist:schema`)', () => {
    const committed = fs.readFileSync(path.join(CHECKLISTS_DIR, 'schema', 'checklist.schema.json'), 'utf8');
    expect(committed).toBe(checklistJsonSchema());
  });

  it('analyseDraft records the checklist and version and proposes findings in ru/ky/en', async () => {
    const draft = tree([
      clause('Статья 5. Гарантии', { id: 'a5' as ClauseId, kind: 'article' }),
      clause('1. Работающим женщинам, имеющим детей в возрасте до трех лет, предоставляется дополнительный отпуск.', {
        id: 'a5p1' as ClauseId,
      }),
      clause('2. Запрещается применение труда женщин на подземных работах.', { id: 'a5p2' as ClauseId }),
    ]);
    const result = await analyseDraft(draft);
    expect(result.checklist).toEqual({ id: 'kg-gender-expertise', version: '2026.2' });
    const byDetector = new Map(result.findings.map((f) => [f.detectorId, f]));
    const care = byDetector.get('C8.ru.mother-only-care')!;
    expect(care).toMatchObject({ criterionId: 'C8', clauseId: 'a5p1', severity: 'concern', polarity: 'risk' });
    expect(care.suggestedWording!.ru).toContain('один из родителей (опекун, попечитель)');
    expect(care.explanation.ru.endsWith('?')).toBe(true);
    expect(care.legalBasis[0]).toMatchObject({ source: 'cedaw', article: '5(b)' });
    expect(byDetector.get('C9.ru.ban-on-women-work')).toMatchObject({ clauseId: 'a5p2', criterionId: 'C9' });
    for (const f of result.findings) for (const lang of ['ru', 'ky', 'en'] as const) expect(f.explanation[lang].length).toBeGreaterThan(0);
    expect((await analyseDraft(draft)).findings).toEqual(result.findings);
  });

  it('describes each checklist for the browser: questions, resolved legal basis, manual criteria', async () => {
    const [summary] = await describeChecklists();
    expect(summary!.ref).toBe('kg-gender-expertise@2026.2');
    const c10 = summary!.criteria.find((c) => c.id === 'C10')!;
    expect(c10.detectors).toEqual([]);
    expect(c10.questions[0]!.text.ky.length).toBeGreaterThan(0);
    const c9 = summary!.criteria.find((c) => c.id === 'C9')!;
    expect(c9.legalBasis[0]).toMatchObject({ source: 'cedaw', article: '11(1)(c)', title: { en: expect.stringContaining('CEDAW') } });
    expect(c9.detectors.map((d) => d.id)).toContain('C9.ru.ban-on-women-work');
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('analyseDraft refuses an unknown checklist with a coded error', async () => {
    await expect(analyseDraft(tree([]), { checklistId: 'nope' })).rejects.toMatchObject({ code: 'CHECKLIST_NOT_FOUND', status: 404 });
  });
});

describe('loadChecklists on a directory a secretary edited', () => {
  it('rejects a broken file naming it and its line, then loads again once it is fixed', async () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'tendik-checklists-'));
    try {
      const good = fs.readFileSync(path.join(CHECKLISTS_DIR, 'kg-gender-expertise.yml'), 'utf8');
      const broken = good.replace('severity: concern', 'severity: serious');
      const brokenLine = good.slice(0, good.indexOf('severity: concern')).split('\n').length;
      fs.writeFileSync(path.join(dir, 'alliance.yml'), broken);
      await expect(loadChecklists({ dir })).rejects.toMatchObject({
        code: 'CHECKLIST_INVALID',
        details: { problems: [expect.objectContaining({ file: 'alliance.yml', line: brokenLine, code: 'CHECKLIST_SCHEMA' })] },
      });
      fs.writeFileSync(path.join(dir, 'alliance.yml'), good);
      expect([...(await loadChecklists({ dir })).keys()]).toEqual(['kg-gender-expertise']);
      fs.writeFileSync(path.join(dir, 'copy.yaml'), good);
      await expect(loadChecklists({ dir, reload: true })).rejects.toMatchObject({ code: 'CHECKLIST_DUPLICATE_CHECKLIST' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
