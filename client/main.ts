import { Workbox } from 'workbox-window';
import './styles.css';
import { parseRoute } from './router';
import { restoreSession, currentUser } from './session';
import { Shell } from './shell';
import { errorBanner } from './ui/error-banner';
import { mountSignIn } from './screens/sign-in';
import { mountReviewList } from './screens/review-list';
import { mountUpload } from './screens/upload';
import { mountConclusionView } from './screens/conclusion-view';
import { invitationToken, mountAcceptInvite } from './screens/accept-invite';
import { FORGOT_PASSWORD_HASH, mountForgotPassword, mountResetPassword, resetToken } from './screens/password-reset';
import { mountAdmin } from './screens/admin';
import { mountAccount } from './screens/account';
import { mountReviewPage } from './review/review-page';
import { mountVersionsPage } from './screens/versions';
import { mountRecommendationStats } from './screens/recommendation-stats';
import { mountChecklistStats } from './screens/checklist-stats';
import { mountReadingRecommendations } from './screens/reading-recommendations';
import { dropPreconnected, preconnect } from './review/review-session';

/** A mounted screen returns its cleanup (closing sockets, removing listeners). */
export type Unmount = () => void;

const root = document.getElementById('app');
if (!root) throw new Error('index.html lacks #app');

let unmount: Unmount | null = null;
const shell = new Shell(
  root,
  () => void show(),
  () => {
    unmount?.();
    unmount = null;
  },
);

async function show(): Promise<void> {
  unmount?.();
  unmount = null;
  shell.connection.setCollabStatus(null);
  const main = shell.main;
  main.replaceChildren();
  try {
    const invitation = invitationToken();
    if (invitation) {
      unmount = mountAcceptInvite(main, invitation, () => {
        shell.renderUser();
        void show();
      });
      return;
    }
    const reset = resetToken();
    if (reset) {
      unmount = mountResetPassword(main, reset, () => {
        shell.renderUser();
        void show();
      });
      return;
    }
    if (!currentUser() && location.hash === FORGOT_PASSWORD_HASH) {
      unmount = mountForgotPassword(main);
      return;
    }
    if (!currentUser()) {
      unmount = mountSignIn(main, () => {
        shell.renderUser();
        warmOfflineAnswers();
        void show();
      });
      return;
    }
    const route = parseRoute(location.hash);
    // A committee reader has no working review to open: her way in is the issued conclusion.
    if (route.name === 'conclusion' || ((route.name === 'review' || route.name === 'reading') && currentUser()?.role === 'reader')) unmount = mountConclusionView(main, route.id);
    else if (route.name === 'review') unmount = mountReviewPage(main, route.id, shell, route.clause, route.version);
    else if (route.name === 'versions') unmount = mountVersionsPage(main, route.id, route.to);
    else if (route.name === 'reading') unmount = mountReadingRecommendations(main, route.id, route.seq);
    else if (route.name === 'recommendations') unmount = mountRecommendationStats(main);
    else if (route.name === 'checklistStats') unmount = mountChecklistStats(main);
    else if (route.name === 'upload') unmount = mountUpload(main);
    else if (route.name === 'account')
      unmount = mountAccount(main, () => {
        shell.renderUser();
        location.hash = '#/';
        void show();
      });
    // The administrator is on no review: her screen is the accounts.
    else if (currentUser()?.role === 'admin') unmount = mountAdmin(main);
    else unmount = mountReviewList(main);
  } catch (error) {
    main.replaceChildren(errorBanner(error, () => void show()));
  }
}

window.addEventListener('hashchange', () => void show());

// The service worker (vite.config.ts) keeps the app and the answers a review needs to open, so a
// review reopens without a network. Not there in development (`npm run dev`): the error is ignored.
/** The longest the service worker's install waits for a review to sync. */
const SW_WAIT_MS = 20_000;
if ('serviceWorker' in navigator) {
  const worker = new Workbox('/sw.js');
  // On the first visit the page asked for its data before the worker was in charge: ask once more
  // through it, so that even this first review opens again offline.
  worker.addEventListener('controlling', () => warmOfflineAnswers());
  // Installing, the worker downloads the whole app once more and parses it: on a review's address
  // that competed with the draft's download and the main thread (a first visit opened ~1 s later), so
  // it waits until the review is synced (or a while, should it never be: offline, refused).
  const route = parseRoute(location.hash);
  const ready = route.name === 'review' ? Promise.race([shell.connection.firstSynced, new Promise((resolve) => setTimeout(resolve, SW_WAIT_MS))]) : Promise.resolve();
  void ready.then(() => worker.register().catch(() => undefined));
}

/** Asks the server, through the service worker, for what reopening offline needs (no-op until it is in charge). */
function warmOfflineAnswers(): void {
  if (!currentUser() || !navigator.serviceWorker?.controller) return;
  const route = parseRoute(location.hash);
  const paths = ['/api/auth/me', '/api/reviews', '/api/checklists/current'];
  if (route.name === 'review') paths.push(`/api/reviews/${route.id}`, `/api/reviews/${route.id}/members`, `/api/reviews/${route.id}/versions`);
  for (const path of paths) void fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(() => undefined);
}

// On a review's address the collaboration socket starts its handshake now, beside the session check.
const startRoute = parseRoute(location.hash);
if (startRoute.name === 'review') preconnect(startRoute.id);
restoreSession()
  .then(async () => {
    shell.renderUser();
    await show();
    dropPreconnected();
  })
  .catch((error: unknown) => {
    dropPreconnected();
    shell.main.replaceChildren(errorBanner(error, () => location.reload()));
  });
