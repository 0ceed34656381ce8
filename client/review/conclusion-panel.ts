import { setConclusionField } from '../../shared/collab/author-doc';
import { REQUIRED_FIELD_LABELS, type RequiredField } from '../../shared/conclusion/validate';
import type { ConclusionFields, ConclusionVerdict, ReviewModel } from '../../shared/review-model';
import { LANGS, type Lang } from '../../shared/i18n/lang';
import { conclusion } from '../../shared/contract';
import { apiCall } from '../api';
import { lang, onLangChange, t, type StringKey } from '../i18n/i18n';
import { CommitteeSelect, committeeName, type CommitteeRecord } from '../ui/committee-select';
import { h, tx } from '../ui/dom';
import { conclusionSrcdoc } from '../ui/conclusion-frame';
import { announce, errorBanner } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';
import { sameJson } from '../ui/same-json';
import { downloadFile } from './download-file';
import { AnalysisEditor, conclusionListFields, otherExportButtons, previewInputsOf } from './conclusion-lists';
import type { ReviewSession } from './review-session';

type TextField = 'draftTitle' | 'initiator' | 'registrationNumber' | 'reading' | 'outgoingNumber' | 'outgoingDate' | 'basis' | 'periodFrom' | 'periodTo' | 'summary' | 'genderRelevance' | 'recommendations';
const LONG = new Set<TextField>(['summary', 'genderRelevance', 'recommendations']);
const VERDICTS: ConclusionVerdict[] = ['complies', 'complies_with_recommendations', 'does_not_comply'];

/** The form's fieldsets, in the order the secretary fills them; each has its legend. */
type Group = 'general' | 'addressee' | 'analysis' | 'verdict' | 'signatures';
const GROUPS: ReadonlyArray<{ id: Group; legend: StringKey }> = [
  { id: 'general', legend: 'legendGeneral' },
  { id: 'addressee', legend: 'legendAddressee' },
  { id: 'analysis', legend: 'legendAnalysis' },
  { id: 'verdict', legend: 'legendVerdict' },
  { id: 'signatures', legend: 'legendSignatures' },
];

/**
 * The secretary's conclusion: its fields (stored in her author doc, so they sync and survive offline),
 * grouped in fieldsets, beside a live preview rendered by the server (in a sandboxed frame: nothing in
 * it can run), the downloads and the issuing box. The review page gives the Conclusion tab the whole
 * width: the form on the left, the preview on the right, each scrolling on its own. While the review
 * is issued the form is read-only and says why: the committee reads what it holds.
 */
export class ConclusionPanel {
  readonly element: HTMLElement;
  private readonly form: HTMLElement;
  private readonly formColumn: HTMLElement;
  /** Where each fieldset's fields are drawn (the analysis editor and the registry choice stay put). */
  private readonly slots = new Map<Group, HTMLElement>();
  private readonly preview: HTMLIFrameElement;
  private readonly missing: HTMLElement;
  private readonly exportButton: HTMLButtonElement;
  private readonly exportStatus: HTMLElement;
  private readonly exportLang: HTMLSelectElement;
  private readonly analysis: AnalysisEditor;
  /** "Fill from the registry": the committee's full name in the export's language, and its chair. */
  private readonly registry: CommitteeSelect;
  private readonly frozenNotice: HTMLElement;
  private timer: number | undefined;
  /** The fields and the preview's inputs last seen (see update); null before the first model. */
  private lastFields: unknown = null;
  private lastPreviewInputs: unknown = null;
  private previewRequest = 0;
  private lastMissing: Array<{ field: string; label: string }> = [];
  /** Texts she typed in another language than the export's (from the preview's answer). */
  private lastOtherLanguage: Array<{ field: string; label: string }> = [];
  /** The committee the conclusion is issued to while it is; the form is read-only meanwhile. */
  private issuedTo: string | null = null;
  private committeeNameOf: (code: string) => string = (code) => code;
  /** Told how many required fields the export still lacks, after each preview. */
  onMissing: ((count: number) => void) | null = null;
  /** Told the addressee's committee as typed, whenever the fields are drawn. */
  onAddressee: ((committee: string) => void) | null = null;
  private readonly subscriptions = new Subscriptions();

  constructor(private readonly session: ReviewSession) {
    this.form = h('div', { class: 'conclusion-fields' });
    this.analysis = new AnalysisEditor(session);
    this.registry = new CommitteeSelect({ id: 'conclusion-addressee-registry', 'aria-describedby': 'conclusion-addressee-registry-hint', 'data-testid': 'addressee-registry' }, 'addresseeFromRegistryChoose');
    this.registry.element.addEventListener('change', () => this.fillAddressee());
    this.frozenNotice = h('div', { class: 'conclusion-frozen', role: 'status', tabindex: '-1', 'data-testid': 'conclusion-frozen', hidden: true });
    for (const group of GROUPS) {
      const slot = h('div', { class: 'conclusion-group__fields' });
      this.slots.set(group.id, slot);
      const extra =
        group.id === 'addressee'
          ? [
              h(
                'div',
                { class: 'field conclusion-registry' },
                tx('label', 'addresseeFromRegistry', { for: 'conclusion-addressee-registry' }),
                this.registry.element,
                tx('span', 'addresseeFromRegistryHint', { id: 'conclusion-addressee-registry-hint', class: 'hint' }),
              ),
            ]
          : [];
      const after = group.id === 'analysis' ? [this.analysis.element] : [];
      this.form.append(h('fieldset', { class: 'conclusion-group', 'data-group': group.id }, tx('legend', group.legend), ...extra, slot, ...after));
    }
    this.preview = h('iframe', { class: 'conclusion-preview', sandbox: '', title: t('conclusionPreview'), 'data-i18n-title': 'conclusionPreview', 'data-testid': 'conclusion-preview' });
    this.missing = h('div', { class: 'conclusion-missing', 'aria-live': 'polite' });
    this.exportLang = h('select', { id: 'export-lang', class: 'input input--small' }) as HTMLSelectElement;
    for (const code of LANGS) this.exportLang.append(h('option', { value: code }, code.toUpperCase()));
    this.exportLang.value = lang();
    this.exportButton = tx('button', 'exportDocx', { type: 'button', class: 'button button--primary', 'data-testid': 'export-docx' });
    this.exportStatus = h('div', { class: 'export-status', 'data-testid': 'export-status' });
    this.exportButton.addEventListener('click', () => void this.export());
    this.exportLang.addEventListener('change', () => this.refreshPreview());
    this.formColumn = h(
      'div',
      { class: 'conclusion-form-column', role: 'group', 'aria-label': t('conclusionFormLabel'), 'data-i18n-label': 'conclusionFormLabel', 'data-testid': 'conclusion-form' },
      this.frozenNotice,
      this.missing,
      session.isSecretary ? this.form : tx('p', 'secretaryOnly'),
    );
    this.element = h(
      'section',
      { class: 'conclusion-panel', 'aria-labelledby': 'conclusion-title' },
      tx('h2', 'conclusionTitle', { id: 'conclusion-title', class: 'panel-title' }),
      h(
        'div',
        { class: 'conclusion-layout' },
        this.formColumn,
        // The preview fills its column: its language above it, the downloads (in that language) below.
        h(
          'div',
          { class: 'conclusion-preview-column', 'data-testid': 'conclusion-preview-column' },
          h('div', { class: 'conclusion-preview-head' }, tx('h3', 'conclusionPreview'), h('div', { class: 'export-lang' }, tx('label', 'exportLang', { for: 'export-lang' }), this.exportLang)),
          this.preview,
          h('div', { class: 'export-row' }, this.exportButton, ...otherExportButtons(session.reviewId, () => this.exportLang.value as Lang, this.exportStatus, this.subscriptions, session.version)),
          this.exportStatus,
        ),
      ),
    );
    this.subscriptions.add(
      onLangChange(() => {
        this.renderFields(this.session.model?.conclusion ?? {});
        this.renderMissing();
        this.renderFrozen();
      }),
      () => this.analysis.destroy(),
      () => this.registry.destroy(),
    );
  }

  destroy(): void {
    this.subscriptions.release();
    window.clearTimeout(this.timer);
    // A preview answer still on its way is not drawn, nor does it tell the issuing box anything.
    this.previewRequest += 1;
    this.onMissing = null;
    this.onAddressee = null;
  }

  /** The issuing box goes under the form, where the secretary ends her work. */
  appendToForm(element: HTMLElement): void {
    this.formColumn.append(element);
  }

  /** The registry of committees, for "fill from the registry"; `nameOf` names a committee by its code. */
  setCommittees(committees: readonly CommitteeRecord[], nameOf: (code: string) => string): void {
    this.registry.setCommittees(committees);
    this.committeeNameOf = nameOf;
    this.renderFrozen();
  }

  /**
   * The review's status: issued, the committee's copy is what the form holds, so the form turns
   * read-only until the secretary returns the review to review. `justIssued`: she has issued it this
   * moment (her button is gone), so the notice takes the focus and comes into view.
   */
  setStatus(status: { status: string; committee: string | null }, justIssued = false): void {
    const issuedTo = status.status === 'issued' ? (status.committee ?? '') : null;
    if (issuedTo === this.issuedTo) return;
    this.issuedTo = issuedTo;
    this.renderFrozen();
    this.analysis.setReadOnly(this.frozen);
    this.renderFields(this.session.model?.conclusion ?? {}, true);
    if (this.frozen && justIssued && this.element.isConnected) this.frozenNotice.focus();
  }

  get frozen(): boolean {
    return this.issuedTo !== null;
  }

  update(model: ReviewModel): void {
    // The preview (and the analysis pre-filled from it) follows decisions, edited wordings and answers
    // too, not only the conclusion's fields.
    const previewInputs = previewInputsOf(model);
    if (this.lastPreviewInputs === null || !sameJson(previewInputs, this.lastPreviewInputs)) {
      this.lastPreviewInputs = previewInputs;
      this.schedulePreview();
    }
    const fields = model.conclusion;
    if (this.lastFields !== null && sameJson(fields, this.lastFields) && this.slots.get('general')!.childElementCount) return;
    this.lastFields = fields;
    this.renderFields(model.conclusion);
  }

  private renderFrozen(): void {
    this.frozenNotice.hidden = !this.frozen;
    this.form.classList.toggle('conclusion-fields--frozen', this.frozen);
    this.registry.element.disabled = this.frozen;
    if (!this.frozen) {
      this.frozenNotice.replaceChildren();
      return;
    }
    this.frozenNotice.replaceChildren(
      h('p', { class: 'conclusion-frozen__title' }, t('conclusionFrozen', { committee: this.committeeNameOf(this.issuedTo ?? '') })),
      h('p', {}, t('conclusionFrozenCaveat')),
    );
  }

  private renderFields(values: Partial<ConclusionFields>, force = false): void {
    if (!this.session.isSecretary) return;
    this.onAddressee?.(values.addressee?.committee ?? '');
    const focused = document.activeElement instanceof HTMLElement && this.form.contains(document.activeElement) ? document.activeElement.id : null;
    if (focused && !force) return; // never replace a field while she types in it
    const readOnly = this.frozen;
    const field = (name: TextField) => {
      const id = `conclusion-${name}`;
      const input = LONG.has(name)
        ? (h('textarea', { id, class: 'input', rows: '3', maxlength: '20000', readonly: readOnly }) as HTMLTextAreaElement)
        : (h('input', { id, class: 'input', type: name === 'outgoingDate' || name.startsWith('period') ? 'date' : 'text', maxlength: '500', readonly: readOnly }) as HTMLInputElement);
      input.value = String(values[name] ?? '');
      input.addEventListener('change', () => {
        setConclusionField(this.session.mine.doc, name, input.value);
        this.session.refresh();
      });
      return h('div', { class: 'field' }, h('label', { for: id }, t(`field_${name}` as StringKey)), input);
    };
    const verdict = h('select', { id: 'conclusion-verdict', class: 'input', disabled: readOnly }) as HTMLSelectElement;
    verdict.append(h('option', { value: '' }, t('verdict_none')), ...VERDICTS.map((v) => h('option', { value: v }, t(`verdict_${v}` as StringKey))));
    verdict.value = values.verdict ?? '';
    verdict.addEventListener('change', () => {
      setConclusionField(this.session.mine.doc, 'verdict', (verdict.value || null) as ConclusionVerdict | null);
      this.session.refresh();
    });
    // Composite fields: the addressee (committee and chair), the committee's letter and the first signatory.
    const composite = (id: string, key: StringKey, value: string, save: (value: string) => void, type = 'text') => {
      const input = h('input', { id, class: 'input', type, maxlength: '500', readonly: readOnly }) as HTMLInputElement;
      input.value = value;
      input.addEventListener('change', () => {
        save(input.value);
        this.session.refresh();
      });
      return h('div', { class: 'field' }, h('label', { for: id }, t(key)), input);
    };
    const doc = this.session.mine.doc;
    const addressee = () => ({ committee: '', chair: '', ...(this.session.model?.conclusion.addressee ?? values.addressee ?? {}) });
    const signatory = (): { name: string; position: string } => (this.session.model?.conclusion.signatories ?? values.signatories ?? [])[0] ?? { name: '', position: '' };
    const otherSignatories = () => (this.session.model?.conclusion.signatories ?? values.signatories ?? []).slice(1);
    // The committee's letter of request the conclusion answers («На № … от …»): optional.
    const request = (): { number: string; date: string } => ({ number: '', date: '', ...(this.session.model?.conclusion.requestLetter ?? values.requestLetter ?? {}) });
    const lists = conclusionListFields(this.session, values, readOnly);
    const pair = (...fields: HTMLElement[]) => h('div', { class: 'field-row' }, ...fields);
    const fill = (group: Group, ...children: HTMLElement[]) => this.slots.get(group)!.replaceChildren(...children);
    fill(
      'general',
      field('draftTitle'),
      field('initiator'),
      pair(field('registrationNumber'), field('reading')),
      field('basis'),
      pair(field('periodFrom'), field('periodTo')),
      lists.experts,
      field('summary'),
    );
    fill(
      'addressee',
      composite('conclusion-committee', 'field_committee', values.addressee?.committee ?? '', (v) => setConclusionField(doc, 'addressee', { ...addressee(), committee: v })),
      composite('conclusion-chair', 'field_chair', values.addressee?.chair ?? '', (v) => setConclusionField(doc, 'addressee', { ...addressee(), chair: v })),
      pair(field('outgoingNumber'), field('outgoingDate')),
      pair(
        composite('conclusion-requestLetter-number', 'field_requestLetterNumber', values.requestLetter?.number ?? '', (v) => setConclusionField(doc, 'requestLetter', { ...request(), number: v })),
        composite('conclusion-requestLetter-date', 'field_requestLetterDate', values.requestLetter?.date ?? '', (v) => setConclusionField(doc, 'requestLetter', { ...request(), date: v }), 'date'),
      ),
    );
    fill('analysis', field('genderRelevance'));
    fill('verdict', h('div', { class: 'field' }, h('label', { for: 'conclusion-verdict' }, t('field_verdict')), verdict), field('recommendations'));
    fill(
      'signatures',
      composite('conclusion-signatory-name', 'field_signatoryName', values.signatories?.[0]?.name ?? '', (v) => setConclusionField(doc, 'signatories', [{ ...signatory(), name: v }, ...otherSignatories()])),
      composite('conclusion-signatory-position', 'field_signatoryPosition', values.signatories?.[0]?.position ?? '', (v) => setConclusionField(doc, 'signatories', [{ ...signatory(), position: v }, ...otherSignatories()])),
      lists.otherSignatories,
      lists.annexes,
    );
  }

  /**
   * Fills the addressee from the registry: the committee's full name in the language the conclusion is
   * exported in (the one chosen beside the preview), and its chair. Both stay editable; the choice
   * goes back to its prompt, so choosing the same committee again fills it again.
   */
  private fillAddressee(): void {
    const chosen = this.registry.selected;
    this.registry.value = '';
    if (!chosen || this.frozen) return;
    const exportLang = this.exportLang.value as Lang;
    const addressee = { committee: committeeName(chosen, exportLang), chair: chosen.chair };
    setConclusionField(this.session.mine.doc, 'addressee', addressee);
    // Drawn at once: the form is not redrawn while the choice keeps the focus inside it.
    const committee = this.form.querySelector<HTMLInputElement>('#conclusion-committee');
    const chair = this.form.querySelector<HTMLInputElement>('#conclusion-chair');
    if (committee) committee.value = addressee.committee;
    if (chair) chair.value = addressee.chair;
    this.onAddressee?.(addressee.committee);
    this.session.refresh();
    announce(t('addresseeFilled', { name: addressee.committee }));
  }

  /** On a later version (issue 16) the conclusion is on that reading: `&reading=<n>`. */
  private get readingQuery(): string {
    return this.session.version >= 2 ? `&reading=${this.session.version}` : '';
  }

  private async export(): Promise<void> {
    const exportLang = this.exportLang.value as Lang;
    this.exportButton.disabled = true;
    this.exportButton.setAttribute('aria-busy', 'true');
    this.exportStatus.replaceChildren();
    try {
      await downloadFile(`/api/reviews/${this.session.reviewId}/conclusion.docx?lang=${exportLang}${this.readingQuery}`, `tendik-conclusion-${exportLang}.docx`);
    } catch (error) {
      this.exportStatus.replaceChildren(errorBanner(error));
    } finally {
      this.exportButton.disabled = false;
      this.exportButton.removeAttribute('aria-busy');
    }
  }

  /**
   * What the export still needs, in the language of the interface (she may read English and export in
   * Russian); the server's label, in the export's language, only for a field this client does not know.
   */
  private renderMissing(): void {
    this.onMissing?.(this.lastMissing.length);
    const label = (m: { field: string; label: string }) => REQUIRED_FIELD_LABELS[m.field as RequiredField]?.[lang()] ?? m.label;
    const missing = this.lastMissing.length ? [tx('p', 'conclusionMissing'), h('ul', {}, ...this.lastMissing.map((m) => h('li', {}, label(m))))] : [];
    // Not a refusal: a text in Russian in a Kyrgyz conclusion goes out as typed, but she should know.
    const other = this.lastOtherLanguage.length
      ? [tx('p', 'conclusionOtherLanguage'), h('ul', { 'data-testid': 'other-language' }, ...this.lastOtherLanguage.map((m) => h('li', {}, m.label)))]
      : [];
    this.missing.replaceChildren(...missing, ...other);
  }

  private schedulePreview(): void {
    window.clearTimeout(this.timer);
    // The server reads what the secretary's doc stored: give the sync a moment before asking.
    this.timer = window.setTimeout(() => this.refreshPreview(), 600);
  }

  private refreshPreview(): void {
    if (!this.element.isConnected) return;
    // Answers may arrive out of order on a slow or busy link: only the latest request's is drawn.
    const request = ++this.previewRequest;
    apiCall(conclusion.previewConclusion, { params: { id: this.session.reviewId }, query: { lang: this.exportLang.value as Lang, ...(this.session.version >= 2 ? { reading: this.session.version } : {}) } })
      .then((answer) => {
        if (request !== this.previewRequest) return;
        // srcdoc in a sandbox without allow-scripts: the preview is displayed, never executed.
        this.preview.srcdoc = conclusionSrcdoc(answer.html, this.exportLang.value);
        this.analysis.update(answer.analysis);
        this.lastMissing = answer.missing;
        this.lastOtherLanguage = answer.otherLanguage;
        this.renderMissing();
      })
      .catch((error: unknown) => {
        if (request === this.previewRequest) this.missing.replaceChildren(errorBanner(error));
      });
  }
}
