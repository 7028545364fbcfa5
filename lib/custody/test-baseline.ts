/** A good balance read before the test, in the asset's smallest units, with when it was read (ISO). */
export interface BalanceRead {
  units: string;
  checkedAt: string;
}

export interface BaselineAtPressParameters {
  /** The newest good read before the press. */
  latest: BalanceRead | null;
  /** The lowest good read since the watch started. */
  lowest: BalanceRead | null;
  now: Date;
  /** A latest read older than this is no baseline: anything may have arrived since. */
  maxAgeMs: number;
}

export type BaselineAtPressReturnType =
  | { kind: 'none' }
  | { kind: 'baseline'; units: string }
  /** The balance rose before the press: `from` if the rise is the test, `to` if it is something else. Only the user can tell. */
  | { kind: 'ask'; from: string; to: string; increase: bigint; since: string };

/** What the "I have sent the test" press measures the arrival from. */
export function baselineAtPress({ latest, lowest, now, maxAgeMs }: BaselineAtPressParameters): BaselineAtPressReturnType {
  if (latest === null) return { kind: 'none' };
  const age = now.getTime() - Date.parse(latest.checkedAt);
  if (!(age <= maxAgeMs)) return { kind: 'none' };
  if (lowest !== null && BigInt(latest.units) > BigInt(lowest.units)) {
    return { kind: 'ask', from: lowest.units, to: latest.units, increase: BigInt(latest.units) - BigInt(lowest.units), since: lowest.checkedAt };
  }
  return { kind: 'baseline', units: latest.units };
}
