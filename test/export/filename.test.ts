import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../server/export/filename';

describe('Content-Disposition', () => {
  it('keeps the ASCII name to safe characters and percent-encodes the real one', () => {
    const header = contentDisposition('../../etc/passwd"\r\nX: y', 'Заключение «О пособиях»/..\\\r\nSet-Cookie: a=b \uD800.docx');
    expect(header).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain('filename="etc_passwd_X_y"');
    expect(decodeURIComponent(header.split("''")[1]!)).toBe('Заключение «О пособиях» .. Set-Cookie a=b .docx');
  });

  it('bounds the length and never leaves a name empty', () => {
    const header = contentDisposition('', 'Я'.repeat(1000));
    expect(header).toContain('filename="download"');
    expect(decodeURIComponent(header.split("''")[1]!)).toBe('Я'.repeat(150));
    expect(decodeURIComponent(contentDisposition('x.docx', ' \r\n ').split("''")[1]!)).toBe('x.docx');
  });
});
