import { authorOfDoc, type DocName } from '../../shared/protocol';
import type { Role } from '../../shared/roles';
import type { UserId } from '../../shared/ids';
import type { Db } from '../storage/db';
import { reviewAccess, type ReviewAccess } from './access';
import { getUser, type User } from './users';

/**
 * What a user may do, as verbs (after Outline's server/policies): "who" is reviewAccess()'s (what
 * kind of access she has to one review), "what" is decided here, once, for the HTTP routes, the
 * socket join and the exports alike. A route asks `policy.can('issue')`, never a list of roles.
 */

/** Verbs on one review. */
export type ReviewVerb =
  /** Its card: title, status, committee (committee staff: only of a conclusion issued to them). */
  | 'readCard'
  /** The working review: the draft, the findings, the merged model, the outline, its members. */
  | 'readWorkingDocs'
  /** Run the checklist engine again over the current text. */
  | 'rerunChecklist'
  /** Put experts on the review and take them off. */
  | 'manageMembers'
  /** Issue the conclusion to a committee, return it to review, archive it. */
  | 'setStatus'
  /** Import a new version (reading) of the draft into the review (server/versions/). */
  | 'addVersion'
  /** Confirm or correct the status of a recommendation in a later reading (server/recommendations/). */
  | 'decideRecommendations'
  /** Attach base acts of the library to a review of an amendment law, and take them off (server/amend/). */
  | 'attachBaseAct'
  /** Change the review's title (server/reviews/title-routes.ts). */
  | 'renameReview';

/** The documents the export makes. */
export type ExportKind = 'conclusion' | 'table' | 'view' | 'preview' | 'workingCopy';

/** Verbs that concern no one review. */
export type GlobalVerb =
  | 'importDraft'
  | 'listExperts'
  | 'manageAccounts'
  | 'readAudit'
  /** Read the registry of committees: to choose one at upload and at issue, and for the addressee. */
  | 'listCommittees'
  /** Add committees, rename them, change the chair, deactivate them. */
  | 'manageCommittees'
  /** The Alliance-wide figures of recommendations made and adopted, over all reviews. */
  | 'readAllianceStats'
  /** Read the library of imported base acts (to pick one, to read what a review applies to). */
  | 'listBaseActs'
  /** Import a base act into the library. */
  | 'importBaseAct';

const REVIEW_VERBS: Record<ReviewVerb, readonly ReviewAccess[]> = {
  readCard: ['secretary', 'expert', 'reader'],
  readWorkingDocs: ['secretary', 'expert'],
  rerunChecklist: ['secretary'],
  manageMembers: ['secretary'],
  setStatus: ['secretary'],
  addVersion: ['secretary'],
  decideRecommendations: ['secretary'],
  attachBaseAct: ['secretary'],
  renameReview: ['secretary'],
};

/** The issued documents are the committee's too; the form's preview and the working copy are not. */
const EXPORTS: Record<ExportKind, readonly ReviewAccess[]> = {
  conclusion: ['secretary', 'expert', 'reader'],
  table: ['secretary', 'expert', 'reader'],
  view: ['secretary', 'expert', 'reader'],
  preview: ['secretary', 'expert'],
  workingCopy: ['secretary', 'expert'],
};

const GLOBAL_VERBS: Record<GlobalVerb, readonly Role[]> = {
  importDraft: ['secretary'],
  listExperts: ['secretary'],
  manageAccounts: ['admin'],
  readAudit: ['admin', 'secretary'],
  listCommittees: ['admin', 'secretary'],
  manageCommittees: ['admin'],
  readAllianceStats: ['admin', 'secretary'],
  listBaseActs: ['secretary', 'expert'],
  importBaseAct: ['secretary'],
};

export function canDo(user: Pick<User, 'role'>, verb: GlobalVerb): boolean {
  return GLOBAL_VERBS[verb].includes(user.role);
}

/** One user's rights on one review she can see (reviewPolicy gives none for a review she cannot). */
export class ReviewPolicy {
  constructor(
    private readonly db: Db,
    readonly user: User,
    readonly reviewId: string,
    readonly access: ReviewAccess,
  ) {}

  can(verb: ReviewVerb): boolean {
    return REVIEW_VERBS[verb].includes(this.access);
  }

  canExport(kind: ExportKind): boolean {
    return EXPORTS[kind].includes(this.access);
  }

  /**
   * The TEXT and ENGINE docs, and the author doc of anyone who takes part (a secretary or a member
   * expert) — an author doc exists for no one else, so naming an outsider's is refused.
   */
  canReadDoc(doc: DocName): boolean {
    if (!this.can('readWorkingDocs')) return false;
    const owner = authorOfDoc(doc);
    return owner === null || owner === this.user.id || this.takesPart(owner);
  }

  /**
   * Each doc has its writers and only them (docs/collaboration.md, "The docs of a review"): the draft its secretaries, an author doc its
   * author, the ENGINE doc the server alone.
   */
  canWriteDoc(doc: DocName): boolean {
    if (!this.canReadDoc(doc)) return false;
    if (doc === 'text') return this.access === 'secretary';
    return authorOfDoc(doc) === this.user.id;
  }

  /** Her decisions count as the secretary's (final decisions, the conclusion's fields). */
  get decidesForTheReview(): boolean {
    return this.access === 'secretary';
  }

  private takesPart(userId: string): boolean {
    const user = getUser(this.db, userId as UserId);
    if (!user) return false;
    const access = reviewAccess(this.db, user, this.reviewId);
    return access === 'secretary' || access === 'expert';
  }
}

/** Her policy on the review, or null when she may not even know it exists (an HTTP 404). */
export function reviewPolicy(db: Db, user: User, reviewId: string): ReviewPolicy | null {
  const access = reviewAccess(db, user, reviewId);
  return access === null ? null : new ReviewPolicy(db, user, reviewId, access);
}
