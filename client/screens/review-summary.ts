/**
 * A review as the list shows it. The list endpoint belongs to the collaboration module; this reads
 * its answer defensively (members as ids or objects, counts under several names) so the list still
 * shows what is known when a field is absent.
 */
export interface ReviewSummary {
  id: string;
  title: string;
  status: string;
  deadline: string | null;
  members: number | null;
  findings: number | null;
}

type Loose = Record<string, unknown>;

function count(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.length;
  return null;
}

export function toSummary(raw: Loose): ReviewSummary {
  const counts = (raw.counts ?? {}) as Loose;
  return {
    id: String(raw.id),
    title: String(raw.title ?? ''),
    status: String(raw.status ?? 'in_review'),
    deadline: typeof raw.deadline === 'string' ? raw.deadline : null,
    members: count(raw.members ?? raw.memberCount ?? counts.members),
    findings: count(counts.findings ?? raw.findingCount ?? raw.findings),
  };
}

export function summariesFrom(body: unknown): ReviewSummary[] {
  const list = Array.isArray(body) ? body : ((body as { reviews?: unknown })?.reviews ?? []);
  return (Array.isArray(list) ? list : []).map((r) => toSummary(r as Loose));
}
