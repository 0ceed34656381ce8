import { describe, expect, test } from 'vitest';
import { mentionedIds, mentionsInModel, parseMentions } from '../../shared/mentions';

const people = [
  { id: 'b', name: 'Бермет' },
  { id: 'ba', name: 'Бермет Асанова' },
  { id: 'k', name: 'Kanat' },
];

describe('@mentions (shared/mentions.ts)', () => {
  test('a member\'s name after @, the longest first, any case, at a word boundary', () => {
    expect(parseMentions('@Бермет Асанова, посмотрите', people)).toEqual([{ userId: 'ba', start: 0, end: 15 }]);
    expect(mentionedIds('Прошу @бермет и @KANAT.', people)).toEqual(['b', 'k']);
    // Not a mention: a longer word, an e-mail address, a name no member has.
    expect(parseMentions('@Берметка', people)).toEqual([]);
    expect(parseMentions('kanat@Kanat.kg', people)).toEqual([]);
    expect(parseMentions('@Администратор', people)).toEqual([]);
  });

  test('in a model: experts\' findings, comments and replies, not deleted, nobody mentioning herself', () => {
    const model = {
      findings: [
        { id: 'f1', origin: 'expert', authorId: 'k', explanation: '@Бермет см.', replies: [{ id: 'r1', authorId: 'b', body: '@Kanat да, @Бермет', createdAt: 5 }, { id: 'r2', authorId: 'k', body: '@Бермет', createdAt: 6, deletedAt: 7 }] },
        { id: 'cf', origin: 'engine', authorId: null, explanation: { ru: '@Бермет', ky: '', en: '' }, replies: [] },
      ],
      comments: [{ id: 'c1', kind: 'comment', authorId: 'b', body: 'вопрос @Бермет Асанова', createdAt: 9, replies: [] }],
    };
    expect(mentionsInModel(model, people).map((m) => [m.sourceId, m.cardId, m.authorId, m.userId])).toEqual([
      ['f1', 'f1', 'k', 'b'],
      ['r1', 'f1', 'b', 'k'],
      ['c1', 'c1', 'b', 'ba'],
    ]);
  });
});
