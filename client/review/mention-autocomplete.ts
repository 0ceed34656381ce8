import type { Mentionable } from '../../shared/mentions';
import { formatNumber, t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { announce } from '../ui/error-banner';
import { insertMention, mentionQuery, type MentionQuery } from './mention-suggest';

/** Text boxes that offer names after `@` carry this attribute. */
export const MENTIONS_ATTRIBUTE = 'data-mentions';

let nextId = 0;

/**
 * Offers the review's people while she types `@` in any text box under `root` marked
 * data-mentions (a finding's text, a reply, an edit): a list right under the box, ↑/↓ to choose,
 * Enter or Tab to insert the whole name, Escape to close it without closing the dialog or leaving
 * the card; a click works too. Delegated from the root, so boxes drawn later (the cards are redrawn)
 * need nothing more. The list sits in the box's own parent: inside a modal dialog it must be in the
 * dialog's top layer, or it would be under it and inert. The box keeps the focus; it points at the
 * chosen name with aria-activedescendant (a textbox may), and the count is said once as it opens.
 */
export function installMentionAutocomplete(root: Document | HTMLElement, people: () => Mentionable[]): () => void {
  let box: HTMLTextAreaElement | null = null;
  let list: HTMLElement | null = null;
  let shown: MentionQuery | null = null;
  let active = 0;

  const close = () => {
    list?.remove();
    list = null;
    shown = null;
    if (box) {
      box.removeAttribute('aria-activedescendant');
      box.removeAttribute('aria-controls');
    }
  };

  const choose = (index: number) => {
    if (!box || !shown) return;
    const person = shown.people[index];
    if (!person) return;
    const done = insertMention(box.value, box.selectionStart, shown.at, person.name);
    box.value = done.text;
    box.setSelectionRange(done.caret, done.caret);
    close();
    // The drafts and the counters listen to input.
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.focus();
  };

  const draw = () => {
    if (!box || !shown) return;
    const listId = list?.id ?? `mention-list-${(nextId += 1)}`;
    const options = shown.people.map((person, index) =>
      h(
        'li',
        { id: `${listId}-${index}`, role: 'option', class: `mention-option${index === active ? ' mention-option--active' : ''}`, 'aria-selected': String(index === active), 'data-testid': 'mention-option' },
        person.name,
      ),
    );
    const fresh = h('ul', { id: listId, role: 'listbox', class: 'mention-list', 'aria-label': t('mentionsSuggestLabel'), 'data-testid': 'mention-list' }, ...options);
    // Pressing an option must not take the focus from the box (its blur would close the list first).
    fresh.addEventListener('mousedown', (event) => event.preventDefault());
    fresh.addEventListener('click', (event) => {
      const option = (event.target as HTMLElement).closest('[role=option]');
      if (option) choose(options.indexOf(option as HTMLLIElement));
    });
    if (list) list.replaceWith(fresh);
    else box.insertAdjacentElement('afterend', fresh);
    list = fresh;
    box.setAttribute('aria-controls', listId);
    box.setAttribute('aria-activedescendant', `${listId}-${active}`);
  };

  const onInput = (event: Event) => {
    const target = event.target;
    if (!(target instanceof HTMLTextAreaElement) || !target.hasAttribute(MENTIONS_ATTRIBUTE)) return;
    if (box !== target) {
      close();
      box = target;
    }
    const me = target.selectionStart === target.selectionEnd ? mentionQuery(target.value, target.selectionStart, people()) : null;
    if (!me) {
      close();
      return;
    }
    const opening = shown === null || shown.people.length !== me.people.length;
    shown = me;
    active = Math.min(active, me.people.length - 1);
    if (opening) active = 0;
    draw();
    if (opening) announce(t('mentionsSuggestCount', { count: formatNumber(me.people.length) }));
  };

  const onKey = (event: Event) => {
    if (!(event instanceof KeyboardEvent)) return;
    if (!shown || event.target !== box || event.isComposing) return;
    const count = shown.people.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      active = (active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
      draw();
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      if (event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
      choose(active);
    } else if (event.key === 'Escape') {
      close();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const onBlur = (event: Event) => {
    if (event.target === box) close();
  };

  root.addEventListener('input', onInput, true);
  root.addEventListener('keydown', onKey, true);
  root.addEventListener('focusout', onBlur, true);
  return () => {
    close();
    root.removeEventListener('input', onInput, true);
    root.removeEventListener('keydown', onKey, true);
    root.removeEventListener('focusout', onBlur, true);
  };
}
