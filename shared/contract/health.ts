import { OkResponse } from './fields';
import { route } from './route';

/** For load balancers and monitors: answers once the database does (server/http/health.ts). */
export const health = route({ method: 'GET', path: '/api/health', summary: 'the server and its database answer', response: OkResponse });
