import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUser } from '../../server/auth/users';
import { createCommittee } from '../../server/committees/store';
import { api, login, registerCommittee, startTestServer, type TestServer } from '../helpers/app';

/**
 * A script payload: if any page ever parsed it as HTML, the handler or the script would set
 * window.__xss (the CSP would also stop it, but the tests check the text path itself: no element from
 * a payload may exist in the DOM).
 */
export const XSS = (tag: string) => `<img src=x class="pwned" onerror="window.__xss='${tag}'"><script>window.__xss='${tag}'</script>`;

export const DRAFT_TITLE = 'О поддержке семей';

export const DRAFT = [
  'Проект',
  'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
  DRAFT_TITLE,
  'Глава 1. Общие положения',
  'Статья 1. Цели',
  '1. Пособие по уходу за ребенком назначается женщинам, имеющим детей в возрасте до трех лет.',
  `2. ${XSS('draft')} Текст из черновика.`,
  'Статья 2. Комиссия',
  'Районная комиссия состоит из пяти членов.',
].join('\n\n');

/**
 * DRAFT in its second reading: a new article 1 «Понятия» renumbers «Цели» to article 2, its part 1
 * changes «трех» to «шести», and the article «Комиссия» is gone.
 */
export const SECOND_READING = [
  'Проект',
  'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
  DRAFT_TITLE,
  'Глава 1. Общие положения',
  'Статья 1. Понятия',
  'В настоящем Законе используются понятия семьи и ребенка.',
  'Статья 2. Цели',
  '1. Пособие по уходу за ребенком назначается женщинам, имеющим детей в возрасте до шести лет.',
  `2. ${XSS('draft')} Текст из черновика.`,
].join('\n\n');

export interface Person {
  email: string;
  password: string;
  name: string;
  id: string;
}

export interface E2eWorld {
  server: TestServer;
  secretary: Person;
  aida: Person;
  bakyt: Person;
  /** Staff of the committee `social`: reads the conclusions issued to it. */
  reader: Person;
  admin: Person;
  /** Creates a review through the real upload route (of DRAFT unless told), with both experts as members. */
  createReview(title: string, text?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real app on port 0 over a real SQLite file, with a secretary and two experts (one with a script in her name). */
export async function startWorld(): Promise<E2eWorld> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-e2e-'));
  const server = await startTestServer({ databasePath: path.join(dir, 'tendik.sqlite') });
  const db = server.tendik.ctx.db;
  // The registry of committees: the reader's, and a second one, so a list offers a choice.
  createCommittee(db, {
    code: 'social',
    names: { ru: 'Комитет по социальной политике', ky: 'Социалдык саясат боюнча комитет', en: 'Committee on Social Policy' },
    chair: 'А. Асанова',
  });
  registerCommittee(db, 'budget');
  const person = async (role: 'admin' | 'secretary' | 'expert' | 'reader', email: string, name: string, committee: string | null = null): Promise<Person> => {
    const password = `${role}-${Math.random().toString(36).slice(2)}-Pass1!`;
    const user = await createUser(db, { email, name, role, password, committee });
    return { email, password, name, id: user.id };
  };
  const secretary = await person('secretary', 'sec@e2e.local', `Секретарь ${XSS('name-sec')}`);
  const aida = await person('expert', 'aida@e2e.local', `Аида ${XSS('name-aida')}`);
  const bakyt = await person('expert', 'bakyt@e2e.local', 'Бакыт');
  const reader = await person('reader', 'reader@e2e.local', 'Сотрудник комитета', 'social');
  const admin = await person('admin', 'admin@e2e.local', 'Администратор');
  const auth = await login(server, secretary.email, secretary.password);

  return {
    server,
    secretary,
    aida,
    bakyt,
    reader,
    admin,
    async createReview(title, text = DRAFT) {
      const form = new FormData();
      form.append('title', title);
      form.append('file', new Blob([text], { type: 'text/plain' }), 'draft.txt');
      const res = await api(server, auth, '/api/reviews', { method: 'POST', body: form });
      if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
      const id = ((await res.json()) as { review: { id: string } }).review.id;
      for (const expert of [aida, bakyt]) {
        const added = await api(server, auth, `/api/reviews/${id}/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: expert.id }) });
        if (added.status >= 300) throw new Error(`adding a member failed: ${added.status} ${await added.text()}`);
      }
      return id;
    },
    async close() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
