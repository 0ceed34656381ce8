import { t, type StringKey } from '../i18n/i18n';
import { h } from '../ui/dom';

export interface SidebarTab {
  id: string;
  key: StringKey;
  panel: HTMLElement;
}

/**
 * The sidebar's tabs in the WAI-ARIA tabs pattern: one tab stop (the selected tab), the arrow keys
 * move between tabs, only the selected tab's panel is shown. It listens only on its own elements, so
 * it goes with them: nothing to release.
 */
export function sidebarTabs(tabs: readonly SidebarTab[], onSelect: (id: string) => void): { tablist: HTMLElement; panels: HTMLElement; select(id: string, focus: boolean): void } {
  const tablist = h('div', { role: 'tablist', class: 'tabs', 'aria-label': t('tabFindings'), 'data-i18n-label': 'tabFindings' });
  const panels = h('div', { class: 'tab-panels' });
  const buttons = tabs.map(({ id, key }) =>
    h('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, class: 'tab', 'data-i18n': key, 'data-testid': `tab-${id}` }, t(key)),
  );
  const boxes = tabs.map(({ id, panel }) => h('div', { role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, class: 'tab-panel', tabindex: '0' }, panel));
  const select = (id: string, focus: boolean) => {
    tabs.forEach((tab, i) => {
      const selected = tab.id === id;
      const button = buttons[i]!;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
      if (selected && focus) button.focus();
      boxes[i]!.toggleAttribute('hidden', !selected);
    });
    onSelect(id);
  };
  buttons.forEach((button, i) => {
    button.addEventListener('click', () => select(tabs[i]!.id, false));
    button.addEventListener('keydown', (event) => {
      const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!delta) return;
      event.preventDefault();
      select(tabs[(i + delta + tabs.length) % tabs.length]!.id, true);
    });
  });
  panels.append(...boxes);
  tablist.append(...buttons);
  return { tablist, panels, select };
}
