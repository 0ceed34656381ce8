import { Schema, type NodeSpec } from 'prosemirror-model';

/**
 * The ProseMirror schema of a draft law, used by the server (import, seeding Yjs, export) and the
 * client (editor). A draft is a tree of `clause` nodes; each starts with its own printed line
 * (`clause_text`, e.g. "Статья 5. Основные понятия" or "1) …") followed by its sub-units.
 * Annotations are not marks: they live in the author docs and are drawn as decorations,
 * so the text doc stays the secretary's alone.
 */
const clause: NodeSpec = {
  group: 'block',
  content: 'clause_text clause*',
  defining: true,
  attrs: {
    id: { default: '' },
    kind: { default: 'text' },
    number: { default: null },
    label: { default: '' },
    title: { default: null },
    repealed: { default: false },
    /** AmendmentInfo as JSON text: Yjs attributes and DOM attributes both carry strings safely. */
    amendment: { default: null },
    /** New text quoted inside an amendment instruction: shown (and exported) as the instruction's text, not as the act's own unit. */
    quoted: { default: false },
  },
  parseDOM: [
    {
      tag: 'section[data-clause-id]',
      getAttrs: (dom) => {
        const el = dom as HTMLElement;
        return {
          id: el.getAttribute('data-clause-id') ?? '',
          kind: el.getAttribute('data-kind') ?? 'text',
          number: el.getAttribute('data-number'),
          label: el.getAttribute('data-label') ?? '',
          title: el.getAttribute('data-title'),
          repealed: el.getAttribute('data-repealed') === 'true',
          amendment: el.getAttribute('data-amendment'),
          quoted: el.getAttribute('data-quoted') === 'true',
        };
      },
    },
  ],
  toDOM: (node) => [
    'section',
    {
      'data-clause-id': node.attrs.id as string,
      'data-kind': node.attrs.kind as string,
      ...(node.attrs.number == null ? {} : { 'data-number': node.attrs.number as string }),
      'data-label': node.attrs.label as string,
      ...(node.attrs.repealed ? { 'data-repealed': 'true' } : {}),
      ...(node.attrs.quoted ? { 'data-quoted': 'true' } : {}),
      class: `clause clause--${node.attrs.kind as string}${node.attrs.repealed ? ' clause--repealed' : ''}${node.attrs.quoted ? ' clause--quoted' : ''}`,
    },
    0,
  ],
};

const clauseText: NodeSpec = {
  content: 'text*',
  marks: '',
  parseDOM: [{ tag: 'p.clause-text' }],
  toDOM: () => ['p', { class: 'clause-text' }, 0],
};

export const draftSchema = new Schema({
  nodes: {
    doc: { content: 'clause+' },
    clause,
    clause_text: clauseText,
    text: { group: 'inline' },
  },
  marks: {},
});

/** Name of the Y.XmlFragment that holds the draft in the TEXT doc (y-prosemirror's default is 'prosemirror'). */
export const DRAFT_FRAGMENT = 'draft';
