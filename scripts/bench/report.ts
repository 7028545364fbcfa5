export interface BenchRow {
  name: string;
  /** Already formatted, with its unit: `12.4x`, `97.1 %`, `3 calls`. */
  value: string;
  goal?: string | undefined;
  met?: boolean | undefined;
}

export interface BenchReport {
  title: string;
  rows: BenchRow[];
}

/** Runs `fn` until about `ms` milliseconds have passed and returns operations per second. */
export function opsPerSecond(fn: () => void, ms = 500): number {
  for (let i = 0; i < 50; i++) fn();
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 20; i++) fn();
    count += 20;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}
