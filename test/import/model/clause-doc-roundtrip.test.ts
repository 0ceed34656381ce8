import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { walkClauses, type Clause, type ClauseTree } from '../../../shared/clause';
import { clauseTreeToDoc, docToClauseTree } from '../../../shared/clause-doc';
import { DRAFT_FRAGMENT, draftSchema } from '../../../shared/schema';
import { parseDraft } from '../../../server/import/parse';
import { sourceFromText } from '../parse/source';

// Our own fixture: an amendment law whose instructions carry quoted new text, plus a repealed part.
const AMENDMENT = `Проект

ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ

О внесении изменений в Закон Кыргызской Республики «О государственных пособиях»

Статья 1.
Внести в Закон Кыргызской Республики «О государственных пособиях» следующие изменения:
в статье 4 слова «глава семьи» заменить словами «один из родителей»;
статью 7 дополнить частью 3 следующего содержания:
«3. Пособие назначается любому из родителей, фактически осуществляющему уход за ребенком.»;
статью 9 изложить в следующей редакции:
«Статья 9. Размер пособия
1. Размер пособия устанавливается Кабинетом Министров.
2. Утратила силу.»
Статья 2.
Настоящий Закон вступает в силу со дня официального опубликования.`;

/** The tree as the editor document can carry it: the source line number stays with the import report. */
function withoutLines(clauses: Clause[]): Clause[] {
  return clauses.map(({ line: _line, children, ...rest }) => ({ ...rest, children: withoutLines(children) }));
}

describe('clause tree ⇄ editor document', () => {
  const { tree } = parseDraft(sourceFromText(AMENDMENT));
  const expected: ClauseTree = { meta: tree.meta, clauses: withoutLines(tree.clauses) };

  it('the fixture has the attributes worth carrying: amendments, quoted new text, titles', () => {
    const all = [...walkClauses(tree.clauses)].map(([c]) => c);
    expect(all.some((c) => c.amendment)).toBe(true);
    expect(all.some((c) => c.quoted)).toBe(true);
    expect(all.some((c) => c.title)).toBe(true);
  });

  it('comes back unchanged from the ProseMirror document', () => {
    expect(docToClauseTree(clauseTreeToDoc(tree), tree.meta)).toEqual(expected);
  });

  it('comes back unchanged through the Yjs TEXT doc the collaboration server seeds', () => {
    const doc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(draftSchema, clauseTreeToDoc(tree).toJSON(), doc.getXmlFragment(DRAFT_FRAGMENT));
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const json = yXmlFragmentToProsemirrorJSON(replica.getXmlFragment(DRAFT_FRAGMENT));
    expect(docToClauseTree(draftSchema.nodeFromJSON(json), tree.meta)).toEqual(expected);
  });

  it('marks quoted new text in the DOM so the editor can set it apart', () => {
    const quoted = [...walkClauses(tree.clauses)].map(([c]) => c).find((c) => c.quoted)!;
    let spec: unknown = null;
    clauseTreeToDoc(tree).descendants((n) => {
      if (n.type.name === 'clause' && n.attrs.id === quoted.id) spec = n.type.spec.toDOM!(n);
      return spec === null;
    });
    expect(JSON.stringify(spec)).toContain('"data-quoted":"true"');
  });
});
