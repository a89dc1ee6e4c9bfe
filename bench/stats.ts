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
  /** 'pass' | 'miss' | 'n/a' (a feature not in this build) | '' (no target). */
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
