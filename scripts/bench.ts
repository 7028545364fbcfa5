/**
 * `npm run bench`: runs every `scripts/bench/*.bench.ts`. Each reports its own goals as
 * ratios against a baseline measured in the same run, so numbers from different machines
 * compare. A bench exports `bench: () => Promise<BenchReport>`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { BenchReport } from './bench/report';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts') && (only === undefined || file.startsWith(only)))
  .sort();

let failed = 0;
for (const file of files) {
  const { bench } = (await import(join(dir, file))) as { bench: () => Promise<BenchReport> };
  const report = await bench();
  process.stdout.write(`\n## ${report.title}\n`);
  for (const row of report.rows) {
    const goal = row.goal === undefined ? '' : `  goal ${row.goal}  ${row.met ? 'met' : 'NOT MET'}`;
    if (row.goal !== undefined && !row.met) failed += 1;
    process.stdout.write(`- ${row.name}: ${row.value}${goal}\n`);
  }
}
process.stdout.write(`\n${files.length} benches, ${failed} goals not met (machine: ${process.platform} ${process.arch}, node ${process.version})\n`);
