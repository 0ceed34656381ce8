import path from 'node:path';
import { isTendikError } from '../../shared/errors';
import { negotiateLang } from '../../shared/i18n/lang';
import type { ChecklistFileProblem } from './errors';
import { CHECKLISTS_DIR, loadChecklists } from './service';

// `npm run checklist:check [DIR]`: validates, compiles and self-tests every checklist; prints each
// problem as FILE:LINE:COLUMN CODE message, in the language of $LANG (ru by default); exits 1 on error.
const dir = path.resolve(process.argv[2] ?? CHECKLISTS_DIR);
const lang = negotiateLang(process.env.TENDIK_LANG, process.env.LANG);

try {
  const checklists = await loadChecklists({ dir });
  for (const { file, checklist } of checklists.values()) {
    const criteria = checklist.data.criteria.length;
    const detectors = checklist.detectors.length;
    const examples = checklist.detectors.reduce((n, d) => n + d.data.examples.flag.length + d.data.examples.pass.length, 0);
    console.log(`OK ${file}: ${checklist.ref}, ${criteria} criteria, ${detectors} detectors, ${examples} examples passed`);
  }
} catch (err) {
  if (!isTendikError(err)) throw err;
  const problems = (err.details as { problems?: ChecklistFileProblem[] } | undefined)?.problems;
  if (problems) for (const p of problems) console.error(`${p.file}:${p.line}:${p.column} ${p.code} ${p.message[lang]}`);
  else console.error(`${err.code} ${err.message_(lang)}`);
  process.exitCode = 1;
}
