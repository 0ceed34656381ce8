import type { ClauseTree } from '../clause';
import type { ConclusionFields, ConclusionVerdict } from '../review-model';
import { cleanLine } from './sanitize';

/**
 * The conclusion fields as stored are whatever a client wrote into the secretary's author doc (the
 * merge validates the record, not the value). Everything the conclusion reads goes through here first:
 * a value of the wrong shape counts as empty, so a bad value is reported as a missing field instead of
 * breaking the export.
 */
const VERDICTS: readonly ConclusionVerdict[] = ['complies', 'complies_with_recommendations', 'does_not_comply'];

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const record = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function normaliseFields(raw: unknown): Partial<ConclusionFields> {
  const input = record(raw) ?? {};
  const out: Partial<ConclusionFields> = {};
  const texts = [
    'outgoingNumber',
    'outgoingDate',
    'basis',
    'draftTitle',
    'initiator',
    'registrationNumber',
    'reading',
    'periodFrom',
    'periodTo',
    'summary',
    'genderRelevance',
    'recommendations',
  ] as const;
  for (const key of texts) {
    const value = str(input[key]);
    if (value !== undefined) out[key] = value;
  }
  const addressee = record(input.addressee);
  if (addressee) out.addressee = { committee: str(addressee.committee) ?? '', chair: str(addressee.chair) ?? '' };
  if ('experts' in input)
    out.experts = list(input.experts).flatMap((e) => {
      const expert = record(e);
      const name = str(expert?.name);
      if (name === undefined) return [];
      const affiliation = str(expert?.affiliation);
      return [{ name, ...(affiliation !== undefined ? { affiliation } : {}) }];
    });
  if ('signatories' in input)
    out.signatories = list(input.signatories).flatMap((s) => {
      const signatory = record(s);
      const name = str(signatory?.name);
      return name === undefined ? [] : [{ name, position: str(signatory?.position) ?? '' }];
    });
  const request = record(input.requestLetter);
  if (request) out.requestLetter = { number: str(request.number) ?? '', date: str(request.date) ?? '' };
  if ('goodPractice' in input) out.goodPractice = list(input.goodPractice).filter((id): id is string => typeof id === 'string');
  if ('annexes' in input) out.annexes = list(input.annexes).flatMap((a) => (typeof a === 'string' ? [a] : []));
  const analysis = record(input.criteriaAnalysis);
  if (analysis) out.criteriaAnalysis = Object.fromEntries(Object.entries(analysis).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const verdict = input.verdict;
  out.verdict = VERDICTS.includes(verdict as ConclusionVerdict) ? (verdict as ConclusionVerdict) : null;
  return out;
}

/**
 * The fields as the conclusion uses them: what the secretary typed, with the draft's title taken from
 * the import when she has not typed one (validation runs on these, so an imported title suffices), and
 * every value of the wrong shape taken as empty.
 */
export function effectiveFields(stored: Partial<ConclusionFields>, tree: ClauseTree): Partial<ConclusionFields> {
  const fields = normaliseFields(stored);
  const draftTitle = cleanLine(fields.draftTitle) || cleanLine(tree.meta.title);
  return { ...fields, draftTitle };
}
