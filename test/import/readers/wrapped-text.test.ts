import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clauseTreeText, normaliseText, parseDraft } from '../../../server/import/parse';
import { readText } from '../../../server/import/readers/text';
import { allClauses, byId } from '../parse/source';

/**
 * Hard-wrapped plain text (legal-database .txt exports cut lines at ~70 columns): the text reader joins the
 * physical lines of one paragraph before the parser sees them, and reports each join. The fixtures were
 * written for the test: wrapped-ru.txt in the style of such exports (first lines indented by five spaces,
 * continuation lines at column 0, justified to 69 columns, a title continued on a deeper-indented line, a
 * date and a number cut to the start of a line); wrapped-ky.txt flush left at 70 columns with no blank lines.
 */

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
const bytesOf = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

describe('hard-wrapped text, first lines indented (RU)', () => {
  const bytes = bytesOf('wrapped-ru.txt');
  const source = readText(bytes);

  it('gives one paragraph per paragraph, at the line where it starts', () => {
    expect(source.paragraphs.map((p) => [p.line, p.text])).toEqual([
      [3, 'РОССИЙСКАЯ ФЕДЕРАЦИЯ'],
      [5, 'ФЕДЕРАЛЬНЫЙ ЗАКОН'],
      [7, 'О равных правах и возможностях мужчин и женщин'],
      [9, 'Принят Государственной Думой 8 июля 2026 года'],
      [11, 'Глава 1. Общие положения'],
      [13, 'Статья 1. Сфера действия настоящего Федерального закона о равных правах и возможностях мужчин и женщин'],
      [16, '1. Настоящим Федеральным законом регулируются отношения, связанные с обеспечением равных прав и равных возможностей мужчин и женщин в сфере труда, занятости, образования и государственной службы, осуществляемые федеральными органами государственной власти, органами государственной власти субъектов Российской Федерации, иными государственными органами, органами местного самоуправления и юридическими лицами. (В редакции Федерального закона от 25.07.2011 г. N 261-ФЗ)'],
      [24, '2. Действие настоящего Федерального закона не распространяется на отношения, возникающие при:'],
      [26, '1) исполнении международных договоров Российской Федерации, участницей которых является Российская Федерация, в части, не урегулированной настоящим законом;'],
      [29, '2) организации хранения, комплектования, учета и использования документов Архивного фонда Российской Федерации.'],
      [32, 'Статья 2. Основные понятия'],
      [34, 'В целях настоящего Федерального закона используются следующие основные понятия, применяемые в законодательстве о равенстве:'],
      [36, '1) дискриминация по признаку пола - любое различие, исключение или ограничение по признаку пола, направленное на ослабление или сведение на нет признания, пользования или осуществления прав человека;'],
      [40, '2) равные возможности - равные условия для реализации прав и свобод мужчинами и женщинами, предусмотренные частью 2 статьи 11 настоящего Федерального закона.'],
      [44, 'Президент Российской Федерации В.Путин'],
      [46, 'Москва, Кремль'],
      [47, '27 июля 2026 года'],
      [48, 'N 152-ФЗ'],
    ]);
  });

  it('reports each join with its lines', () => {
    expect(source.repairs?.map((r) => [r.code, r.location.line])).toEqual([
      ['lines_joined', 13], ['lines_joined', 16], ['lines_joined', 24], ['lines_joined', 26], ['lines_joined', 29],
      ['lines_joined', 34], ['lines_joined', 36], ['lines_joined', 40],
    ]);
    expect(source.repairs?.[1]!.message).toEqual({
      ru: 'Строки 16–23 соединены в один абзац: в тексте были переносы строк',
      ky: '16–23-саптар бир абзацка бириктирилди: текст саптарга бөлүнүп жазылган',
      en: 'Lines 16–23 joined into one paragraph: the text was hard-wrapped',
    });
  });

  it('parses to whole parts and items: no part «25.07», no item «11»', () => {
    const { tree, warnings } = parseDraft(source);
    expect(allClauses(tree).filter((c) => ['chapter', 'article', 'part', 'item'].includes(c.kind)).map((c) => c.id)).toEqual([
      'ch1', 'a1', 'a1.p1', 'a1.p2', 'a1.p2.i1', 'a1.p2.i2', 'a2', 'a2.i1', 'a2.i2',
    ]);
    expect(byId(tree, 'a1').title).toBe('Сфера действия настоящего Федерального закона о равных правах и возможностях мужчин и женщин');
    expect(byId(tree, 'a1.p1').children).toEqual([]);
    expect(warnings).toEqual([]);
    expect(normaliseText(clauseTreeText(tree))).toBe(normaliseText(new TextDecoder().decode(bytes)));
  });
});

describe('hard-wrapped text, flush left without blank lines (KY)', () => {
  const bytes = bytesOf('wrapped-ky.txt');
  const source = readText(bytes);

  it('joins a line to the one before only where that one was full and the new one starts no unit', () => {
    expect(source.paragraphs.map((p) => [p.line, p.text])).toEqual([
      [1, 'КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ'],
      [2, 'Тең укуктар жана тең мүмкүнчүлүктөр жөнүндө'],
      [3, '1-глава. Жалпы жоболор'],
      [4, '1-берене. Ушул Мыйзамда колдонулуучу негизги түшүнүктөр жана алардын мааниси'],
      [6, '1. Ушул Мыйзамда төмөнкүдөй негизги түшүнүктөр колдонулат, алар Кыргыз Республикасынын башка ченемдик укуктук актыларында да ушул эле мааниде колдонулат:'],
      [9, '1) гендердик теңдик - аялдар менен эркектердин укуктук абалынын жана алардын укуктарын ишке ашыруу үчүн тең шарттардын болушу;'],
      [11, '2) жыныстык белги боюнча басмырлоо - жыныстык белги боюнча ар кандай айырмачылык, чектөө же артыкчылык берүү.'],
      [13, '2. Ушул берененин 1-бөлүгүндө каралган түшүнүктөр мамлекеттик органдар тарабынан 2011-жылдын 25-июлундагы №261 Мыйзамга ылайык колдонулат.'],
      [15, '2-берене. Ушул Мыйзамдын максаттары'],
      [16, 'Ушул Мыйзамдын максаты аялдар менен эркектердин тең укуктарын жана тең мүмкүнчүлүктөрүн камсыз кылуу, гендердик басмырлоону жоюу болуп саналат.'],
      [19, '3-берене. Мамлекеттик кепилдиктер'],
      [20, 'Мамлекет аялдар менен эркектердин тең укуктарын жана тең мүмкүнчүлүктөрүн саясий, социалдык, экономикалык жана маданий турмуштун бардык чөйрөлөрүндө кепилдейт.'],
      [23, 'Кыргыз Республикасынын Президенти'],
    ]);
    expect(source.repairs?.map((r) => r.location.line)).toEqual([4, 6, 9, 11, 13, 16, 20]);
    expect(source.repairs?.[0]!.message.ky).toBe('4–5-саптар бир абзацка бириктирилди: текст саптарга бөлүнүп жазылган');
  });

  it('parses to the structure a reader sees', () => {
    const { tree, warnings } = parseDraft(source);
    expect(allClauses(tree).filter((c) => c.kind !== 'header').map((c) => `${c.id} ${c.kind}`)).toEqual([
      'ch1 chapter', 'a1 article', 'a1.p1 part', 'a1.p1.i1 item', 'a1.p1.i2 item', 'a1.p2 part',
      'a2 article', 'a2.x1 indent', 'a3 article', 'a3.x1 indent', 'sig signature',
    ]);
    expect(byId(tree, 'a1').title).toBe('Ушул Мыйзамда колдонулуучу негизги түшүнүктөр жана алардын мааниси');
    expect(warnings).toEqual([]);
  });
});

describe('text that is not hard-wrapped', () => {
  it('keeps one paragraph per line, however short the lines', () => {
    const short = ['Статья 1. Цели', '1. Закон определяет цели.', '2. Закон применяется ко всем.', 'Статья 2. Сфера', 'Текст статьи.'].join('\n');
    const source = readText(new TextEncoder().encode(short));
    expect(source.paragraphs.map((p) => p.text)).toEqual(short.split('\n'));
    expect(source.repairs ?? []).toEqual([]);
  });

  it('keeps a draft of long one-line paragraphs as it is', () => {
    const lines: string[] = [];
    for (let i = 1; i <= 40; i++)
      lines.push(`Статья ${i}. Статья номер ${i}`, `1. Работодатель обязан обеспечивать равную оплату за труд равной ценности мужчинам и женщинам, работающим у него по трудовому договору, без какой-либо дискриминации (${i}).`);
    const source = readText(new TextEncoder().encode(lines.join('\n')));
    expect(source.paragraphs).toHaveLength(80);
    expect(source.repairs ?? []).toEqual([]);
  });
});
