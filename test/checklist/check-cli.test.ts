import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKLISTS_DIR } from '../../server/checklist/service';

function check(dir: string, lang = 'en') {
  return spawnSync(process.execPath, ['--import', 'tsx', path.resolve('server/checklist/check-cli.ts'), dir], {
    encoding: 'utf8',
    env: { ...process.env, TENDIK_LANG: lang },
  });
}

describe('npm run checklist:check', () => {
  it('says OK for the shipped checklists', () => {
    const result = check(CHECKLISTS_DIR);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^OK kg-gender-expertise\.yml: kg-gender-expertise@[\w.]+, 17 criteria, \d+ detectors, \d+ examples passed/m);
  });

  it('prints FILE:LINE:COLUMN CODE message for each problem and exits 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-check-'));
    try {
      const good = fs.readFileSync(path.join(CHECKLISTS_DIR, 'kg-gender-expertise.yml'), 'utf8');
      const at = good.indexOf('severity: violation');
      const line = good.slice(0, at).split('\n').length;
      fs.writeFileSync(path.join(dir, 'edited.yml'), good.slice(0, at) + 'severity: grave' + good.slice(at + 'severity: violation'.length));
      const en = check(dir);
      expect(en.status).toBe(1);
      expect(en.stderr).toContain(`edited.yml:${line}:`);
      expect(en.stderr).toContain('CHECKLIST_SCHEMA The value does not fit the checklist format');
      expect(check(dir, 'ru').stderr).toContain('Значение не соответствует формату чек-листа');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
