import { SaxesParser } from 'saxes';
import { ImportErrors } from '../../errors';
import type { SafeZip } from './zip';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Word's "Strict Open XML Document" uses the ISO namespace for the same vocabulary. */
export const W_NS_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * Streams one ZIP entry through saxes: inflated chunks are decoded and parsed as they arrive, so the part
 * is never held as one string and a zip bomb is stopped by the ZIP reader's counter mid-parse.
 */
export function streamXml(zip: SafeZip, entry: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => handlers.open(tag.name, tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handlers.close(tag.name));
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  parser.on('error', (err) => {
    throw ImportErrors.IMPORT_DOCX_CORRUPT({ reason: `${entry}: ${err.message.split('\n')[0]}` });
  });
  const decoder = new TextDecoder('utf-8');
  zip.read(entry, (chunk) => {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) parser.write(text);
  });
  const rest = decoder.decode();
  if (rest.length > 0) parser.write(rest);
  parser.close();
}

/**
 * Element names as `prefix:local`; WordprocessingML is found by its namespace, not by assuming `w:`,
 * because some producers write `ns0:` or a default namespace.
 */
export class WordNames {
  private prefix = 'w:';
  private readonly cache = new Map<string, string>();

  /** Learns the WordprocessingML prefix from the root element's namespace declarations. */
  learn(attributes: Record<string, string>): void {
    for (const [attr, value] of Object.entries(attributes)) {
      if (value !== W_NS && value !== W_NS_STRICT) continue;
      if (attr === 'xmlns') this.prefix = '';
      else if (attr.startsWith('xmlns:')) this.prefix = attr.slice(6) + ':';
      this.cache.clear();
      return;
    }
  }

  /** The local name when `name` is a WordprocessingML element, else '' (other vocabularies are opaque). */
  local(name: string): string {
    let local = this.cache.get(name);
    if (local === undefined) {
      local = this.prefix === '' ? (name.includes(':') ? '' : name) : name.startsWith(this.prefix) ? name.slice(this.prefix.length) : '';
      this.cache.set(name, local);
    }
    return local;
  }

  /** A WordprocessingML attribute (`w:val`), also accepted without a prefix. */
  attr(attributes: Record<string, string>, local: string): string | undefined {
    return attributes[this.prefix + local] ?? attributes[local];
  }
}

/** OOXML on/off values: absent val means on. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || !['false', '0', 'off', 'none'].includes(value.toLowerCase());
}
