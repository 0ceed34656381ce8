import { reviews, versions as contract, type JsonRoute, type ResponseOf } from '../../shared/contract';
import type { ComparisonEntry, PlacementRecord, SameActCheck } from '../../shared/contract/versions';
import type { ReviewModel } from '../../shared/review-model';
import { apiCall, checkedAnswer, csrfHeader, describeError, errorFrom, NetworkError } from '../api';
import { versionHash } from '../review/draft-version';
import { formatDate, lang, onLangChange, t, type StringKey } from '../i18n/i18n';
import { currentUser } from '../session';
import { clear, h, tx, uid } from '../ui/dom';
import './versions.css';

/**
 * The versions of a review's draft (issue 16): the list, the secretary's form for a new reading (file
 * or pasted text, checked first: a different act is said before it is added), the comparison of any
 * two versions as a redline with a filter for changed units, and where each annotation went — in its
 * unit, «text changed», or on deleted text, re-attachable by hand by the secretary or its author.
 */

type Versions = ResponseOf<typeof contract.listVersions>['versions'];
type Units = ResponseOf<typeof contract.getVersion>['units'];

const KIND_KEYS: Record<ComparisonEntry['kind'], StringKey> = {
  unchanged: 'versionsKindUnchanged',
  reworded: 'versionsKindReworded',
  renumbered: 'versionsKindRenumbered',
  moved: 'versionsKindMoved',
  split: 'versionsKindSplit',
  deleted: 'versionsKindDeleted',
  inserted: 'versionsKindInserted',
};
const STATE_KEYS: Record<PlacementRecord['state'], StringKey> = {
  placed: 'versionsStatePlaced',
  changed: 'versionsStateChanged',
  orphaned: 'versionsStateOrphaned',
};

async function upload<R extends JsonRoute>(route: R, reviewId: string, form: FormData): Promise<ResponseOf<R>> {
  let res: Response;
  try {
    res = await fetch(route.path.replace(':id', encodeURIComponent(reviewId)), { method: 'POST', body: form, headers: csrfHeader(), credentials: 'same-origin' });
  } catch {
    throw new NetworkError();
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw errorFrom(res.status, body);
  return checkedAnswer(route, res.status, body);
}

export function mountVersionsPage(main: HTMLElement, reviewId: string, initialTo?: number): () => void {
  const me = currentUser();
  const isSecretary = me?.role === 'secretary';
  const page = h('section', { class: 'versions-page', 'data-testid': 'versions-page', 'aria-labelledby': 'versions-title' });
  const status = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite', 'data-testid': 'versions-status' });
  const listBox = h('div', { 'data-testid': 'versions-list' });
  const compareBox = h('div', { 'data-testid': 'versions-compare' });
  const orphanBox = h('div', { 'data-testid': 'versions-orphans' });
  page.append(
    h('p', {}, tx('a', 'versionsBack', { href: `#/reviews/${reviewId}` })),
    tx('h1', 'versionsTitle', { id: 'versions-title' }),
    status,
    tx('h2', 'versionsListTitle'),
    listBox,
  );
  main.append(page);

  let list: Versions = [];
  let model: ReviewModel | null = null;
  let from = 1;
  let to = 1;
  let onlyChanged = true;
  let comparison: ResponseOf<typeof contract.compareVersions> | null = null;
  let placements: PlacementRecord[] = [];
  let units: Units = [];
  let alive = true;

  const versionName = (v: Versions[number]) => (v.label ? v.label : t('versionsFirst'));

  const renderList = () => {
    clear(listBox);
    const ol = h('ol', { class: 'versions-list' });
    for (const v of list)
      ol.append(
        h(
          'li',
          { 'data-testid': `version-${v.seq}` },
          h('strong', {}, versionName(v)),
          v.readingDate ? ` — ${t('versionsDate', { date: formatDate(v.readingDate) })}` : '',
          v.note ? ` — ${v.note}` : '',
          h('span', { class: 'hint' }, ` (${t('versionsMeta', { source: v.sourceName })})`),
          ' ',
          // Annotating it: the workbench on that version (issue 16).
          h('a', { href: versionHash(reviewId, v.seq), class: 'button button--small', 'data-testid': `version-open-${v.seq}` }, t('draftVersionsOpenIt'), h('span', { class: 'visually-hidden' }, `: ${versionName(v)}`)),
        ),
      );
    listBox.append(ol);
  };

  const annotationText = (id: string): string => {
    const finding = model?.findings.find((f) => f.id === id);
    if (finding) {
      const text = finding.origin === 'engine' && typeof finding.explanation === 'object' ? finding.explanation[lang()] : String(finding.explanation);
      return text;
    }
    return model?.comments.find((c) => c.id === id)?.body ?? '';
  };

  const placementItem = (p: PlacementRecord) =>
    h(
      'li',
      { class: `placement placement--${p.state}`, 'data-testid': 'placement', 'data-state': p.state, 'data-annotation': p.annotationId },
      h('span', { class: 'placement-kind' }, t(p.origin === 'engine' ? 'versionsEngine' : p.annotationKind === 'finding' ? 'versionsFinding' : 'versionsComment')),
      ' · ',
      h('span', { class: 'placement-state' }, t(STATE_KEYS[p.state]), p.manual ? `, ${t('versionsManual')}` : ''),
      ': «',
      h('q', {}, p.quote.exact.length > 160 ? `${p.quote.exact.slice(0, 157)}…` : p.quote.exact),
      '» ',
      h('span', { class: 'placement-body' }, annotationText(p.annotationId)),
    );

  const entryBody = (e: ComparisonEntry): HTMLElement => {
    const body = h('p', { class: 'cmp-text' });
    if (e.kind === 'deleted') body.append(h('del', {}, h('span', { class: 'visually-hidden' }, t('versionsDeletedWords')), e.oldText ?? ''));
    else if (e.kind === 'inserted' || e.kind === 'split') body.append(h('ins', {}, h('span', { class: 'visually-hidden' }, t('versionsInsertedWords')), e.newText ?? ''));
    else if (e.diff)
      for (const op of e.diff)
        body.append(
          op.op === 'same'
            ? op.text
            : h(op.op, {}, h('span', { class: 'visually-hidden' }, t(op.op === 'del' ? 'versionsDeletedWords' : 'versionsInsertedWords')), op.text),
        );
    else body.append(e.newText ?? e.oldText ?? '');
    return body;
  };

  const renderComparison = () => {
    clear(compareBox);
    if (list.length < 2) return;
    const pick = (key: StringKey, value: number, set: (n: number) => void) => {
      const id = uid('versions-pick');
      const select = h('select', { id, 'data-testid': `versions-${key === 'versionsFrom' ? 'from' : 'to'}` });
      for (const v of list) select.append(h('option', { value: String(v.seq), selected: v.seq === value }, `${v.seq}. ${versionName(v)}`));
      select.addEventListener('change', () => {
        set(Number(select.value));
        void loadComparison();
      });
      return h('div', { class: 'field' }, tx('label', key, { for: id }), select);
    };
    const filterId = uid('versions-only');
    const filter = h('input', { type: 'checkbox', id: filterId, checked: onlyChanged, 'data-testid': 'versions-only-changed' });
    filter.addEventListener('change', () => {
      onlyChanged = filter.checked;
      renderComparison();
    });
    compareBox.append(
      tx('h2', 'versionsCompareTitle', { id: 'versions-compare-title' }),
      h('div', { class: 'field-row' }, pick('versionsFrom', from, (n) => (from = n)), pick('versionsTo', to, (n) => (to = n))),
      h('div', { class: 'field--inline' }, filter, tx('label', 'versionsOnlyChanged', { for: filterId })),
    );
    if (!comparison) {
      compareBox.append(tx('p', 'versionsLoading', { class: 'hint' }));
      return;
    }
    const c = comparison.counts;
    compareBox.append(
      h('p', { class: 'hint', 'data-testid': 'versions-counts' }, t('versionsCounts', {
        unchanged: c.unchanged ?? 0, reworded: c.reworded ?? 0, renumbered: c.renumbered ?? 0, moved: c.moved ?? 0, inserted: (c.inserted ?? 0) + (c.split ?? 0), deleted: c.deleted ?? 0,
      })),
    );
    const byClause = new Map<string, PlacementRecord[]>();
    for (const p of placements) if (p.clauseId) (byClause.get(p.clauseId) ?? byClause.set(p.clauseId, []).get(p.clauseId)!).push(p);
    const entries = comparison.entries.filter((e) => !onlyChanged || e.kind !== 'unchanged' || (e.newId !== null && byClause.has(e.newId)));
    if (entries.length === 0) compareBox.append(tx('p', 'versionsNothingChanged'));
    const ol = h('ol', { class: 'cmp-list', 'aria-labelledby': 'versions-compare-title' });
    for (const e of entries) {
      const also = [e.kind === 'reworded' && e.renumbered ? t('versionsAlsoRenumbered') : '', e.kind === 'reworded' && e.moved ? t('versionsAlsoMoved') : ''].filter(Boolean);
      const heading = e.oldLabel && e.newLabel && e.oldLabel !== e.newLabel ? `${e.oldLabel} → ${e.newLabel}` : (e.newLabel ?? e.oldLabel ?? '');
      const here = e.newId ? (byClause.get(e.newId) ?? []) : [];
      ol.append(
        h(
          'li',
          { class: `cmp-entry cmp-entry--${e.kind}`, 'data-testid': 'cmp-entry', 'data-kind': e.kind, 'data-old': e.oldId ?? '', 'data-new': e.newId ?? '' },
          h('p', { class: 'cmp-head' }, h('strong', {}, heading), ' ', h('span', { class: 'cmp-kind' }, [t(KIND_KEYS[e.kind]), ...also].join(', '))),
          entryBody(e),
          here.length > 0 ? h('div', { class: 'cmp-annotations' }, tx('p', 'versionsAnnotationsHere', { class: 'hint' }), h('ul', {}, ...here.map(placementItem))) : null,
        ),
      );
    }
    compareBox.append(ol);
  };

  const renderOrphans = () => {
    clear(orphanBox);
    if (list.length < 2) return;
    const orphans = placements.filter((p) => p.state === 'orphaned');
    orphanBox.append(h('h2', { id: 'versions-orphans-title' }, t('versionsOrphansTitle', { count: orphans.length })));
    if (orphans.length === 0) {
      orphanBox.append(tx('p', 'versionsOrphansNone', { class: 'hint' }));
      return;
    }
    const ul = h('ul', { class: 'orphan-list', 'aria-labelledby': 'versions-orphans-title' });
    for (const p of orphans) {
      const item = placementItem(p);
      if (to > 1 && (isSecretary || p.authorId === me?.id)) item.append(' ', reattachForm(p));
      ul.append(item);
    }
    orphanBox.append(ul);
  };

  const reattachForm = (p: PlacementRecord): HTMLElement => {
    const details = h('details', { class: 'reattach' }, tx('summary', 'versionsReattach'));
    const unitId = uid('reattach-unit');
    const wordsId = uid('reattach-words');
    const select = h('select', { id: unitId, 'data-testid': 'reattach-unit' });
    for (const u of units) if (u.text.trim()) select.append(h('option', { value: u.id }, `${u.label || u.id}: ${u.text.slice(0, 60)}`));
    const words = h('input', { id: wordsId, type: 'text', 'data-testid': 'reattach-words', value: p.quote.exact });
    const message = h('p', { role: 'status', class: 'hint' });
    const save = tx('button', 'versionsReattachSave', { type: 'button', class: 'button' });
    save.addEventListener('click', () => {
      const unit = units.find((u) => u.id === select.value);
      const start = unit ? unit.text.indexOf(words.value) : -1;
      if (!unit || start < 0 || words.value.length === 0) {
        message.textContent = t('versionsReattachNotFound');
        return;
      }
      apiCall(contract.reattach, {
        params: { id: reviewId, seq: String(to), annotationId: p.annotationId },
        body: { clauseId: unit.id, start, end: start + words.value.length },
      })
        .then(() => {
          status.textContent = t('versionsReattached');
          return loadComparison();
        })
        .catch((error: unknown) => (message.textContent = describeError(error, lang())));
    });
    details.append(
      h('div', { class: 'field' }, tx('label', 'versionsReattachUnit', { for: unitId }), select),
      h('div', { class: 'field' }, tx('label', 'versionsReattachWords', { for: wordsId }), words),
      save,
      message,
    );
    return details;
  };

  const addForm = (): HTMLElement => {
    const form = h('form', { class: 'versions-add', 'data-testid': 'versions-add', 'aria-labelledby': 'versions-add-title', novalidate: true });
    const field = (key: StringKey, control: HTMLElement) => h('div', { class: 'field' }, tx('label', key, { for: control.id }), control);
    const label = h('input', { id: uid('v-label'), name: 'label', type: 'text', maxlength: 120, placeholder: t('versionsLabelPlaceholder'), 'data-testid': 'versions-label' });
    const date = h('input', { id: uid('v-date'), name: 'date', type: 'date', 'data-testid': 'versions-date' });
    const note = h('textarea', { id: uid('v-note'), name: 'note', rows: 2, 'data-testid': 'versions-note' });
    const file = h('input', { id: uid('v-file'), name: 'file', type: 'file', accept: '.docx,.html,.htm,.mht,.txt', 'data-testid': 'versions-file' });
    const paste = h('textarea', { id: uid('v-paste'), rows: 6, 'data-testid': 'versions-paste' });
    const message = h('div', { role: 'alert', 'data-testid': 'versions-add-message' });
    const confirmId = uid('v-confirm');
    const confirm = h('input', { type: 'checkbox', id: confirmId, 'data-testid': 'versions-confirm' });
    const confirmRow = h('div', { class: 'field--inline', hidden: true }, confirm, tx('label', 'versionsConfirm', { for: confirmId }));
    const check = tx('button', 'versionsCheck', { type: 'button', class: 'button', 'data-testid': 'versions-check' });
    const submit = tx('button', 'versionsAdd', { type: 'submit', class: 'button button--primary', 'data-testid': 'versions-submit' });
    const source = (): FormData | null => {
      const data = new FormData();
      const chosen = file.files?.[0];
      if (chosen) data.set('file', chosen, chosen.name);
      else if (paste.value.trim()) data.set('file', new Blob([paste.value], { type: 'text/plain' }), 'pasted.txt');
      else return null;
      return data;
    };
    const showCheck = (c: SameActCheck, count: number | null) => {
      clear(message);
      if (count !== null) message.append(h('p', {}, t('versionsChecked', { count, share: Math.round(c.alignedShare * 100) })));
      if (c.warnings.length > 0) {
        const share = Math.round(c.alignedShare * 100);
        message.append(
          h(
            'div',
            { class: 'warning', 'data-testid': 'versions-warning' },
            tx('strong', 'versionsWarnTitle'),
            h('ul', {}, ...c.warnings.map((w) =>
              h('li', {}, w === 'different_title' ? t('versionsWarnDifferentTitle', { newTitle: c.newTitle ?? '—', oldTitle: c.oldTitle ?? '—' }) : w === 'few_aligned' ? t('versionsWarnFewAligned', { share }) : t('versionsWarnDifferentKind')),
            )),
          ),
        );
        confirmRow.hidden = false;
      } else confirmRow.hidden = true;
    };
    check.addEventListener('click', () => {
      const data = source();
      if (!data) return void (message.textContent = t('versionsNoSource'));
      upload(contract.previewVersion, reviewId, data)
        .then((answer) => showCheck(answer.check, Object.values(answer.report.counts).reduce((a, b) => a + (b ?? 0), 0)))
        .catch((error: unknown) => (message.textContent = describeError(error, lang())));
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = source();
      if (!label.value.trim()) return void (message.textContent = t('versionsNoLabel'));
      if (!data) return void (message.textContent = t('versionsNoSource'));
      data.set('label', label.value);
      if (date.value) data.set('date', date.value);
      if (note.value.trim()) data.set('note', note.value);
      if (confirm.checked) data.set('acknowledge', '1');
      submit.disabled = true;
      upload(contract.addVersion, reviewId, data)
        .then((answer) => {
          clear(message);
          status.textContent = t('versionsAdded', { label: answer.version.label, ...answer.carried });
          form.reset();
          confirmRow.hidden = true;
          return load(answer.version.seq);
        })
        .catch((error: unknown) => {
          message.textContent = describeError(error, lang());
          // The server said it does not look like the same act (its message names why): she may confirm.
          if ((error as { code?: string }).code === 'VERSION_NOT_SAME_ACT') confirmRow.hidden = false;
        })
        .finally(() => (submit.disabled = false));
    });
    form.append(
      tx('h2', 'versionsAddTitle', { id: 'versions-add-title' }),
      tx('p', 'versionsAddHint', { class: 'hint' }),
      h('div', { class: 'field-row' }, field('versionsLabel', label), field('versionsReadingDate', date)),
      field('versionsNote', note),
      field('versionsFile', file),
      field('versionsPaste', paste),
      message,
      confirmRow,
      h('div', { class: 'field-row' }, check, submit),
    );
    return form;
  };

  const loadComparison = async () => {
    comparison = null;
    renderComparison();
    const [cmp, placed, version] = await Promise.all([
      apiCall(contract.compareVersions, { params: { id: reviewId }, query: { from, to } }),
      apiCall(contract.listPlacements, { params: { id: reviewId, seq: String(to) } }),
      apiCall(contract.getVersion, { params: { id: reviewId, seq: String(to) } }),
    ]);
    if (!alive) return;
    comparison = cmp;
    placements = placed.placements;
    units = version.units;
    renderComparison();
    renderOrphans();
  };

  const load = async (latest?: number) => {
    const answer = await apiCall(contract.listVersions, { params: { id: reviewId } });
    if (!alive) return;
    list = answer.versions;
    // The review as it stands on its latest version: every annotation made on any version (one made on
    // version 2 and carried to 3 has its words there, not in version 1's model).
    const newest = list.reduce((max, v) => Math.max(max, v.seq), 1);
    const merged = await apiCall(reviews.getModel, { params: { id: reviewId }, query: newest >= 2 ? { version: newest } : {} });
    if (!alive) return;
    model = merged;
    to = latest !== undefined && list.some((v) => v.seq === latest) ? latest : list[list.length - 1]!.seq;
    from = Math.max(1, to - 1);
    renderList();
    if (list.length >= 2) await loadComparison();
  };

  if (isSecretary) page.append(addForm());
  page.append(compareBox, orphanBox);
  // Opened from an orphan's card on the workbench of version n: that version's placements and orphans.
  load(initialTo).catch((error: unknown) => (status.textContent = describeError(error, lang())));
  const offLang = onLangChange(() => {
    renderList();
    renderComparison();
    renderOrphans();
  });
  return () => {
    alive = false;
    offLang();
    page.remove();
  };
}
