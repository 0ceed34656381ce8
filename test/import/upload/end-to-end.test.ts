import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { Document, LevelFormat, LevelSuffix, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { walkClauses, type ClauseTree } from '../../../shared/clause';
import { corpusAvailable, readCorpus } from '../../helpers/corpus';
import { createUser } from '../../../server/auth/users';
import { PROJECT_ROOT } from '../../../server/config';
import { importDraft } from '../../../server/import/import-draft';
import { getImport, listReviews, reviewMembers } from '../../../server/reviews/store';
import { seedDemo, seedDemoReview, DEMO_DRAFT } from '../../../server/seed-demo';
import { openDatabase } from '../../../server/storage/db';

const OPTIONS = { maxInflatedBytes: 100 * 1024 * 1024 };
const SAMPLES = path.join(PROJECT_ROOT, 'data', 'samples');

function articles(tree: ClauseTree): string[] {
  return [...walkClauses(tree.clauses)].filter(([c]) => c.kind === 'article').map(([c]) => c.number ?? '?');
}

/** A draft as a ministry would type it in Word: article headings and parts numbered automatically. */
async function wordDraft(): Promise<Uint8Array> {
  const art = (title: string) => new Paragraph({ text: title, numbering: { reference: 'law', level: 0 } });
  const part = (text: string) => new Paragraph({ text, numbering: { reference: 'law', level: 1 } });
  const doc = new Document({
    numbering: {
      config: [{ reference: 'law', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: 'Статья %1.' }, { level: 1, format: LevelFormat.DECIMAL, text: '%2.' }] }],
    },
    sections: [
      {
        children: [
          new Paragraph('Проект'),
          new Paragraph('ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ'),
          new Paragraph('О поддержке семей с детьми'),
          art('Цели'),
          part('Настоящий Закон определяет меры поддержки.'),
          part('Поддержка оказывается родителям.'),
          art('Пособие'),
          part('Пособие назначается женщинам, имеющим детей до трех лет.'),
          art('Комиссия'),
          new Paragraph('Комиссия формируется из пяти членов.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('import end to end (readers + structure parser)', () => {
  it('a DOCX with Word numbering yields the articles and parts the numbers make', async () => {
    const result = importDraft(await wordDraft(), { ...OPTIONS, fileName: 'proekt.docx' });
    expect(articles(result.tree)).toEqual(['1', '2', '3']);
    expect(result.report).toMatchObject({ format: 'docx', isDraft: true, counts: { article: 3, part: 3 } });
    expect(JSON.stringify(result.pmDoc)).toContain('Статья 2. Пособие');
    expect(result.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reader warnings name the clause their line ended up in', () => {
    const html = '<p>ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ</p><p>Статья 1. Цели</p><p>Текст статьи.</p><p>Статья 2. Пособие</p><p onclick="x()">1. Пособие назначается матери.</p>';
    const result = importDraft(new TextEncoder().encode(html), { ...OPTIONS, fileName: 'd.html' });
    const removed = result.report.warnings.find((w) => w.code === 'content_removed');
    expect(removed?.location.line).toBe(5);
    expect(removed?.location.clauseId).toBeDefined();
    expect(removed?.location.label).toMatch(/Статья 2/);
  });

  it('the same draft as Windows-1251 text and as Word-HTML gives the same articles', () => {
    const text = fs.readFileSync(path.join(SAMPLES, 'proekt-zakona-o-podderzhke-semei-ru.txt'), 'utf8');
    const fromText = importDraft(new Uint8Array(iconv.encode(text, 'windows-1251')), { ...OPTIONS, fileName: 'p.txt' });
    expect(fromText.report.encoding).toBe('windows-1251');
    const html = `<html><head><meta charset="windows-1251"></head><body>${text
      .split('\n')
      .map((l) => `<p class=MsoNormal>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}<o:p></o:p></p>`)
      .join('\n')}</body></html>`;
    const fromHtml = importDraft(new Uint8Array(iconv.encode(html, 'windows-1251')), { ...OPTIONS, fileName: 'p.html' });
    expect(articles(fromText.tree)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(articles(fromHtml.tree)).toEqual(articles(fromText.tree));
    expect(fromHtml.report.counts).toEqual(fromText.report.counts);
    expect(fromText.report).toMatchObject({ language: 'ru', isDraft: true, title: 'О государственной поддержке семей с детьми и занятости родителей' });
  });

  it('the Kyrgyz sample is recognised as Kyrgyz with its articles', () => {
    const result = importDraft(new Uint8Array(fs.readFileSync(path.join(SAMPLES, 'myizam-doloboru-ky.txt'))), OPTIONS);
    expect(result.report.language).toBe('ky');
    expect(articles(result.tree)).toEqual(['1', '2', '3', '4']);
  });
});

describe.runIf(corpusAvailable('kg_family_code_2003_ru.txt'))('a real code as text and as a Word DOCX', () => {
  it('gives the same articles and the same text either way', async () => {
    const text = readCorpus('kg_family_code_2003_ru.txt');
    const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
    // Article headings become Word numbering while the printed numbers run 1, 2, 3 …; from the first
    // irregular number on (inserted «Статья 21-1», gaps) they stay typed, as an edited Word file has them.
    let expected = 1;
    let auto = true;
    const paragraphs = lines.map((line) => {
      const heading = /^Статья (\d+)\.\s+(.*)$/.exec(line);
      if (heading && auto && Number(heading[1]) === expected) {
        expected++;
        return new Paragraph({ text: heading[2]!, numbering: { reference: 'art', level: 0 } });
      }
      if (heading || /^Статья \d/.test(line)) auto = false;
      return new Paragraph(line);
    });
    expect(expected).toBeGreaterThan(20);
    const doc = new Document({
      numbering: { config: [{ reference: 'art', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: 'Статья %1.', suffix: LevelSuffix.SPACE }] }] },
      sections: [{ children: paragraphs }],
    });
    const fromDocx = importDraft(new Uint8Array(await Packer.toBuffer(doc)), { ...OPTIONS, fileName: 'family.docx' });
    const fromText = importDraft(new TextEncoder().encode(text), { ...OPTIONS, fileName: 'family.txt' });
    expect(fromDocx.source.paragraphs.map((p) => p.text)).toEqual(fromText.source.paragraphs.map((p) => p.text));
    expect(articles(fromDocx.tree)).toEqual(articles(fromText.tree));
    expect(fromDocx.report.counts).toEqual(fromText.report.counts);
  });
});

describe('demo seed', () => {
  it('imports the sample draft into a demo review with both experts as members, once', async () => {
    const db = openDatabase(':memory:');
    try {
      const printed: string[] = [];
      await seedDemo(db, (line) => printed.push(line));
      const reviews = listReviews(db);
      expect(reviews).toHaveLength(1);
      expect(reviews[0]!.title).toMatch(/поддержке семей/);
      const experts = (db.prepare("SELECT id FROM users WHERE role = 'expert'").all() as Array<{ id: string }>).map((r) => r.id).sort();
      expect(reviewMembers(db, reviews[0]!.id).sort()).toEqual(experts);
      expect(articles(getImport(db, reviews[0]!.id)!.tree)).toHaveLength(10);
      expect(printed.join('\n')).toMatch(/Demo review/);
      await seedDemo(db, () => {});
      expect(listReviews(db)).toHaveLength(1);
      expect(seedDemoReview(db, [], DEMO_DRAFT)).toBeNull();
    } finally {
      db.close();
    }
  });

  it('does not seed a review into a database that already has users', async () => {
    const db = openDatabase(':memory:');
    try {
      await createUser(db, { email: 'a@b.c', name: 'A', role: 'admin', password: 'long-enough-password-1', committee: null });
      await seedDemo(db, () => {});
      expect(listReviews(db)).toHaveLength(0);
    } finally {
      db.close();
    }
  });
});

describe('CLI: npm run import -- FILE [--json]', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'server', 'cli', 'import.ts'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, TENDIK_LANG: '' },
    });

  it('prints the outline down to articles and the report', () => {
    const out = run(path.join(SAMPLES, 'proekt-zakona-o-podderzhke-semei-ru.txt'), '--lang=ru');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^Глава 1 — Общие положения/m);
    expect(out.stdout).toMatch(/^ {2}Статья 5 — Ограничение применения труда женщин/m);
    expect(out.stdout).toMatch(/Формат: text \(utf-8\)/);
    expect(out.stdout).toMatch(/article 10/);
  });

  it('--json prints {tree, report}', () => {
    const out = run(path.join(SAMPLES, 'myizam-doloboru-ky.txt'), '--json');
    expect(out.status).toBe(0);
    const parsed = JSON.parse(out.stdout) as { tree: ClauseTree; report: { language: string } };
    expect(parsed.report.language).toBe('ky');
    expect(articles(parsed.tree)).toHaveLength(4);
  });

  it('exits non-zero with the localized refusal on bad input', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-cli-'));
    try {
      const empty = path.join(dir, 'empty.docx');
      fs.writeFileSync(empty, '');
      const out = run(empty, '--lang=ky');
      expect(out.status).toBe(2);
      expect(out.stderr).toMatch(/IMPORT_EMPTY: Файл бош/);
      const junk = path.join(dir, 'junk.docx');
      fs.writeFileSync(junk, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
      const bad = run(junk, '--lang=en');
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/IMPORT_DOCX_CORRUPT: The DOCX file is damaged/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
