import { Inflate } from 'fflate';
import { ImportErrors } from '../../errors';

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
/** Compressed bytes fed to the inflater at a time: DEFLATE expands at most ~1032×, so one step stays ≈ 8 MB. */
const INFLATE_STEP = 8 * 1024;

const MB = 1024 * 1024;

/**
 * A ZIP reader that trusts nothing: the central directory is checked against the file, encrypted entries
 * are refused, and every entry is inflated as a stream whose output is counted, so a zip bomb (or a
 * header that lies about the size) is stopped after at most the budget plus one step — never allocated.
 */
export class SafeZip {
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly maxInflatedBytes: number,
  ) {}

  static open(bytes: Uint8Array, maxInflatedBytes: number): SafeZip {
    const zip = new SafeZip(bytes, maxInflatedBytes);
    zip.readCentralDirectory();
    return zip;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Streams one entry's inflated bytes to `sink`; throws IMPORT_ZIP_BOMB as soon as the budget is exceeded. */
  read(name: string, sink: (chunk: Uint8Array) => void): void {
    const entry = this.entries.get(name);
    if (!entry) throw ImportErrors.IMPORT_DOCX_CORRUPT({ reason: `${name} missing` });
    if (this.inflated + entry.declaredSize > this.maxInflatedBytes) throw this.bomb();
    const view = this.view();
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== LOCAL_SIG) throw corrupt('bad local header');
    const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > this.bytes.length) throw corrupt('truncated entry');
    const data = this.bytes.subarray(dataStart, dataEnd);
    let produced = 0;
    const count = (chunk: Uint8Array) => {
      produced += chunk.length;
      this.inflated += chunk.length;
      // A header that understates the size is a bomb's trick: stop at the first byte beyond it.
      if (produced > entry.declaredSize || this.inflated > this.maxInflatedBytes) throw this.bomb();
      sink(chunk);
    };
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += 64 * 1024) count(data.subarray(i, Math.min(data.length, i + 64 * 1024)));
      return;
    }
    const inflater = new Inflate((chunk) => {
      if (chunk.length > 0) count(chunk);
    });
    try {
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
      for (let i = 0; i < data.length; i += INFLATE_STEP) {
        const end = Math.min(data.length, i + INFLATE_STEP);
        inflater.push(data.subarray(i, end), end === data.length);
      }
    } catch (err) {
      // fflate signals bad DEFLATE data with a numeric code; anything else comes from the sink.
      if (err instanceof Error && typeof (err as { code?: unknown }).code === 'number') throw corrupt(`${name}: invalid compressed data`);
      throw err;
    }
    if (produced !== entry.declaredSize) throw corrupt(`${name}: size mismatch`);
  }

  /** Reads a small entry as UTF-8 text (relationships, content types). */
  readText(name: string): string {
    const chunks: Uint8Array[] = [];
    this.read(name, (chunk) => chunks.push(chunk.slice()));
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  }

  private bomb() {
    return ImportErrors.IMPORT_ZIP_BOMB({ limitMb: Math.round(this.maxInflatedBytes / MB) });
  }

  private view(): DataView {
    return new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  private readCentralDirectory(): void {
    const bytes = this.bytes;
    const view = this.view();
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (view.getUint32(i, true) === EOCD_SIG) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw corrupt('no ZIP central directory');
    let count = view.getUint16(eocd + 10, true);
    let cdSize = view.getUint32(eocd + 12, true);
    let cdOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
      const locator = eocd - 20;
      if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIG) throw corrupt('bad ZIP64 locator');
      const z64 = Number(view.getBigUint64(locator + 8, true));
      if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== ZIP64_EOCD_SIG) throw corrupt('bad ZIP64 directory');
      count = Number(view.getBigUint64(z64 + 32, true));
      cdSize = Number(view.getBigUint64(z64 + 40, true));
      cdOffset = Number(view.getBigUint64(z64 + 48, true));
    }
    if (cdOffset + cdSize > bytes.length) throw corrupt('central directory outside the file');
    let p = cdOffset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIG) throw corrupt('bad central directory entry');
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      let compressedSize = view.getUint32(p + 20, true);
      let declaredSize = view.getUint32(p + 24, true);
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      let localHeaderOffset = view.getUint32(p + 42, true);
      if (p + 46 + nameLength + extraLength > bytes.length) throw corrupt('bad central directory entry');
      const name = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLength));
      // ZIP64 extended information: the 0xFFFFFFFF fields follow in a fixed order.
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = view.getUint16(e, true);
        const size = view.getUint16(e + 2, true);
        if (id === 0x0001) {
          let q = e + 4;
          if (declaredSize === 0xffffffff && q + 8 <= e + 4 + size) (declaredSize = Number(view.getBigUint64(q, true))), (q += 8);
          if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) (compressedSize = Number(view.getBigUint64(q, true))), (q += 8);
          if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + size) localHeaderOffset = Number(view.getBigUint64(q, true));
        }
        e += 4 + size;
      }
      if (flags & 0x0001 || flags & 0x0040) throw ImportErrors.IMPORT_DOCX_ENCRYPTED();
      if (method !== 0 && method !== 8) throw corrupt(`unsupported compression method ${method}`);
      if (localHeaderOffset + 30 > bytes.length || compressedSize > bytes.length) throw corrupt('entry outside the file');
      this.entries.set(name, { name, flags, method, compressedSize, declaredSize, localHeaderOffset });
      p += 46 + nameLength + extraLength + commentLength;
    }
  }
}

function corrupt(reason: string) {
  return ImportErrors.IMPORT_DOCX_CORRUPT({ reason });
}
