import type { Styles } from './styles';
import { isOn, streamXml, WordNames } from './xml';
import type { SafeZip } from './zip';

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** What follows the number: Word's default is a tab, printed here as a space. */
  suff: 'tab' | 'space' | 'nothing';
  /** lvlRestart: restart after this 1-based level is used; 0 = never. Undefined = after any higher level. */
  restart?: number;
  isLgl: boolean;
  pStyle?: string;
}

interface AbstractNum {
  levels: Array<LevelDef | undefined>;
  numStyleLink?: string;
}

interface NumDef {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: LevelDef }>;
}

const MAX_LEVELS = 9;

function newLevel(): LevelDef {
  return { start: 0, numFmt: 'decimal', lvlText: '', suff: 'tab', isLgl: false };
}

/** numbering.xml: abstract definitions, the list instances that point at them, and their overrides. */
export class NumberingDefs {
  readonly abstracts = new Map<string, AbstractNum>();
  readonly nums = new Map<string, NumDef>();

  static read(zip: SafeZip, entry: string | undefined): NumberingDefs {
    const defs = new NumberingDefs();
    if (!entry || !zip.has(entry)) return defs;
    const names = new WordNames();
    const path: string[] = [];
    let first = true;
    let abstract: AbstractNum | undefined;
    let abstractId: string | undefined;
    let num: NumDef | undefined;
    let numId: string | undefined;
    let override: { start?: number; level?: LevelDef } | undefined;
    let level: LevelDef | undefined;
    let levelIndex = 0;
    streamXml(zip, entry, {
      open(name, attrs) {
        if (first) {
          names.learn(attrs);
          first = false;
        }
        const local = names.local(name);
        path.push(local);
        const val = names.attr(attrs, 'val');
        switch (local) {
          case 'abstractNum':
            abstract = { levels: [] };
            abstractId = names.attr(attrs, 'abstractNumId');
            return;
          case 'num':
            numId = names.attr(attrs, 'numId');
            num = { abstractId: '', overrides: new Map() };
            return;
          case 'abstractNumId':
            if (num && val !== undefined) num.abstractId = val;
            return;
          case 'lvlOverride':
            levelIndex = Number.parseInt(names.attr(attrs, 'ilvl') ?? '0', 10);
            override = {};
            num?.overrides.set(levelIndex, override);
            return;
          case 'startOverride':
            if (override && val !== undefined) override.start = Number.parseInt(val, 10);
            return;
          case 'lvl':
            levelIndex = Number.parseInt(names.attr(attrs, 'ilvl') ?? '0', 10);
            level = newLevel();
            return;
          case 'numStyleLink':
            if (abstract) abstract.numStyleLink = val;
            return;
        }
        if (!level || val === undefined) {
          if (level && local === 'isLgl') level.isLgl = true;
          return;
        }
        if (local === 'start') level.start = Number.parseInt(val, 10) || 0;
        else if (local === 'numFmt') level.numFmt = val;
        else if (local === 'lvlText') level.lvlText = val;
        else if (local === 'suff') level.suff = val === 'space' ? 'space' : val === 'nothing' ? 'nothing' : 'tab';
        else if (local === 'lvlRestart') level.restart = Number.parseInt(val, 10);
        else if (local === 'isLgl') level.isLgl = isOn(val);
        else if (local === 'pStyle' && path[path.length - 2] === 'lvl') level.pStyle = val;
      },
      close() {
        const local = path.pop();
        if (local === 'lvl' && level) {
          if (levelIndex >= 0 && levelIndex < MAX_LEVELS) {
            if (override) override.level = level;
            else if (abstract) abstract.levels[levelIndex] = level;
          }
          level = undefined;
        } else if (local === 'lvlOverride') override = undefined;
        else if (local === 'abstractNum') {
          if (abstract && abstractId !== undefined) defs.abstracts.set(abstractId, abstract);
          abstract = undefined;
        } else if (local === 'num') {
          if (num && numId !== undefined) defs.nums.set(numId, num);
          num = undefined;
        }
      },
      text() {},
    });
    return defs;
  }
}

/**
 * Word's list counters: one set per abstract definition, shared by the list instances (numIds) that use
 * it, so a list continues across instances unless an instance overrides its start — then the first
 * paragraph of that instance restarts the level. A level restarts when a higher level is used (or the
 * level lvlRestart names). The printed label is lvlText with %1…%9 filled in each level's format.
 */
export class ListCounter {
  private readonly counters = new Map<string, Array<number | null>>();
  private readonly startedNums = new Set<string>();

  constructor(
    private readonly defs: NumberingDefs,
    private readonly styles: Styles,
  ) {}

  /** The abstract definition behind a numId, following numStyleLink to the numbering style's list. */
  private abstractFor(numId: string): { id: string; abstract: AbstractNum } | undefined {
    const seen = new Set<string>();
    let id = this.defs.nums.get(numId)?.abstractId;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const abstract = this.defs.abstracts.get(id);
      if (!abstract) return undefined;
      if (abstract.levels.some(Boolean) || !abstract.numStyleLink) return { id, abstract };
      const linkedNum = this.styles.inherited(abstract.numStyleLink, (s) => s.numId);
      id = linkedNum ? this.defs.nums.get(linkedNum)?.abstractId : undefined;
    }
    return undefined;
  }

  /** The level a style is bound to inside a list (abstractNum/lvl/pStyle), for style-inherited numbering. */
  levelForStyle(numId: string, styleId: string | undefined): number | undefined {
    if (!styleId) return undefined;
    const found = this.abstractFor(numId);
    const index = found?.abstract.levels.findIndex((l) => l?.pStyle === styleId);
    return index === undefined || index < 0 ? undefined : index;
  }

  private level(numId: string, abstract: AbstractNum, ilvl: number): LevelDef | undefined {
    return this.defs.nums.get(numId)?.overrides.get(ilvl)?.level ?? abstract.levels[ilvl];
  }

  /** Advances the list and returns the printed number with its separator, or null for no visible number. */
  next(numId: string, ilvl: number): string | null {
    const found = this.abstractFor(numId);
    if (!found) return null;
    const { id, abstract } = found;
    const lvl = Math.min(Math.max(ilvl, 0), MAX_LEVELS - 1);
    const def = this.level(numId, abstract, lvl);
    if (!def) return null;
    let values = this.counters.get(id);
    if (!values) {
      values = new Array<number | null>(MAX_LEVELS).fill(null);
      this.counters.set(id, values);
    }
    const overrides = this.defs.nums.get(numId)?.overrides;
    const startOf = (l: number) => overrides?.get(l)?.start ?? this.level(numId, abstract, l)?.start ?? 0;
    if (!this.startedNums.has(numId)) {
      this.startedNums.add(numId);
      if (overrides) for (const [l, o] of overrides) if (o.start !== undefined || o.level) values[l] = null;
    }
    values[lvl] = values[lvl] === null ? startOf(lvl) : values[lvl]! + 1;
    for (let l = lvl + 1; l < MAX_LEVELS; l++) {
      const restart = this.level(numId, abstract, l)?.restart;
      if (restart === undefined || (restart !== 0 && lvl < restart)) values[l] = null;
    }
    const label = def.lvlText.replace(/%([1-9])/g, (_all, digit: string) => {
      const l = Number(digit) - 1;
      const levelDef = this.level(numId, abstract, l);
      const value = values[l] ?? startOf(l);
      // Legal numbering shows every level of the number in Arabic digits (II.iv → 2.4), zero padding kept.
      const own = levelDef?.numFmt ?? 'decimal';
      const fmt = def.isLgl && own !== 'decimalZero' ? 'decimal' : own;
      return formatNumber(value, fmt);
    });
    const printed = def.numFmt === 'bullet' ? bulletText(label) : label;
    if (printed.trim().length === 0) return null;
    return printed + (def.suff === 'nothing' ? '' : ' ');
  }
}

/** Bullets are often private-use Symbol/Wingdings characters; print them as a bullet. */
function bulletText(text: string): string {
  return text.replace(/[\uE000-\uF8FF]/g, '•');
}

// Word and LibreOffice skip ё, й, ъ and ь (a list never runs «й)»), but keep ы.
const RUSSIAN_LOWER = 'абвгдежзиклмнопрстуфхцчшщыэюя';

export function formatNumber(value: number, fmt: string): string {
  switch (fmt) {
    case 'none':
      return '';
    case 'bullet':
      return '';
    case 'decimalZero':
      return value < 10 && value >= 0 ? `0${value}` : String(value);
    case 'upperRoman':
      return toRoman(value);
    case 'lowerRoman':
      return toRoman(value).toLowerCase();
    case 'upperLetter':
      return letters(value, 'abcdefghijklmnopqrstuvwxyz').toUpperCase();
    case 'lowerLetter':
      return letters(value, 'abcdefghijklmnopqrstuvwxyz');
    case 'russianLower':
      return letters(value, RUSSIAN_LOWER);
    case 'russianUpper':
      return letters(value, RUSSIAN_LOWER).toUpperCase();
    case 'decimalEnclosedParen':
      return `(${value})`;
    default:
      return String(value);
  }
}

/** Word's letter numbering repeats the letter: a … z, aa … zz, aaa … */
function letters(value: number, alphabet: string): string {
  if (value <= 0) return String(value);
  const n = alphabet.length;
  const letter = alphabet[(value - 1) % n]!;
  return letter.repeat(Math.floor((value - 1) / n) + 1);
}

function toRoman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = value;
  let out = '';
  for (const [n, s] of table) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}
