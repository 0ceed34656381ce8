import type { ConclusionDocument, ConclusionSection } from './document';

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
        return s.criteria
          .map(
            (c) =>
              `<section class="conclusion-criterion${c.prefilled ? ' is-prefilled' : ''}" data-criterion="${escapeHtml(c.criterionId)}">` +
              `<h3>${escapeHtml(c.title)}</h3>${paragraphs(c.paragraphs)}</section>`,
          )
          .join('');
      case 'table': {
        const t = s.table;
        const header = `<thead><tr>${t.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
        const rows = t.rows.length
          ? t.rows
              .map(
                (r) =>
                  `<tr data-finding="${escapeHtml(r.findingId)}"><td>${r.number}</td><td>${escapeHtml(r.clauseLabel)}</td>` +
                  `<td>${paragraphs(r.clauseText)}</td><td>${paragraphs(r.proposed)}</td><td>${paragraphs(r.justification)}</td></tr>`,
              )
              .join('')
          : `<tr><td colspan="5">${escapeHtml(t.emptyText)}</td></tr>`;
        return `<table class="conclusion-table">${header}<tbody>${rows}</tbody></table>`;
      }
      case 'signatures':
        return (
          `<ul class="conclusion-signatures">${s.signatories
            .map(
              (sig) =>
                `<li><span class="position">${escapeHtml(sig.position)}</span> <span class="line">${escapeHtml(s.signatureLine)}</span> <span class="name">${escapeHtml(sig.name)}</span></li>`,
            )
            .join('')}</ul>` + (s.date ? p(s.date, 'conclusion-date') : '')
        );
      case 'list':
        return `<ol>${s.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ol>`;
    }
  })();
  return `<section class="conclusion-section" data-section="${s.id}">${head}${body}</section>`;
}

/**
 * The preview of exactly what the DOCX holds, as an HTML fragment for the conclusion pane. No inline
 * style or script (the CSP forbids both); the client's stylesheet styles the classes.
 */
export function renderConclusionHtml(doc: ConclusionDocument): string {
  const header =
    `<header class="conclusion-header">${p(doc.issuer.name, 'issuer')}${p(doc.issuer.secretariat, 'secretariat')}` +
    (doc.outgoing ? p(doc.outgoing, 'outgoing') : '') +
    (doc.addressee.length ? `<div class="addressee">${paragraphs(doc.addressee)}</div>` : '') +
    `</header>`;
  return (
    `<article class="conclusion" lang="${escapeHtml(doc.languageTag)}">${header}` +
    `<h1>${escapeHtml(doc.title)}</h1>${doc.sections.map(section).join('')}</article>`
  );
}
