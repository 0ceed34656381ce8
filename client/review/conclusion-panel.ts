import { setConclusionField } from '../../shared/collab/author-doc';
import { REQUIRED_FIELD_LABELS, type RequiredField } from '../../shared/conclusion/validate';
import type { ConclusionFields, ConclusionVerdict, ReviewModel } from '../../shared/review-model';
import { LANGS, type Lang } from '../../shared/i18n/lang';
import { conclusion } from '../../shared/contract';
import { apiCall } from '../api';
import { lang, onLangChange, t, type StringKey } from '../i18n/i18n';
import { h, tx } from '../ui/dom';
import { conclusionSrcdoc } from '../ui/conclusion-frame';
import { errorBanner } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';
import { sameJson } from '../ui/same-json';
import { downloadFile } from './download-file';
import { AnalysisEditor, conclusionListFields, otherExportButtons, previewInputsOf } from './conclusion-lists';
import type { ReviewSession } from './review-session';

type TextField = 'draftTitle' | 'initiator' | 'registrationNumber' | 'reading' | 'outgoingNumber' | 'outgoingDate' | 'basis' | 'periodFrom' | 'periodTo' | 'summary' | 'genderRelevance' | 'recommendations';
const SHORT: TextField[] = ['draftTitle', 'initiator', 'registrationNumber', 'reading', 'outgoingNumber', 'outgoingDate', 'basis', 'periodFrom', 'periodTo'];
const LONG: TextField[] = ['summary', 'genderRelevance', 'recommendations'];
const VERDICTS: ConclusionVerdict[] = ['complies', 'complies_with_recommendations', 'does_not_comply'];

/**
 * The secretary's conclusion: its fields (stored in her author doc, so they sync and survive offline),
 * a live preview rendered by the server (in a sandboxed frame: nothing in it can run), Export DOCX.
 */
export class ConclusionPanel {
  readonly element: HTMLElement;
  private readonly form: HTMLElement;
  private readonly preview: HTMLIFrameElement;
  private readonly missing: HTMLElement;
  private readonly exportButton: HTMLButtonElement;
  private readonly exportStatus: HTMLElement;
  private readonly exportLang: HTMLSelectElement;
  private readonly analysis: AnalysisEditor;
  private timer: number | undefined;
  /** The fields and the preview's inputs last seen (see update); null before the first model. */
  private lastFields: unknown = null;
  private lastPreviewInputs: unknown = null;
  private previewRequest = 0;
  private lastMissing: Array<{ field: string; label: string }> = [];
  /** Told how many required fields the export still lacks, after each preview. */
  onMissing: ((count: number) => void) | null = null;
  private readonly subscriptions = new Subscriptions();

  constructor(private readonly session: ReviewSession) {
    this.form = h('div', { class: 'conclusion-fields' });
    this.analysis = new AnalysisEditor(session);
    this.preview = h('iframe', { class: 'conclusion-preview', sandbox: '', title: t('conclusionPreview'), 'data-i18n-title': 'conclusionPreview', 'data-testid': 'conclusion-preview' });
    this.missing = h('div', { class: 'conclusion-missing', 'aria-live': 'polite' });
    this.exportLang = h('select', { id: 'export-lang', class: 'input input--small' }) as HTMLSelectElement;
    for (const code of LANGS) this.exportLang.append(h('option', { value: code }, code.toUpperCase()));
    this.exportLang.value = lang();
    this.exportButton = tx('button', 'exportDocx', { type: 'button', class: 'button button--primary', 'data-testid': 'export-docx' });
    this.exportStatus = h('div', { class: 'export-status', 'data-testid': 'export-status' });
    this.exportButton.addEventListener('click', () => void this.export());
    this.exportLang.addEventListener('change', () => this.refreshPreview());
    this.element = h(
      'section',
      { class: 'conclusion-panel', 'aria-labelledby': 'conclusion-title' },
      tx('h2', 'conclusionTitle', { id: 'conclusion-title', class: 'panel-title' }),
      session.isSecretary ? this.form : tx('p', 'secretaryOnly'),
      this.analysis.element,
      h(
        'div',
        { class: 'export-row' },
        tx('label', 'exportLang', { for: 'export-lang' }),
        this.exportLang,
        this.exportButton,
        ...otherExportButtons(session.reviewId, () => this.exportLang.value as Lang, this.exportStatus, this.subscriptions),
      ),
      this.exportStatus,
      tx('h3', 'conclusionPreview'),
      this.missing,
      this.preview,
    );
    this.subscriptions.add(
      onLangChange(() => {
        this.renderFields(this.session.model?.conclusion ?? {});
        this.renderMissing();
      }),
      () => this.analysis.destroy(),
    );
  }

  destroy(): void {
    this.subscriptions.release();
    window.clearTimeout(this.timer);
    // A preview answer still on its way is not drawn, nor does it tell the issuing box anything.
    this.previewRequest += 1;
    this.onMissing = null;
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
    if (this.lastFields !== null && sameJson(fields, this.lastFields) && this.form.childElementCount) return;
    this.lastFields = fields;
    this.renderFields(model.conclusion);
  }

  private renderFields(values: Partial<ConclusionFields>): void {
    if (!this.session.isSecretary) return;
    const focused = document.activeElement instanceof HTMLElement && this.form.contains(document.activeElement) ? document.activeElement.id : null;
    if (focused) return; // never replace a field while she types in it
    const field = (name: TextField, long: boolean) => {
      const id = `conclusion-${name}`;
      const input = long
        ? (h('textarea', { id, class: 'input', rows: '3', maxlength: '20000' }) as HTMLTextAreaElement)
        : (h('input', { id, class: 'input', type: name === 'outgoingDate' || name.startsWith('period') ? 'date' : 'text', maxlength: '500' }) as HTMLInputElement);
      input.value = String(values[name] ?? '');
      input.addEventListener('change', () => {
        setConclusionField(this.session.mine.doc, name, input.value);
        this.session.refresh();
      });
      return h('div', { class: 'field' }, h('label', { for: id }, t(`field_${name}` as StringKey)), input);
    };
    const verdict = h('select', { id: 'conclusion-verdict', class: 'input' }) as HTMLSelectElement;
    verdict.append(h('option', { value: '' }, t('verdict_none')), ...VERDICTS.map((v) => h('option', { value: v }, t(`verdict_${v}` as StringKey))));
    verdict.value = values.verdict ?? '';
    verdict.addEventListener('change', () => {
      setConclusionField(this.session.mine.doc, 'verdict', (verdict.value || null) as ConclusionVerdict | null);
      this.session.refresh();
    });
    // Composite fields: the addressee (committee and chair) and the first signatory.
    const composite = (id: string, key: StringKey, value: string, save: (value: string) => void) => {
      const input = h('input', { id, class: 'input', type: 'text', maxlength: '500' }) as HTMLInputElement;
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
    this.form.replaceChildren(
      composite('conclusion-committee', 'field_committee', values.addressee?.committee ?? '', (v) => setConclusionField(doc, 'addressee', { ...addressee(), committee: v })),
      composite('conclusion-chair', 'field_chair', values.addressee?.chair ?? '', (v) => setConclusionField(doc, 'addressee', { ...addressee(), chair: v })),
      ...SHORT.map((f) => field(f, false)),
      ...LONG.map((f) => field(f, true)),
      h('div', { class: 'field' }, h('label', { for: 'conclusion-verdict' }, t('field_verdict')), verdict),
      composite('conclusion-signatory-name', 'field_signatoryName', values.signatories?.[0]?.name ?? '', (v) => setConclusionField(doc, 'signatories', [{ ...signatory(), name: v }, ...otherSignatories()])),
      composite('conclusion-signatory-position', 'field_signatoryPosition', values.signatories?.[0]?.position ?? '', (v) => setConclusionField(doc, 'signatories', [{ ...signatory(), position: v }, ...otherSignatories()])),
      ...conclusionListFields(this.session, values),
    );
  }

  private async export(): Promise<void> {
    const exportLang = this.exportLang.value as Lang;
    this.exportButton.disabled = true;
    this.exportButton.setAttribute('aria-busy', 'true');
    this.exportStatus.replaceChildren();
    try {
      await downloadFile(`/api/reviews/${this.session.reviewId}/conclusion.docx?lang=${exportLang}`, `tendik-conclusion-${exportLang}.docx`);
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
    if (!this.lastMissing.length) {
      this.missing.replaceChildren();
      return;
    }
    const label = (m: { field: string; label: string }) => REQUIRED_FIELD_LABELS[m.field as RequiredField]?.[lang()] ?? m.label;
    this.missing.replaceChildren(tx('p', 'conclusionMissing'), h('ul', {}, ...this.lastMissing.map((m) => h('li', {}, label(m)))));
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
    apiCall(conclusion.previewConclusion, { params: { id: this.session.reviewId }, query: { lang: this.exportLang.value as Lang } })
      .then((answer) => {
        if (request !== this.previewRequest) return;
        // srcdoc in a sandbox without allow-scripts: the preview is displayed, never executed.
        this.preview.srcdoc = conclusionSrcdoc(answer.html, this.exportLang.value);
        this.analysis.update(answer.analysis);
        this.lastMissing = answer.missing;
        this.renderMissing();
      })
      .catch((error: unknown) => {
        if (request === this.previewRequest) this.missing.replaceChildren(errorBanner(error));
      });
  }
}
