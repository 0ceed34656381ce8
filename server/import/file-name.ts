/**
 * The uploaded file's name is only ever a display string: the last path component, without control or
 * bidirectional-override characters, NFC, at most 200 characters. It is never used to touch the disk,
 * so "../../etc/passwd" is merely shown as "passwd".
 */
export function sanitizeFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .normalize('NFC')
    .trim()
    .replace(/^\.+/, '');
  const name = clean.length > 200 ? clean.slice(0, 200) : clean;
  return name.length === 0 ? 'draft' : name;
}
