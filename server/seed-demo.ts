import fs from 'node:fs';
import path from 'node:path';
import type { UserId } from '../shared/ids';
import { audit } from './audit';
import { createCommittee, getCommittee, type NewCommittee } from './committees/store';
import { PROJECT_ROOT } from './config';
import { defaultTitle, importDraft } from './import/import-draft';
import { createReview, listReviews, type Review } from './reviews/store';
import { seedDemoAccounts, type SeededAccount } from './seed';
import type { Db } from './storage/db';

/** Our own sample draft (data/samples), with the gender-relevant provisions the checklist should flag. */
export const DEMO_DRAFT = path.join(PROJECT_ROOT, 'data', 'samples', 'proekt-zakona-o-podderzhke-semei-ru.txt');

/**
 * Committees of the Jogorku Kenesh for the demo's registry: `social` is the demo reader's and the demo
 * review's. Their names follow the Kenesh's committees; the chairs are made up for the demo.
 */
export const DEMO_COMMITTEES: readonly NewCommittee[] = [
  {
    code: 'social',
    names: {
      ru: 'Комитет Жогорку Кенеша Кыргызской Республики по социальной политике',
      ky: 'Кыргыз Республикасынын Жогорку Кеңешинин Социалдык саясат боюнча комитети',
      en: 'Committee on Social Policy of the Jogorku Kenesh of the Kyrgyz Republic',
    },
    chair: 'А. Т. Асанова',
  },
  {
    code: 'budget',
    names: {
      ru: 'Комитет Жогорку Кенеша Кыргызской Республики по бюджету, экономической и фискальной политике',
      ky: 'Кыргыз Республикасынын Жогорку Кеңешинин Бюджет, экономикалык жана фискалдык саясат боюнча комитети',
      en: 'Committee on Budget, Economic and Fiscal Policy of the Jogorku Kenesh of the Kyrgyz Republic',
    },
    chair: 'Б. К. Осмонов',
  },
  {
    code: 'constitutional',
    names: {
      ru: 'Комитет Жогорку Кенеша Кыргызской Республики по конституционному законодательству, государственному устройству, судебно-правовым вопросам и Регламенту Жогорку Кенеша',
      ky: 'Кыргыз Республикасынын Жогорку Кеңешинин Конституциялык мыйзамдар, мамлекеттик түзүлүш, сот-укук маселелери жана Жогорку Кеңештин Регламенти боюнча комитети',
      en: 'Committee on Constitutional Legislation, State Structure, Judicial and Legal Affairs and the Rules of Procedure of the Jogorku Kenesh of the Kyrgyz Republic',
    },
    chair: 'Ж. М. Токтогулова',
  },
];

/** Registers the demo committees that are not in the registry yet. */
export function seedDemoCommittees(db: Db): void {
  for (const committee of DEMO_COMMITTEES) if (!getCommittee(db, committee.code)) createCommittee(db, committee);
}

/**
 * Seeds an empty database with the demo committees, demo accounts (passwords printed once) and a demo review.
 * Feature modules extend the demo review as they land (import, checklist findings, annotations).
 */
export async function seedDemo(db: Db, print: (line: string) => void): Promise<void> {
  const accounts = await seedDemoAccounts(db);
  if (accounts.length === 0) return;
  seedDemoCommittees(db);
  print('Demo accounts created (passwords are shown only now):');
  for (const { user, password } of accounts) print(`  ${user.role.padEnd(9)} ${user.email.padEnd(26)} ${password}`);
  const review = seedDemoReview(db, accounts);
  if (review) print(`Demo review: «${review.title}» (${review.sourceName}), experts added as members.`);
}

/**
 * Imports the sample draft into a review created by the demo secretary, with both demo experts as
 * members — only when there is no review yet and the sample is present.
 */
export function seedDemoReview(db: Db, accounts: readonly SeededAccount[], file = DEMO_DRAFT): Review | null {
  if (listReviews(db).length > 0 || !fs.existsSync(file)) return null;
  const secretary = accounts.find((a) => a.user.role === 'secretary')?.user;
  if (!secretary) return null;
  const experts = accounts.filter((a) => a.user.role === 'expert').map((a) => a.user.id as UserId);
  const name = path.basename(file);
  const result = importDraft(new Uint8Array(fs.readFileSync(file)), { fileName: name, maxInflatedBytes: 100 * 1024 * 1024 });
  const review = createReview(db, {
    title: defaultTitle(result, name),
    sourceName: name,
    createdBy: secretary.id,
    committee: 'social',
    members: experts,
    draft: { tree: result.tree, pmDoc: result.pmDoc, report: result.report, sourceSha256: result.sourceSha256 },
  });
  audit(db, { userId: secretary.id, reviewId: review.id, action: 'review.created', target: review.id, details: { sourceName: name, demo: true } });
  return review;
}
