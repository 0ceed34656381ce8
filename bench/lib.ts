/**
 * Tiny benchmark kit: each bench file runs in its own process (so peak RSS is its own), measures with
 * `measure`, and prints one line per figure. Benchmarks print; they never fail the test suite.
 */
export interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  peakRssMb: number;
}

export async function measure(name: string, fn: () => unknown, runs = 7, warmup = 1): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const m: Measurement = {
    name,
    runs,
    medianMs: times[Math.floor(times.length / 2)]!,
    minMs: times[0]!,
    maxMs: times[times.length - 1]!,
    peakRssMb: peakRssMb(),
  };
  report(m);
  return m;
}

/** Peak resident memory of this process so far (maxRSS is in kilobytes on Linux). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function report(m: Measurement): void {
  console.log(
    `${m.name.padEnd(58)} median ${m.medianMs.toFixed(1).padStart(8)} ms  (min ${m.minMs.toFixed(1)}, max ${m.maxMs.toFixed(1)}, n=${m.runs})  peak RSS ${m.peakRssMb} MB`,
  );
}

export function figure(name: string, value: string): void {
  console.log(`${name.padEnd(58)} ${value}`);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
