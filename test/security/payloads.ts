/** Classic SQL injection strings, for every parameter that reaches SQL. */
export const SQL_PAYLOADS = [
  "' OR '1'='1",
  "' OR 1=1 --",
  "admin@test.local' --",
  '" OR ""="',
  "'; DROP TABLE users; --",
  "1; DELETE FROM sessions",
  "') UNION SELECT id, password_hash, 1, 1, 1 FROM users --",
  '%27%20OR%201%3D1',
  "\\'; SELECT sqlite_version(); --",
  "x' AND (SELECT COUNT(*) FROM users) > 0 AND 'a'='a",
] as const;

/** Markup and script that must stay data wherever it is shown. */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  '</script><script>alert(document.cookie)</script>',
  '<a href="javascript:alert(1)">click</a>',
  '{{constructor.constructor("alert(1)")()}}',
] as const;

/** Names that try to climb out of a directory or end a header. */
export const PATH_PAYLOADS = [
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/shadow',
  'C:\\boot.ini',
  '....//....//etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'draft.docx\r\nSet-Cookie: tendik_session=evil',
  'draft\u0000.docx',
  '\u202Excod.exe',
] as const;
