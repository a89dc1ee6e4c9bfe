/** Percentile of a sample (nearest rank), in the sample's unit. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Runs `fn` `n` times after `warmup` untimed runs; returns the durations in ms. */
export async function sample(n: number, fn: (i: number) => unknown, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn(i);
    out.push(performance.now() - started);
  }
  return out;
}

/**
 * Like `sample`, with the process's CPU time of each run beside its wall time (ms): on a loaded machine the wall
 * clock counts the time other processes held the cores, the CPU time only this work (the handlers run in-process).
 */
export async function sampleCpu(n: number, fn: (i: number) => unknown, warmup = 2): Promise<{ wall: number[]; cpu: number[] }> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const used = process.cpuUsage();
    await fn(i);
    const spent = process.cpuUsage(used);
    wall.push(performance.now() - started);
    cpu.push((spent.user + spent.system) / 1000);
  }
  return { wall, cpu };
}

/**
 * A ratio of two alternating samples (a[i] and b[i] measured back to back), repeated: the pairs are cut into `blocks`
 * consecutive blocks and the ratio of medians taken in each, so one noisy stretch of the machine moves one block,
 * not the verdict. `ratio` is the median of the block ratios, `low`/`high` their range.
 */
export function pairedRatio(a: readonly number[], b: readonly number[], blocks = 5): { ratio: number; low: number; high: number } {
  const size = Math.floor(Math.min(a.length, b.length) / blocks);
  if (size < 1) throw new Error(`pairedRatio: ${Math.min(a.length, b.length)} pairs are too few for ${blocks} blocks`);
  const ratios = Array.from({ length: blocks }, (_, k) => median(a.slice(k * size, (k + 1) * size)) / median(b.slice(k * size, (k + 1) * size)));
  return { ratio: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios) };
}

/**
 * The verdict on a ratio target with its noise in view: 'pass' when the median block ratio meets the limit, 'miss'
 * when even the best block is over it, 'noisy' when the blocks straddle it (the run says nothing either way; rerun
 * on a quiet machine).
 */
export function ratioVerdict(r: { ratio: number; low: number; high: number }, limit: number): 'pass' | 'miss' | 'noisy' {
  if (r.ratio <= limit) return 'pass';
  return r.low > limit ? 'miss' : 'noisy';
}

/** "1.12× (blocks 1.05–1.20×)" */
export function ratioText(r: { ratio: number; low: number; high: number }): string {
  return `${r.ratio.toFixed(2)}× (5 blocks ${r.low.toFixed(2)}–${r.high.toFixed(2)}×)`;
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export interface Row {
  group: string;
  what: string;
  figure: string;
  /** The bare or reference figure it is compared with, and the ratio. */
  compare?: string;
  target?: string;
  /** 'pass' | 'miss' | 'noisy' (a ratio within the run's noise of its limit) | 'n/a' (a feature not in this build) | '' (no target). */
  verdict?: string;
}

export function textTable(rows: readonly Row[]): string {
  const head = ['group', 'what', 'figure', 'compared with', 'target', ''];
  const body = rows.map((r) => [r.group, r.what, r.figure, r.compare ?? '', r.target ?? '', r.verdict ?? '']);
  const width = (s: string) => [...s].reduce((w, c) => w + (c.codePointAt(0)! > 0x2e80 ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  const escape = (s: string) => s.replaceAll('|', '\\|');
  return [
    '| group | what | figure | compared with | target | |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${[r.group, r.what, r.figure, r.compare ?? '', r.target ?? '', r.verdict ?? ''].map(escape).join(' | ')} |`),
  ].join('\n');
}
