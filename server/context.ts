import type { Server as SocketServer } from 'socket.io';
import type { Config } from './config';
import type { Db } from './storage/db';

/** What every route and socket handler needs; built once by createApp. */
export interface AppContext {
  config: Config;
  db: Db;
  io: SocketServer;
  /** Cleanup hooks run by close(), in reverse order of registration (collab docs flush before the db closes). */
  onClose(fn: () => void | Promise<void>): void;
}
