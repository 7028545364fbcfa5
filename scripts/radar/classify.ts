import { createInterface } from 'node:readline';
import { refuseUsage, type RadarCommand } from './command';
import { classify } from '../../lib/exchanges/classify';
import { hostnameFromUrl, parseHostname } from '../../lib/exchanges/hostname';

const usage = 'classify < hosts.txt';

const help = [
  `Usage: npm run --silent radar -- ${usage}`,
  '',
  'Reads hostnames or URLs, one per line, on standard input and prints one JSON object per line:',
  '  {"input","host","verdict","exchange","reason"}',
  'verdict is "exchange", "lookalike", "unknown", or "invalid" for a line that is not a hostname or URL;',
  'exchange is the exchange id, or null. Blank lines are skipped. Exit code 0, or 2 for bad usage.',
].join('\n');

export interface ClassifyLineReturnType {
  input: string;
  host: string | null;
  verdict: 'exchange' | 'lookalike' | 'unknown' | 'invalid';
  exchange: string | null;
  reason: string;
}

/** One input line to one output record. Never throws. */
export function classifyLine(line: string): ClassifyLineReturnType {
  const input = line.trim();
  // Anything with a scheme or a path is a URL; the browser's parser finds its host.
  const looksLikeUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) || input.includes('/');
  const extracted = looksLikeUrl ? hostnameFromUrl(input) : parseHostname(input);
  if (!extracted.ok) return { input, host: null, verdict: 'invalid', exchange: null, reason: extracted.reason };
  try {
    const result = classify(extracted.host);
    if (result.host === undefined) return { input, host: null, verdict: 'invalid', exchange: null, reason: result.reason };
    return { input, host: result.host, verdict: result.verdict, exchange: result.exchange?.id ?? null, reason: result.reason };
  } catch (error) {
    return { input, host: null, verdict: 'invalid', exchange: null, reason: `could not classify: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export const command: RadarCommand = {
  usage,
  summary: 'classify hostnames or URLs from stdin as exchange, lookalike or unknown (JSON lines)',
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(help + '\n');
      return 0;
    }
    if (args.length > 0) {
      return refuseUsage(io.stderr, 'classify', 'takes no arguments, reads standard input');
    }
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const ok = io.stdout.write(JSON.stringify(classifyLine(line)) + '\n');
      if (!ok) await new Promise<void>((resolve) => io.stdout.once('drain', resolve));
    }
    return 0;
  },
};
