import { z } from 'zod';
import { Committee, OkResponse } from './fields';
import { route } from './route';

/**
 * The registry of committees (server/committees/): the committees of the Jogorku Kenesh a conclusion
 * is issued to, kept by the admin. The code is the slug readers' accounts and reviews carry (matched
 * exactly when a reader opens an issued conclusion); the names in ru/ky/en and the chair fill the
 * conclusion's addressee. Uploads, issuing and readers' accounts name an active registered committee;
 * a committee in use is deactivated rather than deleted.
 */

// Control characters have no place in a name: they would corrupt logs, CSV and the DOCX.
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f]*$/;

/** A committee's full name in one language, as the conclusion's addressee prints it. */
export const CommitteeName = z.string().trim().min(1).max(300).regex(NO_CONTROL);
/** The chair's name as the addressee prints it («А. Асанова»); may be empty while the post is vacant. */
export const CommitteeChair = z.string().trim().max(200).regex(NO_CONTROL);

export const CommitteeNames = z.object({ ru: CommitteeName, ky: CommitteeName, en: CommitteeName }).strict();
export type CommitteeNames = z.infer<typeof CommitteeNames>;

export const CommitteeRecord = z.object({
  code: z.string(),
  names: z.object({ ru: z.string(), ky: z.string(), en: z.string() }),
  chair: z.string(),
  active: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type CommitteeRecord = z.infer<typeof CommitteeRecord>;

export const CreateCommitteeBody = z
  .object({
    code: Committee,
    names: CommitteeNames,
    chair: CommitteeChair.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type CreateCommitteeBody = z.input<typeof CreateCommitteeBody>;

/** Only what changes is sent; the code never changes (accounts and reviews carry it). */
export const UpdateCommitteeBody = z
  .object({
    names: CommitteeNames.optional(),
    chair: CommitteeChair.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0);
export type UpdateCommitteeBody = z.input<typeof UpdateCommitteeBody>;

/** A committee is addressed by its code; anything that is not a code is not found. */
export const CodeParams = z.object({ code: Committee });

export const CommitteesResponse = z.object({ committees: z.array(CommitteeRecord) });
export type CommitteesResponse = z.infer<typeof CommitteesResponse>;
export const CommitteeResponse = z.object({ committee: CommitteeRecord });
export type CommitteeResponse = z.infer<typeof CommitteeResponse>;

export const listCommittees = route({
  method: 'GET',
  path: '/api/committees',
  summary: 'the registry of committees, active and not (the secretary chooses from the active ones)',
  response: CommitteesResponse,
});
export const createCommittee = route({
  method: 'POST',
  path: '/api/admin/committees',
  summary: 'register a committee',
  body: CreateCommitteeBody,
  response: CommitteeResponse,
  successStatus: [201],
});
export const updateCommittee = route({
  method: 'PATCH',
  path: '/api/admin/committees/:code',
  summary: "change a committee's names, chair or state",
  params: CodeParams,
  body: UpdateCommitteeBody,
  response: CommitteeResponse,
});
export const deleteCommittee = route({
  method: 'DELETE',
  path: '/api/admin/committees/:code',
  summary: 'remove a committee nothing refers to (one in use is deactivated instead)',
  params: CodeParams,
  response: OkResponse,
});
