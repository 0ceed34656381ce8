/**
 * Hand-made DEFLATE and ZIP for zip-bomb tests: a fixed-Huffman block that repeats the last byte of an
 * XML prefix with 258-byte back-references, so 1 GB of "aaaa…" inside <w:t> costs ~6.5 MB compressed
 * and a few milliseconds to build — and a ZIP whose headers may tell the truth or lie about the size.
 */
class BitWriter {
  private bytes: number[] = [];
  private bit = 0;
  private current = 0;

  /** Extra bits and header fields: least significant bit first. */
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.push((value >> i) & 1);
  }

  /** Huffman codes: most significant bit first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.push((value >> i) & 1);
  }

  get aligned(): boolean {
    return this.bit === 0;
  }

  take(): Uint8Array {
    const out = Uint8Array.from(this.bit > 0 ? [...this.bytes, this.current] : this.bytes);
    this.bytes = [];
    this.bit = 0;
    this.current = 0;
    return out;
  }

  private push(b: number): void {
    this.current |= b << this.bit;
    this.bit++;
    if (this.bit === 8) {
      this.bytes.push(this.current);
      this.bit = 0;
      this.current = 0;
    }
  }
}

const literal = (w: BitWriter, byte: number) => {
  if (byte >= 144) throw new RangeError('prefix must be ASCII below 144');
  w.code(0x30 + byte, 8);
};
const match258 = (w: BitWriter) => {
  w.code(0b11000101, 8); // length code 285 = 258 bytes
  w.code(0, 5); // distance code 0 = 1 byte back
};

export function deflateBomb(prefix: string, totalBytes: number): Uint8Array {
  const w = new BitWriter();
  w.bits(1, 1); // BFINAL
  w.bits(1, 2); // fixed Huffman
  const head = new TextEncoder().encode(prefix);
  for (const b of head) literal(w, b);
  let produced = head.length;
  while (!w.aligned) {
    match258(w);
    produced += 258;
  }
  const start = w.take();
  for (let i = 0; i < 8; i++) match258(w);
  const unit = w.take(); // 13 bytes, 2064 output bytes
  const units = Math.max(0, Math.floor((totalBytes - produced) / 2064));
  const tail = new BitWriter();
  tail.code(0, 7); // end of block
  const end = tail.take();
  const out = new Uint8Array(start.length + unit.length * units + end.length);
  out.set(start, 0);
  for (let i = 0; i < units; i++) out.set(unit, start.length + i * unit.length);
  out.set(end, start.length + unit.length * units);
  return out;
}

/** The inflated size of deflateBomb(prefix, totalBytes), for an honest header. */
export function deflateBombSize(prefix: string, totalBytes: number): number {
  let produced = new TextEncoder().encode(prefix).length;
  let bitsUsed = 3 + produced * 8;
  while (bitsUsed % 8 !== 0) {
    bitsUsed += 13;
    produced += 258;
  }
  return produced + Math.max(0, Math.floor((totalBytes - produced) / 2064)) * 2064;
}

export interface RawEntry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  declaredSize: number;
  flags?: number;
}

/** A ZIP archive with exactly the given entries and headers; CRCs are zero (the reader does not trust them anyway). */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, e.flags ?? 0, true);
    local.setUint16(8, e.method, true);
    local.setUint32(18, e.data.length, true);
    local.setUint32(22, e.declaredSize, true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, e.data);
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, e.flags ?? 0, true);
    c.setUint16(10, e.method, true);
    c.setUint32(20, e.data.length, true);
    c.setUint32(24, e.declaredSize, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.push(new Uint8Array(c.buffer), name);
    offset += 30 + name.length + e.data.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const eocd = new DataView(new ArrayBuffer(22));
  eocd.setUint32(0, 0x06054b50, true);
  eocd.setUint16(8, entries.length, true);
  eocd.setUint16(10, entries.length, true);
  eocd.setUint32(12, cdSize, true);
  eocd.setUint32(16, offset, true);
  return new Uint8Array(Buffer.concat([...chunks, ...central, new Uint8Array(eocd.buffer)]));
}
