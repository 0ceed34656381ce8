import { cleanLine } from '../../shared/conclusion/sanitize';

/**
 * Content-Disposition for a download named after the draft. The plain `filename` is ASCII only
 * (letters, digits, dot, dash, underscore): old clients show it, and nothing in it can end the header
 * or climb a path. `filename*` carries the real name in UTF-8, percent-encoded (RFC 6266 / 8187), so
 * CR, LF, quotes, slashes and semicolons arrive as inert %XX.
 */
export function contentDisposition(asciiName: string, utf8Name: string): string {
  const ascii = asciiName.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 100) || 'download';
  // cleanLine drops lone surrogates, which encodeURIComponent would throw on.
  const utf8 = cleanLine(utf8Name)
    .replace(/[\u0000-\u001F\u007F-\u009F/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 150)
    .trim();
  const encoded = encodeURIComponent(utf8 || ascii).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
