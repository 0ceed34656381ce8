import { describe, expect, test } from 'vitest';
import { insertMention, mentionQuery } from '../../client/review/mention-suggest';
import { parseMentions } from '../../shared/mentions';

const people = [
  { id: 'b', name: 'Бакыт Осмонов' },
  { id: 'a', name: 'Аида Бекова' },
  { id: 'o', name: 'Ольга Бакирова' },
  { id: 'x', name: 'Айгуль' },
];

describe('@-suggestions while typing', () => {
  test('offers the people whose name or a word of it begins with what is typed, names starting with it first', () => {
    const text = 'Прошу посмотреть @бак';
    expect(mentionQuery(text, text.length, people)?.people.map((p) => p.id)).toEqual(['b', 'o']);
    expect(mentionQuery('@', 1, people)?.people.map((p) => p.id)).toEqual(['a', 'x', 'b', 'o']);
    expect(mentionQuery('@Аида Б', 7, people)?.people.map((p) => p.id)).toEqual(['a']);
  });

  test('offers nobody for an e-mail address, after a newline, past a whole sentence or for an unknown name', () => {
    expect(mentionQuery('mail@бак', 8, people)).toBeNull();
    expect(mentionQuery('@Бак\nтекст', 10, people)).toBeNull();
    expect(mentionQuery('@ бак', 5, people)).toBeNull();
    expect(mentionQuery('@Зарина', 7, people)).toBeNull();
    const long = `@Бакыт ${'слово '.repeat(10)}`;
    expect(mentionQuery(long, long.length, people)).toBeNull();
  });

  test('reads only what is before the caret', () => {
    const text = '@Аи — и дальше текст';
    expect(mentionQuery(text, 3, people)?.query).toBe('Аи');
  });

  test('inserting puts the whole name, a space, the caret after it — and the server reads it as a mention', () => {
    const text = 'Коллега @бак, посмотрите';
    const caret = text.indexOf(',');
    const q = mentionQuery(text, caret, people)!;
    const done = insertMention(text, caret, q.at, q.people[0]!.name);
    expect(done.text).toBe('Коллега @Бакыт Осмонов , посмотрите');
    expect(done.text.slice(0, done.caret)).toBe('Коллега @Бакыт Осмонов ');
    expect(parseMentions(done.text, people).map((m) => m.userId)).toEqual(['b']);
    // A space already after the caret is not doubled.
    expect(insertMention('@Аи текст', 3, 0, 'Аида Бекова').text).toBe('@Аида Бекова текст');
  });
});
