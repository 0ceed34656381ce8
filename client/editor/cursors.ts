import type { DecorationAttrs } from 'prosemirror-view';

interface CursorUser {
  name?: unknown;
  color?: unknown;
}

function safeColor(value: unknown): string {
  return typeof value === 'string' && /^#[0-9a-f]{3,8}$/i.test(value) ? value : '#555555';
}

/**
 * Remote cursors and selections in each person's colour. y-prosemirror's default builders write a
 * style attribute, which the CSP (style-src 'self') blocks; these set colours through the CSSOM.
 * The name is text content, never HTML.
 */
export function cursorBuilder(user: CursorUser): HTMLElement {
  const color = safeColor(user.color);
  const caret = document.createElement('span');
  caret.className = 'remote-cursor';
  caret.style.borderColor = color;
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'remote-cursor__label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

export function selectionBuilder(user: CursorUser): DecorationAttrs {
  // Decoration style attributes reach the DOM through element.style (CSSOM), which the CSP allows.
  return { class: 'remote-selection', style: `background-color: ${safeColor(user.color)}40` };
}
