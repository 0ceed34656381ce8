import { t, type StringKey } from '../i18n/i18n';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * Builds an element. Strings become text nodes and attributes go through setAttribute, so text that
 * came from users or drafts is never parsed as HTML. `on*` attributes must be functions; `style` is
 * refused because the Content-Security-Policy blocks inline style attributes anyway.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (name === 'style') throw new RangeError('Inline style attributes are blocked by the CSP; use a class');
    if (name.startsWith('on')) {
      if (typeof value !== 'function') throw new RangeError(`Handler ${name} must be a function`);
      el.addEventListener(name.slice(2), value);
    } else if (typeof value === 'function') {
      throw new RangeError(`Attribute ${name} cannot be a function`);
    } else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child == null || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** An element whose text is an interface string, retranslated when the language changes. */
export function tx<K extends keyof HTMLElementTagNameMap>(tag: K, key: StringKey, attrs: Attrs = {}): HTMLElementTagNameMap[K] {
  const el = h(tag, { ...attrs, 'data-i18n': key });
  el.textContent = t(key);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

let idCounter = 0;
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
