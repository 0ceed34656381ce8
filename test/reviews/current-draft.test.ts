import { describe, expect, it } from 'vitest';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import type { ClauseTree } from '../../shared/clause';
import { clauseTreeToDoc, docToClauseTree } from '../../shared/clause-doc';
import { clauseTexts, draftFragment, plainText } from '../../shared/collab/text-doc';
import type { ClauseId, UserId } from '../../shared/ids';
import { draftSchema } from '../../shared/schema';
import { clauseTreeOfTextDoc, currentDraftTree, storedDraft } from '../../server/reviews/current-draft';
import { createReview } from '../../server/reviews/store';
import { makeUser, startTestServer } from '../helpers/app';
import { importDraft } from '../../server/import/import-draft';
import { corpusAvailable, readCorpus } from '../helpers/corpus';
import { draftTree } from '../export/fixtures';

function seeded(tree: ClauseTree): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(draftSchema, clauseTreeToDoc(tree).toJSON(), draftFragment(doc));
  return doc;
}

const viaProseMirror = (doc: Y.Doc, meta: ClauseTree['meta']) =>
  docToClauseTree(yXmlFragmentToProseMirrorRootNode(draftFragment(doc), draftSchema), meta);

describe('the draft tree read from the TEXT doc', () => {
  it('equals what the editor document gives, attributes and edits included', () => {
    const tree = draftTree();
    const article = tree.clauses[1]!;
    article.title = 'Основные понятия';
    article.children[0]!.repealed = true;
    article.children.push({
      id: 'a1.p3' as ClauseId,
      kind: 'part',
      number: '3',
      label: 'Статья 1, часть 3',
      text: '3) дополнить словами «или отцу»',
      children: [{ id: 'a1.p3.q' as ClauseId, kind: 'text', number: null, label: '', text: 'или отцу', quoted: true, children: [] }],
      amendment: { operation: 'supplement', target: { article: '1', part: '1' }, newWords: 'или отцу', added: 'словами' },
    });
    const doc = seeded(tree);
    // The secretary's edit: words added to one clause, another emptied.
    const text = clauseTexts(doc).get('a2.p1')!;
    text.insert(plainText(text).length, ' (исправлено)');
    const emptied = clauseTexts(doc).get('a2.p2')!;
    emptied.delete(0, plainText(emptied).length);

    const direct = clauseTreeOfTextDoc(doc, tree.meta);
    expect(direct).toEqual(viaProseMirror(doc, tree.meta));
    expect(direct.clauses[2]!.children[0]!.text).toBe('1. Решение принимает уполномоченный работник органа социальной защиты. (исправлено)');
    expect(direct.clauses[2]!.children[1]!.text).toBe('');
    expect(direct.clauses[1]!.children[2]!.amendment).toEqual(article.children[2]!.amendment);
  });

  it('reads a broken amendment attribute the same way on both paths: left out, never thrown', () => {
    const doc = seeded(draftTree());
    const clause = draftFragment(doc).toArray()[1] as Y.XmlElement;
    clause.setAttribute('amendment', '{not json');
    const direct = clauseTreeOfTextDoc(doc, draftTree().meta);
    expect(direct.clauses[1]!.amendment).toBeUndefined();
    expect(direct).toEqual(viaProseMirror(doc, draftTree().meta));
  });

  it('equals it for the Criminal Code as imported', () => {
    const file = 'kg_criminal_code_2021_ru.txt';
    if (!corpusAvailable(file)) {
      console.warn('SKIPPED: the Criminal Code is not in ../shared/corpus');
      return;
    }
    const imported = importDraft(Buffer.from(readCorpus(file), 'utf8'), { fileName: file, maxInflatedBytes: 100 * 1024 * 1024 });
    const doc = seeded(imported.tree);
    const direct = clauseTreeOfTextDoc(doc, imported.tree.meta);
    expect(direct).toEqual(viaProseMirror(doc, imported.tree.meta));
    expect(direct.clauses.length).toBe(imported.tree.clauses.length);
  });

  it('reads the stored metadata without the tree, and falls back to the stored tree when the TEXT doc is empty', async () => {
    const server = await startTestServer();
    try {
      const db = server.tendik.ctx.db;
      const secretary = await makeUser(server, 'secretary');
      const tree = draftTree();
      // An editor document without clauses seeds an empty TEXT doc.
      const reviewId = createReview(db, {
        title: 'Пособия',
        sourceName: 'draft.txt',
        createdBy: secretary.user.id as UserId,
        members: [],
        draft: { tree, pmDoc: { type: 'doc', content: [] }, report: {}, sourceSha256: '2'.repeat(64) },
      }).id;
      const stored = storedDraft(db, reviewId)!;
      expect(stored.meta).toEqual(tree.meta);
      expect(await currentDraftTree(server.tendik.ctx, reviewId, stored)).toEqual(tree);
      expect(storedDraft(db, 'no-such-review')).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
