import { LOG_LEVELS, type LogLevel } from './log-level';

/**
 * The server's log: one line per event, for an administrator to read or a collector to parse.
 * JSON lines in production (`{"time":…,"level":"info","msg":"request",…}`), readable lines otherwise.
 *
 * What goes in is chosen by the callers — ids, routes, statuses, durations, addresses — and never a
 * request body, a cookie, a token, a password or a law's text. As a second line of defence any field
 * whose name says it holds a secret is written as "[redacted]", at any depth.
 */
export type LogFields = Record<string, unknown>;

export interface Logger {
  readonly level: LogLevel;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose every line carries these fields too (e.g. `{ part: 'backup' }`). */
  child(fields: LogFields): Logger;
  /** Whether a line of this level would be written (to skip building costly fields). */
  enabled(level: Exclude<LogLevel, 'silent'>): boolean;
}

export interface LoggerOptions {
  level: LogLevel;
  json: boolean;
  /** Where a finished line goes (without its newline); stdout by default, stderr for warnings and errors. */
  write?: (line: string, level: Exclude<LogLevel, 'silent'>) => void;
  now?: () => Date;
}

const SECRET_KEY = /pass(word|wd)?|secret|token|cookie|authori[sz]ation|csrf|session.?id|^body$/i;
const MAX_STRING = 500;

export function createLogger(options: LoggerOptions, bound: LogFields = {}): Logger {
  const rank = LOG_LEVELS.indexOf(options.level);
  const write = options.write ?? defaultWrite;
  const now = options.now ?? (() => new Date());
  const enabled = (level: Exclude<LogLevel, 'silent'>) => LOG_LEVELS.indexOf(level) >= rank && options.level !== 'silent';
  const emit = (level: Exclude<LogLevel, 'silent'>, msg: string, fields?: LogFields) => {
    if (!enabled(level)) return;
    const all = clean({ ...bound, ...fields }) as LogFields;
    const time = now();
    write(options.json ? jsonLine(time, level, msg, all) : prettyLine(time, level, msg, all), level);
  };
  return {
    level: options.level,
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
    enabled,
  };
}

/** A logger that writes nothing: for code run outside a server (CLIs, tests that do not care). */
export const SILENT_LOGGER: Logger = createLogger({ level: 'silent', json: false });

function defaultWrite(line: string, level: Exclude<LogLevel, 'silent'>): void {
  (level === 'warn' || level === 'error' ? process.stderr : process.stdout).write(line + '\n');
}

function jsonLine(time: Date, level: string, msg: string, fields: LogFields): string {
  return JSON.stringify({ time: time.toISOString(), level, msg, ...fields });
}

function prettyLine(time: Date, level: string, msg: string, fields: LogFields): string {
  const parts = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' && !/[\s"=]/.test(value) ? value : JSON.stringify(value)}`);
  return [time.toISOString(), level.toUpperCase().padEnd(5), msg, ...parts].join(' ');
}

/** Secret-named fields redacted, errors made plain, long strings cut, at any depth (cycles cut too). */
function clean(value: unknown, key = '', depth = 0): unknown {
  if (key && SECRET_KEY.test(key)) return '[redacted]';
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: cut(value.message), ...(code !== undefined ? { code } : {}), stack: value.stack?.split('\n').slice(1, 6).map((l) => l.trim()) };
  }
  if (typeof value === 'string') return cut(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[…]';
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${(value as Uint8Array).byteLength} bytes]`;
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => clean(item, '', depth + 1));
  const out: LogFields = {};
  for (const [k, v] of Object.entries(value)) out[k] = clean(v, k, depth + 1);
  return out;
}

function cut(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
}
