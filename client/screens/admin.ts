import { admin as contract, committees as registry } from '../../shared/contract';
import { ROLES, type Role } from '../../shared/roles';
import { apiCall } from '../api';
import { formatDate, onLangChange, t } from '../i18n/i18n';
import { CommitteeSelect, committeeName, fillCommitteeOptions, type CommitteeRecord } from '../ui/committee-select';
import { h, tx } from '../ui/dom';
import { announce, errorBanner } from '../ui/error-banner';
import { Subscriptions } from '../ui/lifecycle';
import { roleName } from './accept-invite';
import { committeeRegistry } from './admin-committees';

type Account = contract.Account;
type PendingInvitation = contract.Invitation;

/**
 * The administrator's screen: every account (role, committee, active — a change of access ends the
 * person's sessions on the server), invitations (the link is shown once: only its hash is stored),
 * the registry of committees (a reader's committee is chosen from it) and the audit log as CSV.
 */
export function mountAdmin(main: HTMLElement): () => void {
  const screen = new Subscriptions();
  const status = h('div', { class: 'export-status', 'aria-live': 'polite', 'data-testid': 'admin-status' });
  const usersBox = h('div', { 'aria-busy': 'true' }, tx('p', 'loading'));
  const pendingBox = h('div', {});
  const linkBox = h('div', { 'data-testid': 'invite-link-box' });
  let users: Account[] = [];
  let pending: PendingInvitation[] = [];
  let committees: CommitteeRecord[] | null = null;
  const committeeLabel = (code: string) => {
    const known = committees?.find((c) => c.code === code);
    return known ? committeeName(known) : code;
  };

  const fail = (error: unknown) => status.replaceChildren(errorBanner(error));
  const roleSelect = (id: string, value: Role) => {
    const select = h('select', { id, class: 'input input--small' }, ...ROLES.map((r) => h('option', { value: r }, roleName(r)))) as HTMLSelectElement;
    select.value = value;
    return select;
  };

  const renderUsers = () => {
    usersBox.removeAttribute('aria-busy');
    const rows = users.map((u) => {
      const role = roleSelect(`user-role-${u.id}`, u.role);
      const committee = h('select', { id: `user-committee-${u.id}`, class: 'input input--small', 'aria-label': `${t('colCommittee')}: ${u.name}` }) as HTMLSelectElement;
      fillCommitteeOptions(committee, committees, u.committee ?? '', 'committeeNone');
      role.setAttribute('aria-label', `${t('colRole')}: ${u.name}`);
      const active = h('input', { type: 'checkbox', 'aria-label': t('adminActiveLabel', { name: u.name }) }) as HTMLInputElement;
      active.checked = !u.disabled;
      const save = tx('button', 'adminSave', { type: 'button', class: 'button', 'data-testid': `user-save-${u.email}` });
      save.addEventListener('click', () => {
        status.replaceChildren();
        const patch: contract.UpdateUserBody = {};
        if (role.value !== u.role) patch.role = role.value as Role;
        const wantedCommittee = committee.value || null;
        if (role.value === 'reader' && wantedCommittee !== u.committee) patch.committee = wantedCommittee;
        if (active.checked === u.disabled) patch.disabled = !active.checked;
        if (Object.keys(patch).length === 0) return;
        apiCall(contract.updateUser, { params: { id: u.id }, body: patch })
          .then((answer) => {
            users = users.map((x) => (x.id === u.id ? answer.user : x));
            renderUsers();
            announce(t('adminSaved'));
            status.replaceChildren(h('p', {}, t('adminSaved')));
          })
          .catch(fail);
      });
      return h(
        'tr',
        { 'data-testid': 'user-row' },
        h('th', { scope: 'row' }, u.name),
        h('td', {}, u.email),
        h('td', {}, role),
        h('td', {}, committee),
        h('td', {}, active),
        h('td', {}, save),
      );
    });
    usersBox.replaceChildren(
      h(
        'table',
        { class: 'table', 'data-testid': 'user-table' },
        h('caption', { class: 'visually-hidden' }, t('adminUsers')),
        h('thead', {}, h('tr', {}, ...(['colName', 'colEmail', 'colRole', 'colCommittee', 'colActive'] as const).map((k) => h('th', { scope: 'col' }, t(k))), h('td', {}))),
        h('tbody', {}, ...rows),
      ),
    );
  };

  const renderPending = () => {
    pendingBox.replaceChildren(
      pending.length
        ? h(
            'ul',
            { class: 'member-list', 'data-testid': 'pending-invitations' },
            ...pending.map((i) =>
              h(
                'li',
                {},
                h('span', {}, `${i.name} — ${i.email} — ${roleName(i.role)}${i.committee ? ` (${committeeLabel(i.committee)})` : ''} — ${t('inviteExpires', { date: formatDate(i.expiresAt) })}`),
                h('button', { type: 'button', class: 'button', 'aria-label': t('inviteRevokeLabel', { email: i.email }), onclick: () => revoke(i.id) }, t('inviteRevoke')),
              ),
            ),
          )
        : tx('p', 'inviteNone'),
    );
  };

  const load = () => {
    Promise.all([apiCall(contract.listUsers), apiCall(contract.listInvitations), apiCall(registry.listCommittees)])
      .then(([u, i, c]) => {
        users = u.users;
        pending = i.invitations;
        setCommittees(c.committees);
        renderUsers();
        renderPending();
      })
      .catch((error: unknown) => usersBox.replaceChildren(errorBanner(error, load)));
  };
  const revoke = (id: string) => {
    status.replaceChildren();
    apiCall(contract.revokeInvitation, { params: { id } }).then(load, fail);
  };

  const email = h('input', { id: 'invite-email', type: 'email', required: true, class: 'input', autocomplete: 'off' }) as HTMLInputElement;
  const name = h('input', { id: 'invite-name', type: 'text', required: true, maxlength: '200', class: 'input', autocomplete: 'off' }) as HTMLInputElement;
  const role = roleSelect('invite-role', 'expert');
  const committee = new CommitteeSelect({ id: 'invite-committee', 'data-testid': 'invite-committee' }, 'committeeNone');
  screen.add(() => committee.destroy());
  const invite = h(
    'form',
    { class: 'card', 'aria-labelledby': 'invite-title', 'data-testid': 'invite-form' },
    tx('h2', 'inviteTitle', { id: 'invite-title' }),
    h('div', { class: 'field' }, tx('label', 'inviteEmail', { for: 'invite-email' }), email),
    h('div', { class: 'field' }, tx('label', 'inviteName', { for: 'invite-name' }), name),
    h('div', { class: 'field' }, tx('label', 'inviteRole', { for: 'invite-role' }), role),
    h('div', { class: 'field' }, tx('label', 'inviteCommittee', { for: 'invite-committee' }), committee.element),
    tx('button', 'inviteSubmit', { type: 'submit', class: 'button button--primary' }),
    linkBox,
  );
  invite.addEventListener('submit', (event) => {
    event.preventDefault();
    status.replaceChildren();
    linkBox.replaceChildren();
    const body: contract.InviteBody = {
      email: email.value.trim(),
      name: name.value.trim(),
      role: role.value as Role,
      ...(committee.value ? { committee: committee.value } : {}),
    };
    apiCall(contract.createInvitation, { body })
      .then((answer) => {
        const link = h('input', { type: 'text', readonly: true, class: 'input', value: `${location.origin}${answer.acceptPath}`, 'aria-labelledby': 'invite-link-label', 'data-testid': 'invite-link' }) as HTMLInputElement;
        linkBox.replaceChildren(h('p', { id: 'invite-link-label' }, t('inviteLink', { email: answer.invitation.email })), link);
        // With mail configured on the server, the invitee has the link already.
        if (answer.mailed) linkBox.append(h('p', { role: 'status', 'data-testid': 'invite-mailed' }, t('passwordResetInvitationMailed', { email: answer.invitation.email })));
        link.focus();
        link.select();
        invite.reset();
        role.value = 'expert';
        committee.value = '';
        load();
      })
      .catch((error: unknown) => linkBox.replaceChildren(errorBanner(error)));
  });

  const committeesSection = committeeRegistry(
    (list) => {
      setCommittees(list);
      renderUsers();
      renderPending();
    },
    screen,
  );
  function setCommittees(list: CommitteeRecord[]): void {
    committees = list;
    committee.setCommittees(list);
    committeesSection.show(list);
  }

  main.replaceChildren(
    h(
      'section',
      { class: 'admin', 'aria-labelledby': 'admin-title' },
      h('div', { class: 'page-head' }, tx('h1', 'adminTitle', { id: 'admin-title' }), h('a', { href: '/api/audit.csv', class: 'button', download: 'tendik-audit.csv', 'data-i18n': 'auditCsv' }, t('auditCsv'))),
      status,
      tx('h2', 'adminUsers'),
      usersBox,
      invite,
      tx('h2', 'invitePending'),
      pendingBox,
      committeesSection.element,
    ),
  );
  load();
  screen.add(
    onLangChange(() => {
      renderUsers();
      renderPending();
    }),
  );
  return () => screen.release();
}
