import fs from 'node:fs';
import path from 'node:path';
import { isTendikError } from '../../shared/errors';
import { negotiateLang, type Lang } from '../../shared/i18n/lang';
import type { ImportReport } from '../../shared/import-report';
import { loadConfig } from '../config';
import { importDraft } from '../import/import-draft';
import { outlineLines, outlineOf } from '../import/outline';

/**
 * npm run import -- FILE [--json] [--lang=ru|ky|en]
 * Prints the draft's outline (down to articles), the counts and the import report's warnings; --json
 * prints {tree, report}. Bad input exits with code 2 and the refusal in the user's language.
 */
const USAGE = 'usage: npm run import -- FILE [--json] [--lang=ru|ky|en]';

const LABELS: Record<Lang, { format: string; language: string; act: string; draft: string; title: string; counts: string; warnings: string; repairs: string; size: string; yes: string; no: string; none: string }> = {
  ru: { format: 'Формат', language: 'Язык', act: 'Вид акта', draft: 'Проект', title: 'Название', counts: 'Единицы', warnings: 'Замечания', repairs: 'Прочитано иначе, чем напечатано', size: 'Объём', yes: 'да', no: 'нет', none: 'нет' },
  ky: { format: 'Формат', language: 'Тил', act: 'Актынын түрү', draft: 'Долбоор', title: 'Аталышы', counts: 'Бирдиктер', warnings: 'Эскертүүлөр', repairs: 'Басылгандан башкача окулду', size: 'Көлөмү', yes: 'ооба', no: 'жок', none: 'жок' },
  en: { format: 'Format', language: 'Language', act: 'Act kind', draft: 'Draft', title: 'Title', counts: 'Units', warnings: 'Warnings', repairs: 'Read differently from the printed lines', size: 'Size', yes: 'yes', no: 'no', none: 'none' },
};

export function reportLines(report: ImportReport, lang: Lang): string[] {
  const t = LABELS[lang];
  const counts = Object.entries(report.counts)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  const lines = [
    `${t.format}: ${report.format}${report.encoding ? ` (${report.encoding})` : ''}`,
    `${t.language}: ${report.language}   ${t.act}: ${report.actKind}   ${t.draft}: ${report.isDraft ? t.yes : t.no}`,
    `${t.title}: ${report.title ?? '—'}`,
    `${t.counts}: ${counts || t.none}`,
    `${t.size}: ${report.paragraphs} ¶, ${report.characters} chars, ${report.durationMs} ms`,
    `${t.warnings}: ${report.warnings.length === 0 ? t.none : report.warnings.length}`,
  ];
  const item = (w: { code: string; message: Record<Lang, string>; location: { line?: number; label?: string } }) => {
    const where = [w.location.line ? `#${w.location.line}` : '', w.location.label ?? ''].filter(Boolean).join(' ');
    lines.push(`  - [${w.code}]${where ? ` ${where}:` : ''} ${w.message[lang]}`);
  };
  report.warnings.forEach(item);
  // What the import read differently from the printed lines, for the reader to check.
  const repairs = report.repairs ?? [];
  if (repairs.length) lines.push(`${t.repairs}: ${repairs.length}`);
  repairs.forEach(item);
  return lines;
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const langArg = argv.find((a) => a.startsWith('--lang='))?.slice(7);
  const lang = negotiateLang(langArg, process.env.TENDIK_LANG, process.env.LANG);
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    console.error(USAGE);
    return 64;
  }
  const file = files[0]!;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (err) {
    console.error(`${file}: ${(err as Error).message}`);
    return 66;
  }
  try {
    const result = importDraft(bytes, { fileName: path.basename(file), maxInflatedBytes: loadConfig().maxInflatedBytes });
    if (json) {
      process.stdout.write(`${JSON.stringify({ tree: result.tree, report: result.report }, null, 2)}\n`);
      return 0;
    }
    const outline = outlineLines(outlineOf(result.tree));
    console.log(outline.length > 0 ? outline.join('\n') : '(—)');
    console.log('');
    console.log(reportLines(result.report, lang).join('\n'));
    return 0;
  } catch (err) {
    if (isTendikError(err)) {
      console.error(`${err.code}: ${err.message_(lang)}`);
      return 2;
    }
    throw err;
  }
}

process.exitCode = main(process.argv.slice(2));
