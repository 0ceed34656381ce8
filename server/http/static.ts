import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { clientPages } from '../../shared/contract/pages';
import { PROJECT_ROOT } from '../config';
import type { AppContext } from '../context';
import { compressedStatic, fileCache, serveCompressedFile } from './compression';

/** Where `npm run build` (vite build) writes the browser app. */
export const CLIENT_DIST = path.join(PROJECT_ROOT, 'dist', 'client');

/**
 * Serves the built browser app from dist/client. Every other GET that is not an API or socket path
 * gets index.html, so deep links (#-less reloads, bookmarks) open the app. Mounted after the API
 * modules, so it never shadows a route. When the client has not been built, the API still works and
 * pages answer 503 with a plain hint instead of a blank screen.
 */
export function mountStaticClient(app: express.Express, _ctx: AppContext): void {
  const indexFile = path.join(CLIENT_DIST, 'index.html');
  // The conclusion's document stylesheet is loaded by the sandboxed frames that show the conclusion:
  // their origin is opaque, so the same-origin resource policy would block it. It is public app CSS.
  app.use('/assets', (req, res, next) => {
    if (/^\/conclusion-document-[\w-]+\.css$/.test(req.path)) res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  });
  // Hashed file names under assets/ never change content: cache them for long. JS, CSS and SVG go
  // compressed to a browser that accepts it (compression.ts); express.static serves the rest.
  const immutable = 'public, max-age=31536000, immutable';
  app.use('/assets', compressedStatic(path.join(CLIENT_DIST, 'assets'), () => immutable));
  app.use(
    '/assets',
    express.static(path.join(CLIENT_DIST, 'assets'), { immutable: true, maxAge: '365d', fallthrough: true, index: false }),
  );
  app.use(compressedStatic(CLIENT_DIST, () => 'public, max-age=0'));
  app.use(express.static(CLIENT_DIST, { index: false, maxAge: 0 }));
  const indexCache = fileCache();
  app.get(clientPages.pattern, (req, res, next) => {
    if (!req.accepts('html')) return next();
    if (!fs.existsSync(indexFile)) {
      res.status(503).type('text/plain').send('The Tendik client is not built yet: run `npm run build` (npm start does it for you).');
      return;
    }
    if (serveCompressedFile(req, res, indexFile, 'text/html; charset=utf-8', 'no-cache', indexCache)) return;
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
}
