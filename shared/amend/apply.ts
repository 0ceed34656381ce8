import type { AmendmentAnchor, Clause, ClauseTree } from '../clause';
import { titleNames, type Instruction } from './instructions';
import { ActWorkspace, locate } from './locate';
import type { ApplyOutcome, ConsolidatedAct, InstructionResult, RemovedUnit, UnitChange, UnitMark } from './result';
import { compareNumbers, repealedText, unitText } from './units';
import { endPosition, findWords, insertAt, removeAt, unquote } from './words';
import { applyToSentence, SentenceLines } from './sentence-edit';
import { sentenceTarget } from './sentences';
import { Refusal } from './refusal';

/** A base act attached to the review: its tree and the titles an instruction may name it by. */
export interface BaseAct {
  key: string;
  title: string;
  /** Other titles it answers to (the one the secretary linked it to, its short title). */
  aliases?: string[];
  tree: ClauseTree;
}

const SENTENCE = /предложени|сүйлөм/u;
const QUOTED = /[«"“„][^»"”]*[»"”]/gu;


interface ActState {
  act: BaseAct;
  ws: ActWorkspace;
  marks: Map<Clause, UnitMark>;
  removed: RemovedUnit[];
  /** Sentences of the lines a sentence instruction touched, as the act printed them. */
  sentences: SentenceLines;
}

/**
 * Applies each instruction of an amendment law to its unit of the base act it names. Pure: the base acts are
 * not changed. An instruction that cannot be applied exactly — the act, the unit or the words are not there,
 * or the words stand twice — is refused with its reason and changes nothing; nothing is applied by guess.
 * Targets are read against the act as printed (paragraphs taken out by an earlier instruction still count).
 */
export function applyAmendments(instructions: readonly Instruction[], acts: readonly BaseAct[]): ApplyOutcome {
  const states = acts.map<ActState>((act) => ({ act, ws: new ActWorkspace(structuredClone(act.tree.clauses)), marks: new Map(), removed: [], sentences: new SentenceLines() }));
  const results: InstructionResult[] = [];
  for (const ins of instructions) {
    const base: InstructionResult = { instructionId: ins.id, instructionLabel: ins.label, status: 'failed', before: null, after: null };
    if (ins.info.target.act) base.actTitle = ins.info.target.act;
    const state = linkAct(ins, states);
    if (!state) {
      results.push({ ...base, reason: 'act_not_attached', ...(ins.info.target.act ? { detail: ins.info.target.act } : {}) });
      continue;
    }
    base.actKey = state.act.key;
    try {
      results.push({ ...base, ...applyOne(ins, state), status: 'applied' });
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      results.push({ ...base, reason: e.reason, ...(e.detail !== undefined ? { detail: e.detail } : {}) });
    }
  }
  return { acts: states.map(consolidated), results };
}

/** The attached act the instruction names; with one act attached, an instruction that names none is for it. */
function linkAct(ins: Instruction, states: readonly ActState[]): ActState | undefined {
  const named = ins.info.target.act;
  if (!named) return states.length === 1 ? states[0] : undefined;
  return states.find((s) => titleNames(named, [s.act.title, ...(s.act.aliases ?? [])]));
}

type Applied = Pick<InstructionResult, 'unitId' | 'unitLabel' | 'change' | 'before' | 'after'>;

function applyOne(ins: Instruction, state: ActState): Applied {
  const { ws } = state;
  const info = ins.info;
  const found = locate(ws, info.target);
  if (!found.ok) throw new Refusal('target_not_found', found.missing);
  const unit = found.unit;
  const lang = state.act.tree.meta.language;
  // «второе предложение исключить», «в первом предложении … заменить», «дополнить предложением»: applied to that
  // sentence only. A sentence named in a way not read («второе и третье предложения») is refused rather than the
  // whole unit changed.
  if (SENTENCE.test(ins.text.replace(QUOTED, ''))) {
    const target = sentenceTarget(ins.text);
    if (!target) throw new Refusal('unsupported', 'sentence');
    if (!unit) throw new Refusal('unsupported', 'sentence');
    const before = unitText(unit);
    const changed = applyToSentence(state.ws, state.sentences, unit, ins, target, lang);
    for (const { line, old } of changed) mark(state, line, 'changed', ins.id, old);
    return { unitId: unit.id, unitLabel: unit.label, change: 'changed', before, after: unitText(unit) };
  }
  switch (info.operation) {
    case 'replace_words': {
      if (!unit) throw new Refusal('unsupported');
      if (info.oldWords === undefined || info.newWords === undefined) throw new Refusal('no_new_text');
      const newWords = info.newWords;
      return editWords(state, unit, ins.id, info.oldWords, (text, at, len) => insertAt(text.slice(0, at) + text.slice(at + len), at, newWords));
    }
    case 'exclude': {
      if (!unit) throw new Refusal('unsupported');
      if (info.oldWords !== undefined) return editWords(state, unit, ins.id, info.oldWords, (text, at, len) => removeAt(text, at, len));
      return removeUnit(state, unit, ins.id);
    }
    case 'repeal': {
      if (!unit) throw new Refusal('unsupported');
      const before = unitText(unit);
      unit.text = repealedText(unit, lang);
      delete unit.title;
      unit.children = [];
      unit.repealed = true;
      mark(state, unit, 'repealed', ins.id, before.split('\n')[0]!);
      return { unitId: unit.id, unitLabel: unit.label, change: 'repealed', before, after: unit.text };
    }
    case 'restate':
      return restate(state, unit, ins);
    case 'supplement':
      if (ins.quoted.length > 0 || (info.added !== undefined && !/^слов|сөз/u.test(info.added))) return addUnits(state, unit, ins);
      return insertWords(state, unit, ins);
    default:
      throw new Refusal('unsupported');
  }
}

/** Lines of the unit (its own and those under it) that are still in the act. */
function liveLines(ws: ActWorkspace, unit: Clause): Clause[] {
  const out: Clause[] = [];
  const visit = (c: Clause): void => {
    if (ws.removed.has(c)) return;
    out.push(c);
    c.children.forEach(visit);
  };
  visit(unit);
  return out;
}

/** The one place `words` stand in the unit, or the refusal: not there, or there more than once. */
function findOnce(ws: ActWorkspace, unit: Clause, words: string): { line: Clause; at: number } {
  const hits: Array<{ line: Clause; at: number }> = [];
  for (const line of liveLines(ws, unit)) for (const at of findWords(line.text, words)) hits.push({ line, at });
  if (hits.length === 0) throw new Refusal('words_not_found', words);
  if (hits.length > 1) throw new Refusal('ambiguous', `${words} ×${hits.length}`);
  return hits[0]!;
}

function editWords(state: ActState, unit: Clause, by: string, words: string, edit: (text: string, at: number, length: number) => string): Applied {
  const before = unitText(unit);
  // several words in one instruction («слова "А" и "Б" исключить»): all must be found before any is changed
  const parts = words.split('; ');
  const hits = parts.map((w) => ({ w, ...findOnce(state.ws, unit, w) }));
  for (const { w, line } of hits) {
    const again = findOnce(state.ws, line, w); // positions move as earlier words change
    const old = line.text;
    line.text = edit(line.text, again.at, w.length);
    mark(state, line, 'changed', by, old);
  }
  return { unitId: unit.id, unitLabel: unit.label, change: 'changed', before, after: unitText(unit) };
}

function insertWords(state: ActState, unit: Clause | null, ins: Instruction): Applied {
  if (!unit) throw new Refusal('unsupported');
  const info = ins.info;
  const insertions: Array<{ words: string; anchor?: AmendmentAnchor }> =
    info.insertions ?? (info.newWords !== undefined ? [{ words: info.newWords, ...(info.anchor ? { anchor: info.anchor } : {}) }] : []);
  if (insertions.length === 0) throw new Refusal('no_new_text');
  // every place is found first: an instruction is applied whole or not at all
  const places = insertions.map((i) => ({ ...i, place: i.anchor ? findOnce(state.ws, unit, i.anchor.words) : null }));
  const before = unitText(unit);
  for (const p of places) {
    let line: Clause;
    let at: number;
    if (p.anchor) {
      const again = findOnce(state.ws, unit, p.anchor.words);
      line = again.line;
      at = p.anchor.position === 'after' ? again.at + p.anchor.words.length : again.at;
    } else {
      const lines = liveLines(state.ws, unit);
      line = lines[lines.length - 1]!;
      at = endPosition(line.text);
    }
    const old = line.text;
    line.text = insertAt(line.text, at, p.words);
    mark(state, line, 'changed', ins.id, old);
  }
  return { unitId: unit.id, unitLabel: unit.label, change: 'changed', before, after: unitText(unit) };
}

function removeUnit(state: ActState, unit: Clause, by: string): Applied {
  const before = unitText(unit);
  const siblings = state.ws.siblings(unit);
  const i = siblings.indexOf(unit);
  state.ws.removed.add(unit);
  state.removed.push({ clause: unit, parentId: state.ws.parent.get(unit)?.id ?? null, afterId: i > 0 ? siblings[i - 1]!.id : null, by });
  mark(state, unit, 'removed', by, unit.text);
  return { unitId: unit.id, unitLabel: unit.label, change: 'removed', before, after: null };
}

/** The new text under an instruction, its quotes taken off (the first line's opening one, the last line's closing one). */
function newClauses(ins: Instruction): Clause[] {
  const quoted = structuredClone(ins.quoted);
  const lines: Clause[] = [];
  const visit = (c: Clause): void => {
    delete c.quoted;
    lines.push(c);
    c.children.forEach(visit);
  };
  quoted.forEach(visit);
  if (lines.length > 0) {
    lines[0]!.text = lines[0]!.text.replace(/^\s*[«"“„]/, '');
    const last = lines[lines.length - 1]!;
    last.text = last.text.replace(/[»"”]\s*[.;,]?\s*$/, '');
    for (const l of lines) l.text = l.text.trim();
  }
  return quoted;
}

/** Ids and labels of new text moved from under the instruction («a1.i1.v.q.p4») to its place in the act («a14.p4»). */
function rebase(clause: Clause, fromId: string, toId: string, toLabel: string): void {
  const visit = (c: Clause): void => {
    if (c.id.startsWith(fromId)) c.id = (toId + c.id.slice(fromId.length)) as Clause['id'];
    c.label = c === clause ? toLabel : c.label;
    c.children.forEach(visit);
  };
  visit(clause);
}

function localId(id: string): string {
  const q = id.lastIndexOf('.q.');
  return q >= 0 ? id.slice(q + 3) : id.slice(id.lastIndexOf('.') + 1);
}

function restate(state: ActState, unit: Clause | null, ins: Instruction): Applied {
  if (!unit) throw new Refusal('unsupported');
  const fresh = newClauses(ins);
  const before = unitText(unit);
  const old = unit.text;
  if (fresh.length > 0) {
    const [first, ...rest] = fresh;
    rebase(first!, first!.id, unit.id, unit.label);
    unit.text = first!.text;
    if (first!.title !== undefined) unit.title = first!.title;
    else delete unit.title;
    const extra = rest.map((c, i) => {
      rebase(c, c.id, `${unit.id}.x${i + 1}`, c.label);
      return c;
    });
    unit.children = [...first!.children, ...extra];
  } else if (ins.info.newWords !== undefined) {
    const [firstLine, ...more] = unquote(ins.info.newWords).split('\n');
    unit.text = firstLine!;
    unit.children = more.map((text, i) => ({ id: `${unit.id}.x${i + 1}` as Clause['id'], kind: 'indent', number: null, label: unit.label, text, children: [] }));
  } else throw new Refusal('no_new_text');
  delete unit.repealed;
  state.ws.index(unit.children, unit);
  mark(state, unit, 'changed', ins.id, old);
  return { unitId: unit.id, unitLabel: unit.label, change: 'changed', before, after: unitText(unit) };
}

function addUnits(state: ActState, unit: Clause | null, ins: Instruction): Applied {
  const fresh = newClauses(ins);
  if (fresh.length === 0) {
    if (ins.info.newWords === undefined) throw new Refusal('no_new_text');
    fresh.push({ id: 'x1' as Clause['id'], kind: 'indent', number: null, label: '', text: unquote(ins.info.newWords), children: [] });
  }
  const ws = state.ws;
  const placed: Clause[] = [];
  for (const c of fresh) {
    let list: Clause[];
    let index: number;
    let parent: Clause | null = unit;
    if (c.kind === 'article' && c.number !== null) {
      // an article goes after the one numbered before it, wherever (chapter) that one stands
      const prior = ws
        .allArticles()
        .filter((a) => a.number !== null && compareNumbers(a.number, c.number!) < 0)
        .sort((a, b) => compareNumbers(a.number!, b.number!))
        .pop();
      if (ws.article(c.number)) throw new Refusal('unit_exists', c.label);
      parent = prior ? (ws.parent.get(prior) ?? null) : null;
      list = prior ? ws.siblings(prior) : ws.roots;
      index = prior ? list.indexOf(prior) + 1 : list.length;
      rebase(c, c.id, localId(c.id), c.label);
    } else {
      list = unit ? unit.children : ws.roots;
      const prefix = unit ? `${unit.id}.` : '';
      if (c.kind === 'indent') {
        const taken = list.filter((s) => s.kind === 'indent').length;
        const lastIndent = list.reduce((at, s, i) => (s.kind === 'indent' ? i : at), -1);
        index = lastIndent >= 0 ? lastIndent + 1 : endBeforeNotes(list);
        rebase(c, c.id, `${prefix}x${taken + 1}`, `${unit?.label ?? ''}`);
      } else {
        const same = list.filter((s) => s.kind === c.kind);
        if (c.number !== null && same.some((s) => s.number !== null && compareNumbers(s.number, c.number!) === 0 && ws.live(s))) throw new Refusal('unit_exists', c.label);
        const prior = c.number === null ? same[same.length - 1] : same.filter((s) => s.number !== null && compareNumbers(s.number, c.number!) < 0).pop();
        index = prior ? list.indexOf(prior) + 1 : same.length > 0 ? list.indexOf(same[0]!) : endBeforeNotes(list);
        rebase(c, c.id, prefix + localId(c.id), unit ? `${unit.label}, ${c.label}` : c.label);
      }
    }
    // after the units already placed by this instruction, and after what an earlier instruction added there
    list.splice(index, 0, c);
    ws.index([c], parent);
    mark(state, c, 'added', ins.id, null);
    placed.push(c);
  }
  const first = placed[0]!;
  return { unitId: first.id, unitLabel: first.label, change: 'added', before: null, after: placed.map(unitText).join('\n') };
}

/** Before the editorial notes that close a unit («(В редакции Закона …)»). */
function endBeforeNotes(list: readonly Clause[]): number {
  let i = list.length;
  while (i > 0 && list[i - 1]!.kind === 'note') i--;
  return i;
}

function mark(state: ActState, clause: Clause, change: UnitChange, by: string, before: string | null): void {
  const had = state.marks.get(clause);
  if (had) {
    if (!had.by.includes(by)) had.by.push(by);
    // added then changed is still added; changed then repealed or removed is what it ends as
    if (had.change !== 'added') had.change = change;
    return;
  }
  state.marks.set(clause, { change, by: [by], before });
}

function consolidated(state: ActState): ConsolidatedAct {
  const { ws } = state;
  const strip = (clauses: readonly Clause[]): Clause[] => clauses.filter((c) => !ws.removed.has(c)).map((c) => ({ ...c, children: strip(c.children) }));
  const marks: Record<string, UnitMark> = {};
  for (const [clause, m] of state.marks) marks[clause.id] = m;
  return {
    key: state.act.key,
    title: state.act.title,
    tree: { meta: { ...state.act.tree.meta }, clauses: strip(ws.roots) },
    marks,
    removed: state.removed,
  };
}
