import type express from 'express';
import type { AppContext } from './context';
import { mountAuthRoutes } from './auth/routes';
import { mountHealthRoutes } from './http/health';

/**
 * The feature modules of the server, in mounting order. Each one owns its routes (and their schemas)
 * or its socket events; createApp mounts them all. Add a module with one line here.
 */
export const ROUTE_MODULES: Array<(app: express.Express, ctx: AppContext) => void> = [
  mountHealthRoutes,
  mountAuthRoutes,
];

export const SOCKET_MODULES: Array<(ctx: AppContext) => void> = [];
