import { describe, expect, it } from 'vitest';
import { findClause, type ClauseTree } from '../../shared/clause';
import { parseDraft } from '../../server/import/parse';
import type { SourceDocument } from '../../server/import/source';
import { analyseDraft } from '../../server/checklist/service';
import { corpusAvailable, readCorpus } from '../helpers/corpus';

/** A corpus text through the real structure parser, as after an import of a plain-text file. */
function parsed(file: string): ClauseTree {
  const paragraphs = readCorpus(file)
    .split('\n')
    .map((text, i) => ({ text, line: i + 2 }))
    .filter((p) => p.text.trim() !== '');
  return parseDraft({ format: 'text', paragraphs, warnings: [] } as unknown as SourceDocument).tree;
}

async function findingsOn(file: string) {
  const tree = parsed(file);
  const { findings } = await analyseDraft(tree);
  return findings.map((f) => ({ ...f, clauseText: findClause(tree, f.clauseId)!.text }));
}

describe.runIf(corpusAvailable())('checklist engine on real codes parsed by the import', () => {
  it('Criminal Code: flags bride kidnapping, polygamy and family violence, and sex-specific sentencing', async () => {
    const findings = await findingsOn('kg_criminal_code_2021_ru.txt');
    const on = (criterion: string, words: string) =>
      findings.filter((f) => f.criterionId === criterion && f.clauseText.includes(words));
    expect(on('C11', 'Похищение лица для вступления в брак')).toHaveLength(1);
    expect(on('C11', 'Двоеженство или многоженство')).not.toHaveLength(0);
    expect(on('C11', 'Семейное насилие')).not.toHaveLength(0);
    expect(on('C2', 'Пожизненное лишение свободы не назначается женщинам')).toHaveLength(1);
    // Pregnancy as an aggravating circumstance is protection, not a finding.
    expect(findings.filter((f) => f.clauseText.includes('находящейся в состоянии беременности'))).toEqual([]);
    for (const f of findings) expect(f.clauseText.slice(f.span.start, f.span.end)).toBe(f.quote.exact);
  });

  it('Family Code: flags the husband-only restriction and the marriage-age exception', async () => {
    const findings = await findingsOn('kg_family_code_2003_ru.txt');
    expect(findings.some((f) => f.criterionId === 'C2' && f.clauseText.startsWith('Муж не имеет права'))).toBe(true);
    expect(findings.some((f) => f.criterionId === 'C11' && f.clauseText.includes('снизить брачный возраст'))).toBe(true);
    expect(findings.filter((f) => f.clauseText.includes('Брачный возраст устанавливается в восемнадцать лет'))).toEqual([]);
  });

  it('Kyrgyz Labour Code fragments: nothing to flag in a clause; the act regulates employment and nowhere bans sexual harassment', async () => {
    const findings = await findingsOn('kg_labour_code_2025_ky_fragments.txt');
    expect(findings.filter((f) => !f.actLevel)).toEqual([]);
    expect(findings.map((f) => [f.detectorId, f.why?.context])).toEqual([['C11.ky.harassment-absent', 'heading']]);
    // It lists the clauses it looked at: those on the employment contract.
    expect(findings[0]!.why!.lookedAt!.length).toBeGreaterThanOrEqual(3);
  });
});
