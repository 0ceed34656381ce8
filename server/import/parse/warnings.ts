import type { Clause } from '../../../shared/clause';
import type { ImportWarning } from '../../../shared/import-report';

const SNIPPET_CHARS = 60;

/** A paragraph kept as a 'text' clause because no structural rule placed it. */
export function unrecognisedLineWarning(clause: Clause): ImportWarning {
  const snippet = clause.text.length > SNIPPET_CHARS ? clause.text.slice(0, SNIPPET_CHARS) + '…' : clause.text;
  return {
    code: 'unrecognised_line',
    message: {
      ru: `Строка не распознана и сохранена как текст: «${snippet}»`,
      ky: `Сап таанылган жок, текст катары сакталды: «${snippet}»`,
      en: `Line not recognised, kept as text: «${snippet}»`,
    },
    location: { line: clause.line, clauseId: clause.id, label: clause.label },
  };
}
