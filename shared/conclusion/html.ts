import { format } from '../i18n/lang';
import type { AnnexList, ComparativeTable, ConclusionDocument, ConclusionSection, SignatureBlock } from './document';
import type { ReadingTable } from './later-reading';

/**
 * Everything printed goes through here: user text must stay text. Escaping `'` and `"` too keeps
 * it safe inside attributes, and the renderer never writes user text into a tag, an attribute name,
 * a URL or a style.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const p = (text: string, cls?: string) => `<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</p>`;
const paragraphs = (texts: readonly string[]) => texts.map((t) => p(t)).join('');

function table(t: ComparativeTable): string {
  const headers = t.currentHeader !== undefined ? [t.headers[0], t.headers[1], t.currentHeader, ...t.headers.slice(2)] : t.headers;
  const header = `<thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const rows = t.rows.length
    ? t.rows
        .map(
          (r) =>
            `<tr data-finding="${escapeHtml(r.findingIds[0] ?? '')}" data-findings="${escapeHtml(r.findingIds.join(' '))}"><td>${r.number}</td><td>${escapeHtml(r.clauseLabel)}</td>` +
            (t.currentHeader !== undefined ? `<td>${paragraphs(r.currentText ?? [])}</td>` : '') +
            `<td>${paragraphs(r.clauseText)}</td><td>${paragraphs(r.proposed)}</td><td>${paragraphs(r.justification)}</td></tr>`,
        )
        .join('')
    : `<tr><td colspan="${headers.length}">${escapeHtml(t.emptyText)}</td></tr>`;
  return `<table class="conclusion-table">${header}<tbody>${rows}</tbody></table>`;
}

/** The comparative form of a later reading: the earlier text (under its unit), this reading's, the recommendation, adopted or not. */
function readingTable(t: ReadingTable): string {
  const header = `<thead><tr>${t.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const rows = t.rows
    .map(
      (r) =>
        `<tr><td>${p(r.unit, 'reading-unit')}${paragraphs(r.before)}</td><td>${paragraphs(r.after)}</td>` +
        `<td>${paragraphs(r.recommendation)}</td><td>${escapeHtml(r.adopted)}</td></tr>`,
    )
    .join('');
  return `<table class="conclusion-table reading-table">${header}<tbody>${rows}</tbody></table>`;
}

function section(s: ConclusionSection): string {
  const head = s.heading ? `<h2>${escapeHtml(s.heading)}</h2>` : '';
  const body = (() => {
    switch (s.kind) {
      case 'fields':
        return `<dl class="conclusion-fields">${s.fields
          .map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${paragraphs(f.value)}</dd>`)
          .join('')}</dl>`;
      case 'text':
        return paragraphs(s.paragraphs);
      case 'criteria':
        return (
          s.criteria
            .filter((c) => c.assessed)
            .map(
              (c) =>
                `<section class="conclusion-criterion${c.prefilled ? ' is-prefilled' : ''}" data-criterion="${escapeHtml(c.criterionId)}">` +
                `<h3>${escapeHtml(c.heading ?? c.title)}</h3>${paragraphs(c.paragraphs)}</section>`,
            )
            .join('') + (s.notAssessed ? p(s.notAssessed, 'conclusion-not-assessed') : '')
        );
      case 'table':
        return table(s.table);
      case 'readings':
        return paragraphs(s.paragraphs) + (s.table ? readingTable(s.table) : '');
    }
  })();
  return `<section class="conclusion-section" data-section="${s.id}">${head}${body}</section>`;
}

function annexes(list: AnnexList): string {
  const items = list.items.map((item) =>
    item.kind === 'text' ? escapeHtml(item.text) : escapeHtml(format(item.template, { sheets: String(item.estimatedSheets) })),
  );
  return `<section class="conclusion-annex-list" data-section="annexes">${p(list.label, 'annex-label')}<ol>${items.map((i) => `<li>${i}</li>`).join('')}</ol></section>`;
}

function signatures(block: SignatureBlock): string {
  return `<ul class="conclusion-signatures">${block.signatories
    .map(
      (sig) =>
        `<li><span class="position">${escapeHtml(sig.position)}</span> <span class="line">${escapeHtml(block.signatureLine)}</span> <span class="name">${escapeHtml(sig.name)}</span></li>`,
    )
    .join('')}</ul>`;
}

/**
 * The preview of exactly what the DOCX holds, as an HTML fragment for the conclusion pane. No inline
 * style or script (the CSP forbids both); the client's stylesheet styles the classes. The annexed
 * table follows the letter, as its pages follow the letter's in the DOCX; its number of pages is
 * the estimate the DOCX shows until the word processor counts them.
 */
export function renderConclusionHtml(doc: ConclusionDocument): string {
  const header =
    `<header class="conclusion-header">${p(doc.issuer.name, 'issuer')}${p(doc.issuer.secretariat, 'secretariat')}` +
    (doc.outgoing ? p(doc.outgoing, 'outgoing') : '') +
    (doc.request ? p(doc.request, 'request') : '') +
    (doc.addressee.length ? `<div class="addressee">${paragraphs(doc.addressee)}</div>` : '') +
    `</header>`;
  const annex = doc.annex
    ? `<section class="conclusion-annex" data-section="table">${p(doc.annex.heading, 'annex-heading')}<h1>${escapeHtml(doc.annex.title)}</h1>${table(doc.annex.table)}</section>`
    : '';
  return (
    `<article class="conclusion" lang="${escapeHtml(doc.languageTag)}">${header}` +
    `<h1>${escapeHtml(doc.title)}</h1>${doc.sections.map(section).join('')}` +
    (doc.annexList ? annexes(doc.annexList) : '') +
    (doc.signatures ? `<section class="conclusion-section" data-section="signatures">${signatures(doc.signatures)}</section>` : '') +
    `${annex}</article>`
  );
}

/** A note above the preview, for the secretary only: which typed texts are in another language than the export. */
export function renderLanguageNotice(heading: string, items: readonly string[]): string {
  if (items.length === 0) return '';
  return `<aside class="conclusion-notice" role="note">${p(heading, 'notice-heading')}<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul></aside>`;
}
