import { committees as contract } from '../../shared/contract';
import type { Lang } from '../../shared/i18n/lang';
import { apiCall } from '../api';
import { lang, onLangChange, t, type StringKey } from '../i18n/i18n';
import { h } from './dom';

export type CommitteeRecord = contract.CommitteeRecord;

/** The registry of committees (GET /api/committees: the secretary's and the admin's). */
export async function loadCommittees(): Promise<CommitteeRecord[]> {
  return (await apiCall(contract.listCommittees)).committees;
}

/** A committee's full name in a language (the interface's unless told). */
export function committeeName(committee: CommitteeRecord, l: Lang = lang()): string {
  return committee.names[l] || committee.code;
}

/**
 * A committee chosen from the registry, never typed: a select of the active committees, named in the
 * interface's language (renamed when it changes), the value being the committee's code. A committee
 * already chosen that is no longer active (or not in the list) stays shown as chosen, marked so, and is
 * not offered to anything else. Until `setCommittees` it holds only the empty choice.
 */
export class CommitteeSelect {
  readonly element: HTMLSelectElement;
  private committees: readonly CommitteeRecord[] = [];
  private loaded = false;
  private chosen: string;
  private readonly releaseLang: () => void;

  constructor(
    attrs: Record<string, string>,
    /** The first option's text (value ''): "choose", "not specified", "fill from the registry". */
    private readonly emptyKey: StringKey,
    chosen: string | null = null,
  ) {
    this.element = h('select', { class: 'input', ...attrs }) as HTMLSelectElement;
    this.chosen = chosen ?? '';
    this.element.addEventListener('change', () => (this.chosen = this.element.value));
    this.releaseLang = onLangChange(() => this.render());
    this.render();
  }

  /** The committees of the registry, active or not (only the active ones are offered). */
  setCommittees(committees: readonly CommitteeRecord[]): void {
    this.committees = committees;
    this.loaded = true;
    this.render();
  }

  get value(): string {
    return this.element.value;
  }

  set value(code: string | null) {
    this.chosen = code ?? '';
    this.render();
  }

  /** The registry's record of the chosen committee, if it has one. */
  get selected(): CommitteeRecord | undefined {
    return this.byCode(this.element.value);
  }

  byCode(code: string | null | undefined): CommitteeRecord | undefined {
    return code ? this.committees.find((c) => c.code === code) : undefined;
  }

  destroy(): void {
    this.releaseLang();
  }

  private render(): void {
    fillCommitteeOptions(this.element, this.loaded ? this.committees : null, this.chosen, this.emptyKey);
  }
}

/**
 * Fills a select with the empty choice and the active committees, named in the interface's language,
 * and selects `chosen`: one that is not offered (deactivated, or not in the registry) is kept as an
 * option of its own, marked so. `committees` null: the registry has not come yet.
 */
export function fillCommitteeOptions(select: HTMLSelectElement, committees: readonly CommitteeRecord[] | null, chosen: string, emptyKey: StringKey): void {
  const offered = (committees ?? []).filter((c) => c.active);
  const options = [h('option', { value: '' }, t(emptyKey)), ...offered.map((c) => h('option', { value: c.code }, committeeName(c)))];
  if (chosen && !offered.some((c) => c.code === chosen)) {
    const known = committees?.find((c) => c.code === chosen);
    const text = known ? t('committeeInactive', { name: committeeName(known) }) : committees ? t('committeeUnknown', { code: chosen }) : chosen;
    options.push(h('option', { value: chosen }, text));
  }
  select.replaceChildren(...options);
  select.value = chosen;
}
