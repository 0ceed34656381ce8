import { isOn, streamXml, WordNames } from './xml';
import type { SafeZip } from './zip';

export interface StyleDef {
  id: string;
  name?: string;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  centered?: boolean;
  bold?: boolean;
}

/** Paragraph (and numbering) styles: numbering, alignment and boldness a paragraph inherits from its style. */
export class Styles {
  readonly byId = new Map<string, StyleDef>();
  defaultParagraphStyle: string | undefined;

  static read(zip: SafeZip, entry: string | undefined): Styles {
    const styles = new Styles();
    if (!entry || !zip.has(entry)) return styles;
    const names = new WordNames();
    const path: string[] = [];
    let current: StyleDef | undefined;
    let first = true;
    streamXml(zip, entry, {
      open(name, attrs) {
        if (first) {
          names.learn(attrs);
          first = false;
        }
        const local = names.local(name);
        path.push(local);
        const parent = path[path.length - 2];
        if (local === 'style') {
          const id = names.attr(attrs, 'styleId');
          current = id ? { id } : undefined;
          if (current && names.attr(attrs, 'type') === 'paragraph' && isOn(names.attr(attrs, 'default')) && names.attr(attrs, 'default') !== undefined)
            styles.defaultParagraphStyle = id;
          return;
        }
        if (!current) return;
        const val = names.attr(attrs, 'val');
        if (local === 'name' && parent === 'style') current.name = val;
        else if (local === 'basedOn' && parent === 'style') current.basedOn = val;
        else if (local === 'numId' && parent === 'numPr') current.numId = val;
        else if (local === 'ilvl' && parent === 'numPr' && val !== undefined) current.ilvl = Number.parseInt(val, 10);
        else if (local === 'jc' && parent === 'pPr') current.centered = val === 'center';
        else if (local === 'b' && parent === 'rPr' && path[path.length - 3] === 'style') current.bold = isOn(val);
      },
      close() {
        const local = path.pop();
        if (local === 'style' && current) {
          styles.byId.set(current.id, current);
          current = undefined;
        }
      },
      text() {},
    });
    return styles;
  }

  /** The first value of `pick` along the basedOn chain of a style (cycles are cut). */
  inherited<T>(styleId: string | undefined, pick: (style: StyleDef) => T | undefined): T | undefined {
    const seen = new Set<string>();
    let id = styleId ?? this.defaultParagraphStyle;
    while (id && !seen.has(id)) {
      seen.add(id);
      const style = this.byId.get(id);
      if (!style) return undefined;
      const value = pick(style);
      if (value !== undefined) return value;
      id = style.basedOn;
    }
    return undefined;
  }
}
