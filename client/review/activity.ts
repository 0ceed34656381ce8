import { parseMentions, type Mentionable } from '../../shared/mentions';
import type { ReviewModel } from '../../shared/review-model';
import { formatNumber, onLangChange, t, type StringKey } from '../i18n/i18n';
import { h } from '../ui/dom';
import { Subscriptions } from '../ui/lifecycle';
import type { ReviewSession } from './review-session';
import { placeInVersion } from './carried-place';
import './activity.css';

/** A colleague's finding, comment or reply, as notices and unread marks follow them. */
interface Entry {
  id: string;
  cardId: string;
  kind: 'finding' | 'comment' | 'reply';
  authorId: string;
  clauseId: string | null;
  body: string;
}

/** How long a notice stays unless she acts on it; more at once are summed up in one. */
const NOTICE_MS = 15_000;
const MAX_SEPARATE = 3;

function colleaguesWork(model: ReviewModel, me: string): Entry[] {
  const out: Entry[] = [];
  const replies = (cardId: string, clauseId: string | null, list: ReviewModel['findings'][number]['replies']) => {
    for (const r of list) if (r.authorId !== me && r.deletedAt === undefined) out.push({ id: r.id, cardId, kind: 'reply', authorId: r.authorId, clauseId, body: r.body });
  };
  for (const f of model.findings) {
    // On a later version, one on deleted text (or not carried yet) names no unit of this version.
    const clauseId = placeInVersion(f.position, f.clauseId, f.carried).clauseId || null;
    if (f.origin === 'expert' && f.authorId && f.authorId !== me) out.push({ id: f.id, cardId: f.id, kind: 'finding', authorId: f.authorId, clauseId, body: typeof f.explanation === 'string' ? f.explanation : '' });
    replies(f.id, clauseId, f.replies);
  }
  for (const c of model.comments) {
    const clauseId = placeInVersion(c.position, c.anchor.clauseId, c.carried).clauseId || null;
    if (c.authorId !== me) out.push({ id: c.id, cardId: c.id, kind: c.kind === 'finding' ? 'finding' : 'comment', authorId: c.authorId, clauseId, body: c.body });
    replies(c.id, clauseId, c.replies);
  }
  return out;
}

/**
 * Knowing what colleagues do (issue 17): a colleague's new finding, comment or reply brings a
 * non-blocking notice («Бермет: новое замечание к ст. 14», with a jump to it; louder when it mentions
 * her); cards with work of others she has not looked at carry an unread mark, counted on the
 * Findings tab; @mentions of members are set off in the cards. What she has seen is kept per person
 * and review in localStorage (ids only, no content). The first time she opens a review, everything in
 * it counts as seen: unread means new since she has been here.
 */
export class ReviewActivity {
  readonly element: HTMLElement;
  private readonly markAll: HTMLButtonElement;
  private readonly subscriptions = new Subscriptions();
  private readonly storageKey: string;
  private seen: Set<string>;
  private known: Set<string> | null = null;
  private entries: Entry[] = [];
  private readonly observer: MutationObserver;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** A pointer is down in the panel: see the constructor. */
  private pressed = false;
  private redrawAfterPress = false;

  constructor(
    private readonly session: ReviewSession,
    private readonly panel: HTMLElement,
    private readonly tab: HTMLElement,
    private readonly jump: (cardId: string) => void,
    private readonly articleOf: (clauseId: string) => string | null,
  ) {
    this.storageKey = `tendik:seen:${session.me.id}:${session.reviewId}`;
    const stored = this.load();
    this.seen = new Set(stored ?? []);
    const firstVisit = stored === null;
    this.element = h('div', { class: 'activity-notices', role: 'region', 'aria-label': t('activityRegion'), 'data-i18n-label': 'activityRegion', 'data-testid': 'activity-notices' });
    this.markAll = h('button', { type: 'button', class: 'button button--small activity-mark-all', hidden: true, 'data-testid': 'mark-all-read' }, t('activityMarkAllRead')) as HTMLButtonElement;
    this.markAll.addEventListener('click', () => this.markRead(this.entries.map((e) => e.id)));
    panel.insertBefore(this.markAll, panel.children[1] ?? null);
    // The cards are the findings panel's: the marks go on whatever it has drawn, after each drawing.
    this.observer = new MutationObserver(() => this.decorate());
    this.observer.observe(panel, { childList: true, subtree: true });
    // Looking at a card (a click, the keyboard's focus, a jump) reads it.
    const read = (event: Event) => {
      const card = (event.target as HTMLElement | null)?.closest?.('[data-item]');
      if (card) this.markRead(this.entries.filter((e) => e.cardId === card.getAttribute('data-item')).map((e) => e.id));
    };
    panel.addEventListener('click', read);
    panel.addEventListener('focusin', read);
    // A mousedown focuses the button before the mouseup: redrawing the marks then (the badge and
    // «mark all as read» go) would move the card from under the pointer and lose the click.
    // The marks wait until the button is released and its click has run.
    const press = () => (this.pressed = true);
    const release = () => {
      this.pressed = false;
      if (!this.redrawAfterPress) return;
      this.redrawAfterPress = false;
      setTimeout(() => this.decorate(true), 0);
    };
    panel.addEventListener('pointerdown', press, true);
    document.addEventListener('pointerup', release, true);
    document.addEventListener('pointercancel', release, true);
    this.subscriptions.add(
      () => this.observer.disconnect(),
      () => panel.removeEventListener('click', read),
      () => panel.removeEventListener('focusin', read),
      () => panel.removeEventListener('pointerdown', press, true),
      () => document.removeEventListener('pointerup', release, true),
      () => document.removeEventListener('pointercancel', release, true),
      () => this.timers.forEach(clearTimeout),
      session.onModel((model) => this.update(model, firstVisit)),
      onLangChange(() => {
        this.markAll.textContent = t('activityMarkAllRead');
        this.decorate(true);
      }),
    );
  }

  destroy(): void {
    this.subscriptions.release();
    this.element.remove();
  }

  /** The review's people who can be mentioned: its members and the secretary, by the names shown. */
  private people(): Mentionable[] {
    return this.session.members.map((m) => ({ id: m.id, name: this.session.memberName(m.id) ?? m.name }));
  }

  private load(): string[] | null {
    try {
      const raw = localStorage.getItem(this.storageKey);
      const value: unknown = raw === null ? null : JSON.parse(raw);
      return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : null;
    } catch {
      return null;
    }
  }

  private save(): void {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify([...this.seen]));
    } catch {
      // A full storage loses the marks, never the work.
    }
  }

  private update(model: ReviewModel, firstVisit: boolean): void {
    this.entries = colleaguesWork(model, this.session.me.id);
    if (this.known === null) {
      this.known = new Set(this.entries.map((e) => e.id));
      if (firstVisit) {
        for (const e of this.entries) this.seen.add(e.id);
        this.save();
      }
    } else {
      const fresh = this.entries.filter((e) => !this.known!.has(e.id));
      for (const e of fresh) this.known.add(e.id);
      if (fresh.length) this.notify(fresh.filter((e) => !this.seen.has(e.id)));
    }
    this.decorate(true);
  }

  private markRead(ids: readonly string[]): void {
    const unread = ids.filter((id) => !this.seen.has(id));
    if (unread.length === 0) return;
    for (const id of unread) this.seen.add(id);
    this.save();
    if (this.pressed) this.redrawAfterPress = true;
    else this.decorate(true);
  }

  private notify(fresh: Entry[]): void {
    if (fresh.length === 0) return;
    const me = this.session.me.id;
    const people = this.people();
    const name = (id: string) => this.session.memberName(id) ?? t('unknownUser');
    const where = (e: Entry) => {
      const article = e.clauseId ? this.articleOf(e.clauseId) : null;
      return article ? t('activityWhere', { article }) : '';
    };
    const mentionsMe = (e: Entry) => parseMentions(e.body, people).some((m) => m.userId === me);
    const KINDS: Record<Entry['kind'], StringKey> = { finding: 'activityNewFinding', comment: 'activityNewComment', reply: 'activityNewReply' };
    const shown = fresh.length > MAX_SEPARATE ? fresh.filter(mentionsMe) : fresh;
    for (const e of shown) {
      const mention = mentionsMe(e);
      this.show(() => t(mention ? 'activityMentionedYou' : KINDS[e.kind], { name: name(e.authorId), where: where(e) }), e.cardId, mention);
    }
    const rest = fresh.length > MAX_SEPARATE ? fresh.filter((e) => !mentionsMe(e)) : [];
    if (rest.length) this.show(() => t('activitySummary', { count: formatNumber(rest.length) }), rest[0]!.cardId, false);
  }

  private show(text: () => string, cardId: string, mention: boolean): void {
    const label = h('p', { class: 'activity-notice__text' }, text());
    const go = h('button', { type: 'button', class: 'button button--small button--primary', 'data-testid': 'notice-jump' }, t('activityJump'));
    const close = h('button', { type: 'button', class: 'button button--small activity-notice__close', 'aria-label': t('activityDismiss'), title: t('activityDismiss') }, '×');
    const notice = h('div', { class: `activity-notice${mention ? ' activity-notice--mention' : ''}`, 'data-testid': 'notice', 'data-card': cardId }, label, h('div', { class: 'activity-notice__actions' }, go, close));
    const remove = () => notice.remove();
    go.addEventListener('click', () => {
      remove();
      this.jump(cardId);
    });
    close.addEventListener('click', remove);
    // Kept while she hovers or is on it: a notice must not vanish from under the pointer or the focus.
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!notice.matches(':hover, :focus-within')) remove();
    }, NOTICE_MS);
    this.timers.add(timer);
    const relabel = onLangChange(() => {
      label.textContent = text();
      go.textContent = t('activityJump');
      close.setAttribute('aria-label', t('activityDismiss'));
    });
    new MutationObserver((_, obs) => {
      if (!notice.isConnected) {
        relabel();
        obs.disconnect();
      }
    }).observe(this.element, { childList: true });
    this.element.append(notice);
    while (this.element.children.length > 4) this.element.firstElementChild?.remove();
  }

  /** Unread marks on the cards and the tab, @mentions set off in the cards' texts. */
  private decorate(force = false): void {
    this.observer.disconnect();
    try {
      const unreadCards = new Set(this.entries.filter((e) => !this.seen.has(e.id)).map((e) => e.cardId));
      for (const li of this.panel.querySelectorAll<HTMLElement>('[data-item]')) {
        const unread = unreadCards.has(li.getAttribute('data-item')!);
        const badge = li.querySelector('.unread-badge');
        li.classList.toggle('finding--unread', unread);
        if (unread && (!badge || force)) {
          badge?.remove();
          li.querySelector('header, .finding__head')?.append(h('span', { class: 'unread-badge', 'data-testid': 'unread-badge' }, t('activityUnread')));
        } else if (!unread) badge?.remove();
      }
      this.tab.querySelector('.tab-badge')?.remove();
      if (unreadCards.size) {
        this.tab.append(
          h('span', { class: 'tab-badge', 'data-testid': 'unread-tab-badge' }, h('span', { 'aria-hidden': 'true' }, ` ${formatNumber(unreadCards.size)}`), h('span', { class: 'visually-hidden' }, ` (${t('activityUnreadTab', { count: formatNumber(unreadCards.size) })})`)),
        );
      }
      this.markAll.hidden = unreadCards.size === 0;
      this.markMentions();
    } finally {
      this.observer.observe(this.panel, { childList: true, subtree: true });
    }
  }

  private markMentions(): void {
    const people = this.people();
    const me = this.session.me.id;
    for (const p of this.panel.querySelectorAll<HTMLElement>('.finding__body, .reply p')) {
      if (p.querySelector('.mention') || p.children.length > 0) continue;
      const text = p.textContent ?? '';
      const mentions = parseMentions(text, people);
      if (mentions.length === 0) continue;
      const parts: Array<Node | string> = [];
      let at = 0;
      for (const m of mentions) {
        parts.push(text.slice(at, m.start));
        parts.push(h('strong', { class: `mention${m.userId === me ? ' mention--me' : ''}`, 'data-testid': m.userId === me ? 'mention-me' : 'mention' }, text.slice(m.start, m.end)));
        at = m.end;
      }
      parts.push(text.slice(at));
      p.replaceChildren(...parts);
    }
  }
}
