import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { CORRECTIONS_MAP, readCorrections, recordCorrection } from '../../shared/collab/corrections';

describe('the secretary\'s corrections of the text (shared/collab/corrections.ts)', () => {
  const where = { clauseId: 'a2.p1', article: '2', label: 'Статья 2, абзац 1' };

  test('the first record keeps the text from before; later ones move only after and at; changed back, the record goes', () => {
    const doc = new Y.Doc();
    recordCorrection(doc, 'sec', { ...where, before: 'из пяти членов', after: 'из семи членов' }, 1000);
    recordCorrection(doc, 'sec', { ...where, before: 'из семи членов', after: 'из девяти членов' }, 2000);
    expect(readCorrections(doc, 'sec')).toEqual([{ ...where, before: 'из пяти членов', after: 'из девяти членов', authorId: 'sec', firstAt: 1000, at: 2000 }]);
    recordCorrection(doc, 'sec', { ...where, before: 'из девяти членов', after: 'из пяти членов' }, 3000);
    expect(readCorrections(doc, 'sec')).toEqual([]);
  });

  test('the author is the doc\'s owner, never what a record says; malformed records are skipped', () => {
    const doc = new Y.Doc();
    recordCorrection(doc, 'someone-else', { ...where, before: 'a', after: 'b' }, 1);
    doc.getMap(CORRECTIONS_MAP).set('junk', { clauseId: 5 });
    expect(readCorrections(doc, 'sec').map((c) => c.authorId)).toEqual(['sec']);
  });
});
