import { describe, expect, it } from 'vitest';
import { importDraft } from '../../server/import/import-draft';
import { corpusAvailable, readCorpus } from '../helpers/corpus';
import { evaluate, sentencePool } from './amend';

/**
 * Issue 16's re-anchoring target on the real codes (the figures over more seeds: `npm run bench -- reanchor`):
 * a new reading made by seeded amendment operations, 1,000 annotations at random on the old one —
 * ≥ 99 % land on the right words or are orphaned where their words are gone, none lands wrongly, none
 * is lost. Seeds 11 and 12 are development data now (looked at while tuning the carrier); the held-out
 * seeds 401–406 live in the bench only and were run once, after the change. Skipped, saying so, without the corpus
 * (vitest lists these tests as skipped and the corpus helper prints that ../shared/corpus was not found).
 */
const CRIMINAL = 'kg_criminal_code_2021_ru.txt';
const FAMILY = 'kg_family_code_2003_ru.txt';
const tree = (file: string) => importDraft(new TextEncoder().encode(readCorpus(file)), { fileName: file, maxInflatedBytes: 1e8 }).tree;

describe.runIf(corpusAvailable(CRIMINAL) && corpusAvailable(FAMILY))('re-anchoring across a new reading of the codes', () => {
  it.each([
    ['Criminal Code', CRIMINAL, FAMILY, 11],
    ['Family Code', FAMILY, CRIMINAL, 12],
  ])('%s: at least 99 percent right, 0 wrong, 0 lost', (name, file, other, seed) => {
    const e = evaluate(name, tree(file), sentencePool(tree(other)), seed, 1000);
    const v = e.verdicts;
    expect(e.untraced, 'every new unit traced through the import').toBe(0);
    expect(e.truths.gone + e.truths.partial + e.truths.reworded, 'the amendment reached some annotations').toBeGreaterThan(5);
    expect(v.lost).toBe(0);
    expect(v.wrong, JSON.stringify(e.examples.filter((x) => x.verdict === 'wrong'))).toBe(0);
    expect((v.right + v['orphaned-correctly']) / e.annotations).toBeGreaterThanOrEqual(0.99);
    // Renumbering is recognised from the text: most units keep their words under another id, not deleted and inserted.
    expect(e.alignment.renumbered ?? 0).toBeGreaterThan(100);
    expect(e.alignment.deleted ?? 0).toBeLessThan(100);
  });

  // The stress set: all 1,000 annotations on units an amendment changed (reworded, restated, moved,
  // split, deleted). A restated part shares a phrase with the old words now and then («Кыргызской
  // Республики», «средств либо»): an annotation must be orphaned there, never follow the phrase.
  it.each([
    ['Criminal Code', CRIMINAL, FAMILY, 11],
    ['Family Code', FAMILY, CRIMINAL, 12],
  ])('%s, all annotations on amended units: 0 wrong, 0 lost, at least 98 percent right', (name, file, other, seed) => {
    const e = evaluate(name, tree(file), sentencePool(tree(other)), seed, 1000, true);
    const v = e.verdicts;
    expect(e.truths.gone + e.truths.partial, 'the stress set has annotations whose words are gone').toBeGreaterThan(200);
    expect(v.lost).toBe(0);
    expect(v.wrong, JSON.stringify(e.examples.filter((x) => x.verdict === 'wrong'))).toBe(0);
    expect((v.right + v['orphaned-correctly']) / e.annotations).toBeGreaterThanOrEqual(0.98);
  });
});
