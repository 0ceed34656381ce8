/** Screens are addressed by the URL hash, so the server needs no knowledge of client routes. */
export type Route =
  | { name: 'list' }
  | { name: 'upload' }
  | { name: 'account' }
  | { name: 'review'; id: string }
  | { name: 'conclusion'; id: string }
  | { name: 'versions'; id: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const review = /^\/reviews\/([0-9a-f-]{36})(\/conclusion|\/versions)?$/i.exec(path);
  if (review) return { name: review[2] === '/conclusion' ? 'conclusion' : review[2] === '/versions' ? 'versions' : 'review', id: review[1]! };
  if (path === '/new') return { name: 'upload' };
  if (path === '/account') return { name: 'account' };
  return { name: 'list' };
}

export function navigate(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
