import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../server/import/readers/html';
import { importDraft } from '../../../server/import/import-draft';

const texts = (doc: { paragraphs: Array<{ text: string }> }) => doc.paragraphs.map((x) => x.text);

/** What Word's "Save as Web Page" writes for a draft, as the official portal serves it. */
const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1251">
<meta name=Generator content="Microsoft Word 15">
<title>Проект закона — заголовок страницы</title>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-family:"Times New Roman"} --></style>
</head>
<body lang=RU style='tab-interval:35.4pt'>
<div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:14.0pt'>ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ<o:p></o:p></span></b></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal style='text-indent:35.4pt'><b>Статья&nbsp;1.</b> Основные&nbsp;понятия<o:p></o:p></p>
<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Пособие назначается женщинам,<br>
имеющим детей до трех лет.<o:p></o:p></p>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>Ячейка 1<o:p></o:p></p></td><td><p class=MsoNormal>Ячейка 2</p></td></tr></table>
<p class=MsoNormal>Статья 2. Квота<br>Квота <span lang=KY>30&nbsp;%</span>.<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1">[1]</a></p>
</div>
<div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText>ТЕКСТ СНОСКИ</p></div></div>
</body></html>`;

describe('HTML reader', () => {
  it('reads Word-HTML in windows-1251 as declared by <meta>', () => {
    const bytes = new Uint8Array(iconv.encode(WORD_HTML, 'windows-1251'));
    const source = readHtml(bytes);
    expect(source.format).toBe('html');
    expect(source.encoding).toBe('windows-1251');
    expect(texts(source)).toEqual([
      'ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ',
      'Статья 1. Основные понятия',
      '1. Пособие назначается женщинам, имеющим детей до трех лет.',
      'Ячейка 1',
      'Ячейка 2',
      'Статья 2. Квота',
      'Квота 30 %.',
    ]);
    expect(source.paragraphs[0]!.hints).toEqual({ style: 'MsoNormal', bold: true, centered: true });
    const all = JSON.stringify(source);
    for (const leaked of ['заголовок страницы', 'WordDocument', 'mso-style', 'СНОСКИ', '[1]']) expect(all).not.toContain(leaked);
    expect(source.warnings.map((w) => w.message.en)).toEqual(['Footnotes and endnotes are not imported: neither their marks nor their text.']);
  });

  it('drops everything executable and reports it once as content_removed', () => {
    const html = `<!doctype html><html><head><script>alert("HEAD-SCRIPT")</script></head><body>
      <p onclick="steal('ONCLICK')">Статья 1. Равенство</p>
      <script type="text/javascript">document.write("BODY-SCRIPT")</script>
      <p><a href="javascript:alert('JSLINK')">Ссылка на закон</a></p>
      <iframe src="https://evil.example/">IFRAME-TEXT</iframe>
      <object data="x.swf">OBJECT-TEXT</object><embed src="y.swf">
      <noscript>NOSCRIPT-TEXT</noscript>
      <p>Конец <img src="x.png" onerror="alert('IMG')"></p>
      <style>p { color: red } STYLE-TEXT</style>
    </body></html>`;
    const source = readHtml(new TextEncoder().encode(html));
    expect(texts(source)).toEqual(['Статья 1. Равенство', 'Ссылка на закон', 'Конец']);
    const all = JSON.stringify(source.paragraphs);
    for (const leaked of ['alert', 'SCRIPT', 'ONCLICK', 'JSLINK', 'javascript', 'IFRAME', 'OBJECT', 'NOSCRIPT', 'STYLE', 'IMG', 'onerror']) expect(all).not.toContain(leaked);
    const removed = source.warnings.filter((w) => w.code === 'content_removed');
    expect(removed).toHaveLength(1);
    expect(removed[0]!.location.line).toBe(1);
  });

  it('reports content_removed for an event handler alone, and nothing for a clean page', () => {
    const withHandler = readHtml(new TextEncoder().encode('<p onmouseover="x()">Текст</p>'));
    expect(withHandler.warnings.map((w) => w.code)).toEqual(['content_removed']);
    const clean = readHtml(new TextEncoder().encode('<p>Текст <b>жирный</b></p><ul><li>один</li><li>два</li></ul>'));
    expect(clean.warnings).toEqual([]);
    expect(texts(clean)).toEqual(['Текст жирный', 'один', 'два']);
  });

  it('keeps the body of a page that never closes <head>, drops Word-hidden text', () => {
    const source = readHtml(new TextEncoder().encode('<html><head><meta charset="utf-8"><title>T</title><p>Статья 1. Цель</p><p style="mso-hide:all">СКРЫТО</p><p style="display:none">СКРЫТО</p>'));
    expect(texts(source)).toEqual(['Статья 1. Цель']);
  });

  it('trusts the bytes over a stale <meta charset>', () => {
    const utf8As1251 = readHtml(new TextEncoder().encode('<meta charset="windows-1251"><p>Статья 1. Цель</p>'));
    expect(utf8As1251.encoding).toBe('utf-8');
    expect(texts(utf8As1251)).toEqual(['Статья 1. Цель']);
    const cp1251AsUtf8 = readHtml(new Uint8Array(iconv.encode('<meta charset="utf-8"><p>Статья 1. Цель</p>', 'windows-1251')));
    expect(cp1251AsUtf8.encoding).toBe('windows-1251');
    expect(texts(cp1251AsUtf8)).toEqual(['Статья 1. Цель']);
    expect(cp1251AsUtf8.warnings.map((w) => w.code)).toEqual(['encoding_guessed']);
  });

  it('detects an undeclared cp1251 page and a UTF-8 page with <meta charset>', () => {
    const undeclared = readHtml(new Uint8Array(iconv.encode('<p>Статья 5. Гендерное равенство</p>', 'windows-1251')));
    expect(undeclared.encoding).toBe('windows-1251');
    expect(texts(undeclared)).toEqual(['Статья 5. Гендерное равенство']);
    expect(undeclared.warnings.map((w) => w.code)).toEqual(['encoding_guessed']);
    const utf8 = readHtml(new TextEncoder().encode('<meta charset="utf-8"><p>1-берене. Аялдар жана эркектер</p>'));
    expect(utf8.encoding).toBe('utf-8');
    expect(texts(utf8)).toEqual(['1-берене. Аялдар жана эркектер']);
  });

  it('reads a single-file web page (.mht) from Word: its HTML part, base64 in windows-1251', () => {
    const page = iconv.encode('<html><body><p class=MsoNormal>Статья 1. Цель</p><p>Текст <b>части</b>.</p><script>x()</script></body></html>', 'windows-1251').toString('base64');
    const mht = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="----=_NextPart_01"',
      '',
      'This document is a Single File Web Page.',
      '',
      '------=_NextPart_01',
      'Content-Location: file:///C:/draft.htm',
      'Content-Transfer-Encoding: base64',
      'Content-Type: text/html; charset="windows-1251"',
      '',
      page.replace(/(.{76})/g, '$1\r\n'),
      '',
      '------=_NextPart_01--',
    ].join('\r\n');
    const result = importDraft(new TextEncoder().encode(mht), { fileName: 'draft.mht', maxInflatedBytes: 1 << 20 });
    expect(result.report).toMatchObject({ format: 'html', encoding: 'windows-1251', paragraphs: 2 });
    expect(result.source.paragraphs.map((p) => p.text)).toEqual(['Статья 1. Цель', 'Текст части.']);
    expect(result.report.warnings.map((w) => w.code)).toContain('content_removed');
  });

  it('is chosen by the importer for an .html file and for HTML content under another name', () => {
    const bytes = new TextEncoder().encode('<html><body><p>Статья 1. Цель</p><script>evil()</script></body></html>');
    for (const name of ['draft.html', 'draft.txt', undefined]) {
      const result = importDraft(bytes, { fileName: name, maxInflatedBytes: 1 << 20 });
      expect(result.report.format).toBe('html');
      expect(JSON.stringify(result.pmDoc)).not.toContain('evil');
      expect(result.report.warnings.map((w) => w.code)).toContain('content_removed');
    }
  });
});
