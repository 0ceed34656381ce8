import documentCss from './conclusion-document.css?url';

/**
 * The conclusion's HTML (every user text escaped by the server) as the document of a sandboxed frame,
 * styled by its own stylesheet — a file of this app, so the strict CSP (no inline style) allows it.
 */
export function conclusionSrcdoc(html: string, lang: string): string {
  const css = new URL(documentCss, location.href).href;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="stylesheet" href="${css}"></head><body>${html}</body></html>`;
}
