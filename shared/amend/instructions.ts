import { walkClauses, type AmendmentInfo, type Clause, type ClauseTree } from '../clause';

/** One instruction of an amendment law, as applying reads it: where it stands and what it carries. */
export interface Instruction {
  /** The instruction's clause id in the amending law («a1.i1.a»): what findings and results refer to. */
  id: string;
  label: string;
  text: string;
  info: AmendmentInfo;
  /** The new text printed under it («… следующего содержания:» / «… в следующей редакции:»), parsed. */
  quoted: Clause[];
}

/** Every instruction of an amendment law in the order printed. */
export function instructionsOf(tree: ClauseTree): Instruction[] {
  const out: Instruction[] = [];
  for (const [clause] of walkClauses(tree.clauses)) {
    if (clause.kind !== 'amendment' || !clause.amendment || clause.quoted) continue;
    out.push({ id: clause.id, label: clause.label, text: clause.text, info: clause.amendment, quoted: clause.children.filter((c) => c.quoted) });
  }
  return out;
}

// Words that tell nothing about which act: the state's name, prepositions, the kind of the law's wording.
const STOP = new Set(['кыргызской', 'республики', 'кыргыз', 'республикасынын', 'российской', 'федерации', 'кр', 'рф', 'от', 'года', 'жылдын']);

/** The stems of a title's words: «Семейного кодекса» and «Семейный кодекс» read alike. */
export function titleStems(title: string): string[] {
  return title
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w))
    .map((w) => w.slice(0, 5));
}

/** Does `named` (the title an instruction names) name the act known by `titles`? Every word of it must be in one. */
export function titleNames(named: string, titles: readonly string[]): boolean {
  const want = titleStems(named);
  if (want.length === 0) return false;
  return titles.some((t) => {
    const have = new Set(titleStems(t));
    return want.every((s) => have.has(s));
  });
}

/**
 * The acts an amendment law needs, as it names them: the titles in its heading and in its instructions,
 * each once (by stems), in the order first named.
 */
export function actsNeeded(tree: ClauseTree): string[] {
  const names = [...(tree.meta.amendedActs ?? [])];
  for (const ins of instructionsOf(tree)) if (ins.info.target.act) names.push(ins.info.target.act);
  const out: string[] = [];
  for (const name of names) {
    const key = titleStems(name).join(' ');
    if (key === '') continue;
    if (out.some((o) => titleStems(o).join(' ') === key)) continue;
    out.push(name.trim());
  }
  return out;
}
