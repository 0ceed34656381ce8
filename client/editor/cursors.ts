import type { DecorationAttrs } from 'prosemirror-view';

interface CursorUser {
  name?: unknown;
  color?: unknown;
}

function safeColor(value: unknown): string {
  return typeof value === 'string' && /^#[0-9a-f]{3,8}$/i.test(value) ? value : '#555555';
}

/** Black or white, whichever reads better on `color` (WCAG relative luminance). */
export function textColorOn(color: string): string {
  let hex = color.slice(1);
  if (hex.length === 3 || hex.length === 4) hex = [...hex.slice(0, 3)].map((c) => c + c).join('');
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is 1.05 / (L + 0.05), with black (L + 0.05) / 0.05: equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
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
  // Colours are assigned per person by the server; some are light, so the name's colour follows.
  label.style.color = textColorOn(color);
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

export function selectionBuilder(user: CursorUser): DecorationAttrs {
  // Decoration style attributes reach the DOM through element.style (CSSOM), which the CSP allows.
  return { class: 'remote-selection', style: `background-color: ${safeColor(user.color)}40` };
}
