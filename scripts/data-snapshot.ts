/**
 * `npm run data:snapshot`: rebuilds data/snapshot.json, the snapshot bundled into a release, as
 * the feed builder makes it (docs/feed.md): the reviewed PoR files, the adapters' answers and
 * DefiLlama, on top of what the file held. `generatedAt` is the moment it was built, or, with
 * --offline (the recorded answers in tests/fixtures/por/), the newest moment those describe.
 * The output is byte-for-byte reproducible for the same answers: keys sorted, two-space JSON.
 * A refused build (a broken reviewed file; DefiLlama out of reach, which a release build does
 * not paper over) changes nothing and exits non-zero with a sentence saying why.
 *
 * Options: --out <path> (default data/snapshot.json), --offline, --fresh (ignore what the file holds).
 * DefiLlama's part is scripts/feed/defillama.ts.
 * Environment: RESERVE_RADAR_DEFILLAMA_BASE points the requests at a mirror of the same API
 * (tests use a local server); the figures are still DefiLlama's, so `source` keeps the public URL.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Snapshot } from '../lib/reserves/schema';
import { parseSnapshot } from '../lib/reserves/snapshot';
import { stableStringify } from '../lib/reserves/stable-json';
import { buildFeed } from './radar/feed';
import { offlineInputs, onlineInputs } from './feed/inputs';
import { PUBLIC_BASE } from './feed/defillama';

async function main(argv: string[]): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const defaultPath = fileURLToPath(new URL('../data/snapshot.json', import.meta.url));
  const out = outIndex === -1 ? defaultPath : argv[outIndex + 1];
  if (out === undefined) {
    process.stderr.write('data:snapshot: --out needs a path\n');
    return 2;
  }
  // What the file holds is the last good data: kept where a source fails, unless --fresh says start over.
  let held: Snapshot | undefined;
  if (!argv.includes('--fresh')) {
    try {
      const parsed = parseSnapshot(JSON.parse(readFileSync(out, 'utf8')));
      if (!parsed.ok) {
        process.stderr.write(`data:snapshot: ${out} is not a valid snapshot (${parsed.reason}); fix it or run with --fresh\n`);
        return 2;
      }
      held = parsed.snapshot;
    } catch (error) {
      process.stderr.write(`data:snapshot: cannot read ${out} (${error instanceof Error ? error.message : String(error)})\n`);
      return 2;
    }
  }
  const log = (line: string) => process.stderr.write(`data:snapshot: ${line}\n`);
  const offline = argv.includes('--offline');
  let inputs;
  try {
    inputs = offline
      ? offlineInputs()
      : await onlineInputs({ fetch: globalThis.fetch, now: new Date(), log, requireDefillama: true, defillamaBase: (process.env.RESERVE_RADAR_DEFILLAMA_BASE ?? PUBLIC_BASE).replace(/\/+$/, '') });
  } catch (error) {
    process.stderr.write(`data:snapshot: refused: ${error instanceof Error ? error.message : String(error)}. ${out} was left unchanged.\n`);
    return 1;
  }
  const built = buildFeed(inputs, held, new Date(offline ? inputs.newestInput : Date.now()));
  const parsed = parseSnapshot(built.snapshot);
  if (!parsed.ok) {
    process.stderr.write(`data:snapshot: refused: the built snapshot does not validate (${parsed.reason}). ${out} was left unchanged.\n`);
    return 1;
  }
  for (const [id, line] of Object.entries(built.report.exchanges)) for (const note of line.notes) log(`${id}: ${note}`);
  writeFileSync(out, stableStringify(parsed.snapshot));
  const withPor = Object.values(parsed.snapshot.exchanges).filter((reserves) => reserves.por !== undefined).length;
  process.stdout.write(`data:snapshot: wrote ${out} (${withPor} exchanges with a PoR record, generated ${parsed.snapshot.generatedAt})\n`);
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
