import fs from 'node:fs';
import path from 'node:path';
import { walkClauses, type Clause, type ClauseTree } from '../../shared/clause';
import { applyAmendments, type BaseAct } from '../../shared/amend/apply';
import { instructionsOf } from '../../shared/amend/instructions';
import type { ApplyOutcome } from '../../shared/amend/result';
import { importDraft } from '../../server/import/import-draft';
import { readCorpus } from '../helpers/corpus';
import type { FixtureExpectation } from './expectations';

export const FIXTURES = path.join(__dirname, 'fixtures');

export function parseText(text: string, fileName = 'act.txt'): ClauseTree {
  return importDraft(new TextEncoder().encode(text), { fileName, maxInflatedBytes: 100 << 20 }).tree;
}

export function fixtureTree(name: string): ClauseTree {
  return parseText(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), name);
}

const baseCache = new Map<string, ClauseTree>();
export function baseTree(exp: FixtureExpectation): ClauseTree {
  const key = 'fixture' in exp.base ? exp.base.fixture : exp.base.corpus;
  let tree = baseCache.get(key);
  if (!tree) {
    tree = 'fixture' in exp.base ? fixtureTree(exp.base.fixture) : parseText(readCorpus(exp.base.corpus), exp.base.corpus);
    baseCache.set(key, tree);
  }
  return tree;
}

export function baseAct(exp: FixtureExpectation, key = 'base'): BaseAct {
  const tree = baseTree(exp);
  return { key, title: exp.actTitle ?? tree.meta.amendedActs?.[0] ?? amendedTitle(exp), tree };
}

/** The title the amendment law names, for a base act whose own file has none printed (the Family Code's). */
function amendedTitle(exp: FixtureExpectation): string {
  return fixtureTree(exp.amendment).meta.amendedActs?.[0] ?? 'act';
}

export function applyFixture(exp: FixtureExpectation): ApplyOutcome {
  const amending = fixtureTree(exp.amendment);
  return applyAmendments(instructionsOf(amending), [baseAct(exp)]);
}

export function clauseById(tree: ClauseTree, id: string): Clause | undefined {
  for (const [c] of walkClauses(tree.clauses)) if (c.id === id) return c;
  return undefined;
}

/** A fixture's bytes, for an upload. */
export const fixtureBytes = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES, name));

/** A multipart upload of `bytes` as the file `name`, with the form's other fields. */
export function uploadForm(bytes: Uint8Array, name: string, fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  return body;
}

/** A JSON POST's request options. */
export const jsonPost = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
