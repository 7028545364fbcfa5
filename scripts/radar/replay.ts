import { refuse, refuseUsage, type RadarCommand } from './command';
import { backtestTable, replayEpisode, RUN_EPISODES, summarizeBacktest } from '../../lib/risk/run-episodes';
import { renderRun } from './words/run';

const usage = 'replay [EPISODE] [--table] [--json]';

const help = [
  `Usage: npm run --silent radar -- ${usage}`,
  '',
  'Replays real episodes through the run watch (lib/risk/run-episodes.ts, docs/risk-model.md,',
  '"Run alert backtest"): each reading, what it rests on, the level and the reasons, and whether an',
  'alert episode began. Without EPISODE, every episode and the false-alarm count.',
  '',
  `Episodes: ${RUN_EPISODES.map((episode) => episode.id).join(', ')}`,
  '',
  'Options:',
  '  --table   print the backtest table exactly as docs/risk-model.md carries it',
  '  --json    print [{ id, name, halt, readings: [{ at, level, started, phase, reasons }], peak, firstAlertAt, leadHours, alerts }]',
  '',
  'Exit code: 0 printed, 2 unknown episode or bad usage.',
].join('\n');

export const command: RadarCommand = {
  usage,
  summary: 'replay real run episodes (FTX 2022, Binance 2022…) through the run watch (exit 2 on an unknown episode)',
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(help + '\n');
      return 0;
    }
    const flags = new Set(args.filter((arg) => arg.startsWith('--')));
    const unknownFlag = [...flags].find((flag) => flag !== '--table' && flag !== '--json');
    const names = args.filter((arg) => !arg.startsWith('--'));
    if (unknownFlag !== undefined || names.length > 1 || (flags.has('--table') && flags.has('--json'))) {
      return refuseUsage(io.stderr, 'replay', unknownFlag !== undefined ? `unknown option ${unknownFlag}` : names.length > 1 ? 'name one episode at most' : 'choose --table or --json');
    }
    const episodes = names.length === 0 ? RUN_EPISODES : RUN_EPISODES.filter((episode) => episode.id === names[0]);
    if (episodes.length === 0) {
      return refuse(io.stderr, 'replay', `no episode "${names[0]}"; the episodes are ${RUN_EPISODES.map((episode) => episode.id).join(', ')}`);
    }
    if (flags.has('--table')) {
      io.stdout.write(backtestTable(episodes) + '\n');
      return 0;
    }
    const replays = episodes.map((episode) => ({ episode, replay: replayEpisode(episode) }));
    if (flags.has('--json')) {
      const out = replays.map(({ episode, replay }) => ({
        id: episode.id,
        name: episode.name,
        halt: episode.halt ?? null,
        readings: replay.readings.map((reading) => ({ at: reading.at, level: reading.evaluation.level, started: reading.started, phase: reading.state.phase, reasons: reading.evaluation.reasons })),
        peak: replay.peak,
        firstAlertAt: replay.firstAlertAt ?? null,
        leadHours: replay.leadHours ?? null,
        alerts: replay.alerts,
      }));
      io.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return 0;
    }
    const lines: string[] = [];
    for (const { episode, replay } of replays) {
      lines.push(`${episode.name} (${episode.id})`, episode.halt === undefined ? 'Withdrawals never stopped.' : `Withdrawals stopped ${episode.halt.at} (${episode.halt.source}).`);
      for (const [index, reading] of replay.readings.entries()) {
        lines.push('', `${reading.at}${reading.started ? ' · ALERT BEGINS' : ''}`, `  ${episode.readings[index]?.note ?? ''}`, ...renderRun(reading.evaluation).map((text) => `  ${text}`));
      }
      lines.push(
        '',
        replay.firstAlertAt === undefined
          ? 'No alert.'
          : `First alert ${replay.firstAlertAt}${replay.leadHours === undefined ? '' : `, ${replay.leadHours} hours before withdrawals stopped`}; ${replay.alerts} alert episode.`,
        '',
      );
    }
    if (names.length === 0) {
      const summary = summarizeBacktest(episodes);
      lines.push(
        `${summary.alerts} alert in ${summary.readings} readings of ${summary.episodes} episodes: ${summary.timely} before a halt, ${summary.falseAlarms} false alarms, ${summary.missed} halts missed.`,
      );
    }
    io.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
