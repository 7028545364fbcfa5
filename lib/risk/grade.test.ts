import { describe, expect, test } from 'vitest';
import type { PorAttestation } from '../reserves/schema';
import type { RiskOnchainAssets } from './concentration';
import { gradeExchange, type RiskReserves } from './grade';
import { exchange, flows, grade, healthy, now, onchain, por } from './grade.testkit';
import { THRESHOLDS } from './thresholds';

describe('gradeExchange', () => {
  test('full, fresh, healthy data with a Merkle PoR is ok / A, with a reason per figure', () => {
    const verdict = grade(healthy);
    expect(verdict.level).toBe('ok');
    expect(verdict.grade).toBe('A');
    expect(verdict.reasons.every((reason) => reason.effect === 'ok' || reason.effect === 'info')).toBe(true);
    const metrics = verdict.reasons.map((reason) => reason.metric);
    for (const metric of [
      'status',
      'por.method',
      'por.age-days',
      'reserve-ratio.major',
      'reserve-ratio.any',
      'own-token.share',
      'top-asset.share',
      'minor-asset.share',
      'hhi',
      'outflow-7d.share',
      'outflow-30d.share',
    ]) {
      expect(metrics).toContain(metric);
    }
    expect(verdict.asOf).toBe('2025-02-01');
    expect(verdict.sources).toEqual(expect.arrayContaining(['https://x.example/por', 'https://x.example/onchain', 'https://x.example/flows']));
    const own = verdict.reasons.find((reason) => reason.metric === 'own-token.share');
    expect(own).toMatchObject({ value: 0.04, threshold: 0.1, source: onchain.source, asOf: onchain.asOf });
    expect(own).toMatchObject({ code: 'own-token.share', params: { tokens: ['XT'] } });
  });

  test('an auditor attestation alone earns B, not A', () => {
    expect(grade({ ...healthy, por: { ...por, method: 'auditor-attestation' } }).grade).toBe('B');
  });

  test('no data at all, or a missing block, is incomplete — never ok — and shows what the known figures support', () => {
    // Missing flows are missing, not a finding: with no data at all nothing is known, so unknown (?), incomplete.
    expect(grade(undefined)).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    expect(grade({ onchain, flows })).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    // Without on-chain assets there is no total to weigh the flows against: that too is missing, not caution.
    expect(grade({ por, flows })).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    expect(grade({ ...healthy, por: { ...por, reserveRatios: undefined } })).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    expect(grade({ ...healthy, por: { ...por, reserveRatios: { SOL: 1.2 } } })).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    expect(grade(healthy).incomplete).toBe(false);
  });

  test('stale data cannot produce ok', () => {
    const staleOnchain = grade({ ...healthy, onchain: { ...onchain, asOf: '2025-02-10' } });
    expect(staleOnchain).toMatchObject({ level: 'unknown', incomplete: true });
    expect(staleOnchain.reasons[0]).toMatchObject({ metric: 'onchain.checked', value: '2025-02-10', threshold: 7, effect: 'unknown' });
    // An old report we have not looked at since is our gap: missing, not the exchange's fault.
    const stalePor = grade({ ...healthy, por: { ...por, asOf: '2024-11-01' } });
    expect(stalePor).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    expect(stalePor.reasons[0]).toMatchObject({ metric: 'por.checked', value: '2024-11-01', threshold: 62, effect: 'unknown' });
    // The same report, found still the newest when we checked yesterday: the exchange is late.
    const overdue = grade({ ...healthy, por: { ...por, asOf: '2024-11-01', checkedAt: '2025-02-28' } });
    expect(overdue).toMatchObject({ level: 'caution', grade: 'C', incomplete: false });
    expect(overdue.reasons[0]).toMatchObject({ metric: 'por.age-days', value: 119, threshold: 62, effect: 'caution' });
    // Flows older than their max age say nothing about a run now: missing, so unknown, never ok.
    expect(grade({ ...healthy, flows: { ...flows, asOf: '2025-01-01' } }).level).toBe('unknown');
  });

  test('missing secondary figures are unknown, not caution, one unknown reason per missing block', () => {
    const noFlows = grade({ por, onchain });
    expect(noFlows).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    expect(noFlows.reasons.filter((reason) => reason.effect === 'unknown').map((reason) => reason.metric)).toEqual(['outflow-7d.share', 'outflow-30d.share']);
    expect(noFlows.reasons.some((reason) => reason.effect === 'caution')).toBe(false);
    const noBreakdown = grade({ ...healthy, onchain: { ...onchain, topTokens: undefined } });
    expect(noBreakdown).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    expect(
      noBreakdown.reasons
        .filter((reason) => reason.effect === 'unknown')
        .map((reason) => reason.metric)
        .sort(),
    ).toEqual(['breakdown']);
  });

  test('own-token share: caution from 10 %, danger from 25 %', () => {
    expect(grade({ ...healthy, onchain: { ...onchain, cleanUsd: 890 } })).toMatchObject({ level: 'caution', grade: 'C' });
    const danger = grade({ ...healthy, onchain: { ...onchain, cleanUsd: 740 } });
    expect(danger).toMatchObject({ level: 'danger', grade: 'F' });
    expect(danger.reasons[0]).toMatchObject({ metric: 'own-token.share', effect: 'danger', threshold: 0.25, thresholdId: 'own-token.share.danger' });
  });

  test('affiliated tokens count with own tokens, and need a breakdown', () => {
    const withAffiliate = { ...healthy, onchain: { ...onchain, topTokens: [...(onchain.topTokens ?? []), { symbol: 'SOL', usd: 0 }] } };
    expect(grade(withAffiliate, { affiliatedTokens: ['SOL'] }).level).toBe('ok');
    const heavy = {
      ...healthy,
      onchain: {
        ...onchain,
        topTokens: [
          { symbol: 'BTC', usd: 500 },
          { symbol: 'SOL', usd: 250 },
        ],
      },
    };
    expect(grade(heavy, { affiliatedTokens: ['SOL'] }).reasons[0]).toMatchObject({ metric: 'own-affiliated.share', effect: 'danger' });
    // No breakdown: the affiliated share is missing, and so are the breakdown's own figures — unknown, not caution.
    const noBreakdown = grade({ ...healthy, onchain: { ...onchain, topTokens: undefined } }, { affiliatedTokens: ['SOL'] });
    expect(noBreakdown).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    expect(noBreakdown.reasons.find((reason) => reason.metric === 'own-affiliated.share')?.effect).toBe('unknown');
  });

  test('reserve ratios below 100 % warn, majors below 95 % are danger', () => {
    expect(grade({ ...healthy, por: { ...por, reserveRatios: { ...por.reserveRatios, DOGE: 0.99 } } }).level).toBe('caution');
    expect(grade({ ...healthy, por: { ...por, reserveRatios: { ...por.reserveRatios, ETH: 0.98 } } })).toMatchObject({ level: 'caution', grade: 'D' });
    expect(grade({ ...healthy, por: { ...por, reserveRatios: { ...por.reserveRatios, BTC: 0.9 } } }).level).toBe('danger');
  });

  test('weak PoR methods warn and their "ratios" are not read', () => {
    const walletList = grade({ ...healthy, por: { ...por, method: 'wallet-list', reserveRatios: { BTC: 0.5 } } });
    expect(walletList.level).toBe('caution');
    expect(walletList.metrics.reserveCoverage).toBeUndefined();
    expect(grade({ ...healthy, por: { ...por, method: 'none', reserveRatios: undefined } }).level).toBe('caution');
  });

  test('a large outflow looks like a run', () => {
    const run = grade({ ...healthy, flows: { ...flows, net7dUsd: -150 } });
    expect(run.level).toBe('caution');
    expect(run.reasons[0]).toMatchObject({ metric: 'outflow-7d.share', value: 150 / 1150, threshold: 0.1 });
    expect(run.reasons[0]).toMatchObject({ code: 'flow-7d.out', params: { netUsd: -150 } });
  });

  test('a single minor asset, or a concentrated book, warns', () => {
    const meme = grade({
      ...healthy,
      onchain: {
        ...onchain,
        topTokens: [
          { symbol: 'BTC', usd: 400 },
          { symbol: 'SHIB', usd: 200 },
          { symbol: 'ETH', usd: 190 },
        ],
      },
    });
    expect(meme.reasons.find((reason) => reason.metric === 'minor-asset.share')).toMatchObject({ effect: 'caution', value: 0.2 });
    const oneAsset = grade({ ...healthy, onchain: { ...onchain, topTokens: [{ symbol: 'BTC', usd: 800 }] } });
    expect(
      oneAsset.reasons
        .filter((reason) => reason.effect === 'caution')
        .map((reason) => reason.metric)
        .sort(),
    ).toEqual(['hhi', 'top-asset.share']);
  });

  test('leverage is shown but never moves the level', () => {
    const leveraged = grade({ ...healthy, onchain: { ...onchain, leverage: 3 } });
    expect(leveraged.level).toBe('ok');
    expect(leveraged.metrics.leverage).toBe(3);
    expect(leveraged.reasons.find((reason) => reason.metric === 'leverage')?.effect).toBe('info');
  });

  test('collapsed exchanges are danger whatever their figures; recent incidents warn', () => {
    const collapsed = grade(healthy, { status: { kind: 'collapsed', checkedOn: '2026-12-04', date: '2024-01-01', history: 'Gone.', source: 'https://news.example/gone' } });
    expect(collapsed).toMatchObject({ level: 'danger', grade: 'F' });
    expect(collapsed.reasons[0]).toMatchObject({ metric: 'status', source: 'https://news.example/gone', asOf: '2024-01-01' });
    const hacked = grade(healthy, { incidents: [{ kind: 'hack', date: '2025-02-01', summary: 'Hot wallet drained.', source: 'https://news.example/hack' }] });
    expect(hacked).toMatchObject({ level: 'caution', grade: 'C' });
    expect(hacked.reasons[0]).toMatchObject({ metric: 'incident.hack', value: 28, threshold: 180, source: 'https://news.example/hack' });
    expect(hacked.sources).toContain('https://news.example/hack');
  });

  test('is deterministic: the same inputs and now give the same verdict', () => {
    expect(grade(healthy)).toEqual(grade(structuredClone(healthy)));
  });

  test('every threshold the verdict cites is in the table', () => {
    const ids = new Set(THRESHOLDS.map((row) => row.id));
    const cited = [grade(healthy), grade({ ...healthy, onchain: { ...onchain, cleanUsd: 100 } })].flatMap((verdict) =>
      verdict.reasons.flatMap((reason) => (reason.thresholdId === undefined ? [] : [reason.thresholdId])),
    );
    expect(cited.length).toBeGreaterThan(5);
    for (const id of cited) expect(ids.has(id)).toBe(true);
  });
});

describe('gradeExchange with figures from the future', () => {
  test('a block dated after now is set aside and counts as missing', () => {
    const verdict = gradeExchange({ exchange, reserves: { ...healthy, onchain: { ...onchain, asOf: '2025-03-05' } }, now });
    // Without the on-chain total the flows cannot be weighed, and the on-chain block is missing: both unknown.
    expect(verdict).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    expect(verdict.reasons.filter((reason) => reason.metric.startsWith('outflow-')).map((reason) => reason.effect)).toEqual(['unknown', 'unknown']);
    expect(verdict.reasons.find((reason) => reason.metric === 'future-dated')).toMatchObject({ value: '2025-03-05', effect: 'info' });
    expect(verdict.reasons.find((reason) => reason.metric === 'onchain')?.effect).toBe('unknown');
    expect(verdict.asOf).toBe('2025-02-01');
    // One day of slack for time zones.
    expect(gradeExchange({ exchange, reserves: { ...healthy, onchain: { ...onchain, asOf: '2025-03-02' } }, now }).level).toBe('ok');
  });
});

describe('gradeExchange: whose staleness it is', () => {
  const oldReport = { ...por, asOf: '2024-11-01' };

  test('a fresh report is ok and says when we last checked it', () => {
    const withCheck = grade({ ...healthy, por: { ...por, checkedAt: '2025-02-27' } });
    expect(withCheck).toMatchObject({ level: 'ok', grade: 'A', incomplete: false });
    expect(withCheck.reasons.find((reason) => reason.metric === 'por.age-days')).toMatchObject({ effect: 'ok', value: 28 });
    expect(withCheck.reasons.find((reason) => reason.metric === 'por.age-days')).toMatchObject({ code: 'por.fresh', params: { checkedAt: '2025-02-27', describes: '2025-02-01' } });
    // Without a check date the report's own date stands in for it.
    expect(grade(healthy).reasons.find((reason) => reason.metric === 'por.age-days')).toMatchObject({ code: 'por.fresh', params: { checkedAt: '2025-02-01' } });
  });

  test('exchange late: the report was already overdue when we checked → caution on the exchange, complete', () => {
    const verdict = grade({ ...healthy, por: { ...oldReport, checkedAt: '2025-02-28' } });
    expect(verdict).toMatchObject({ level: 'caution', grade: 'C', incomplete: false });
    const reason = verdict.reasons.find((item) => item.metric === 'por.age-days');
    expect(reason).toMatchObject({ effect: 'caution', value: 119, threshold: 62, thresholdId: 'por.stale.cadences', source: por.source, asOf: '2024-11-01' });
    expect(reason).toMatchObject({ code: 'por.overdue', params: { checkedAt: '2025-02-28', describes: '2024-11-01', allowedDays: 62 } });
    expect(verdict.reasons.some((item) => item.metric === 'por.checked')).toBe(false);
  });

  test("us late: not checked since it was fresh → our gap, a missing figure, never the exchange's caution", () => {
    for (const stale of [oldReport, { ...oldReport, checkedAt: '2024-12-20' }]) {
      const verdict = grade({ ...healthy, por: stale });
      expect(verdict).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
      const reason = verdict.reasons.find((item) => item.metric === 'por.checked');
      expect(reason).toMatchObject({ effect: 'unknown', value: stale.checkedAt ?? '2024-11-01', threshold: 62 });
      expect(reason).toMatchObject({ code: 'por.unchecked', params: { checkedAt: stale.checkedAt ?? '2024-11-01', describes: '2024-11-01' } });
      // Nothing blames the exchange for the age of our copy.
      expect(verdict.reasons.some((item) => item.metric === 'por.age-days')).toBe(false);
      expect(verdict.reasons.every((item) => item.effect !== 'caution')).toBe(true);
    }
  });

  test('overdue when we checked, but that check is older than the window: our gap, graded as unchecked, not the exchange’s caution', () => {
    // 2024-06-01 was 106 days old on 2024-09-15; our check is 167 days old on 2025-03-01 (window 62).
    const verdict = grade({ ...healthy, por: { ...por, asOf: '2024-06-01', checkedAt: '2024-09-15' } });
    expect(verdict).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
    const reason = verdict.reasons.find((item) => item.metric === 'por.checked');
    expect(reason).toMatchObject({ code: 'por.unchecked', effect: 'unknown', value: '2024-09-15', threshold: 62, params: { checkedAt: '2024-09-15', describes: '2024-06-01' } });
    expect(verdict.reasons.some((item) => item.code === 'por.overdue')).toBe(false);
    expect(verdict.metrics.porFreshness?.late).toBe('us');
  });

  test('us late beside a real caution: the caution shows, marked incomplete', () => {
    const verdict = grade({ ...healthy, por: { ...oldReport, reserveRatios: { ...por.reserveRatios, DOGE: 0.97 } } });
    expect(verdict).toMatchObject({ level: 'caution', grade: 'C', incomplete: true });
  });
});

describe('gradeExchange: the worst level the known figures support, marked incomplete', () => {
  test('caution + a missing figure → caution, incomplete', () => {
    const verdict = grade({ ...healthy, por: { ...por, reserveRatios: undefined }, flows: { ...flows, net7dUsd: -150 } });
    expect(verdict.reasons.map((reason) => reason.effect)).toEqual(expect.arrayContaining(['caution', 'unknown']));
    expect(verdict).toMatchObject({ level: 'caution', grade: 'C', incomplete: true });
  });

  test('only a missing figure → unknown (?), incomplete', () => {
    const verdict = grade({ ...healthy, onchain: { ...onchain, cleanUsd: undefined } });
    expect(verdict.reasons.filter((reason) => reason.effect === 'unknown').map((reason) => reason.metric)).toEqual(['own-token.share']);
    expect(verdict.reasons.some((reason) => reason.effect === 'caution' || reason.effect === 'danger')).toBe(false);
    expect(verdict).toMatchObject({ level: 'unknown', grade: '?', incomplete: true });
  });

  test('danger + a missing figure → danger (F), incomplete', () => {
    const verdict = grade({ ...healthy, por: { ...por, reserveRatios: { BTC: 0.9 } }, onchain: { ...onchain, cleanUsd: undefined } });
    expect(verdict).toMatchObject({ level: 'danger', grade: 'F', incomplete: true });
    const collapsed = grade(undefined, { status: { kind: 'collapsed', checkedOn: '2026-12-04', date: '2024-01-01', history: 'Gone.', source: 'https://news.example/gone' } });
    expect(collapsed).toMatchObject({ level: 'danger', grade: 'F', incomplete: true });
  });

  test('complete verdicts are not marked incomplete', () => {
    expect(grade(healthy)).toMatchObject({ level: 'ok', incomplete: false });
    expect(grade({ ...healthy, flows: { ...flows, net7dUsd: -150 } })).toMatchObject({ level: 'caution', incomplete: false });
    expect(grade({ ...healthy, onchain: { ...onchain, cleanUsd: 700 } })).toMatchObject({ level: 'danger', incomplete: false });
  });

  test('incomplete is exactly "some reason is unknown", and an incomplete verdict is never ok, A or B', () => {
    const cases: (RiskReserves | undefined)[] = [
      undefined,
      healthy,
      { por },
      { onchain },
      { flows },
      { por, onchain },
      { ...healthy, por: { ...por, asOf: '2024-01-01' } },
      { ...healthy, por: { ...por, reserveRatios: undefined } },
      { ...healthy, onchain: { ...onchain, asOf: '2025-01-01' } },
      { ...healthy, onchain: { ...onchain, cleanUsd: undefined } },
      { ...healthy, onchain: { ...onchain, totalUsd: 0 } },
    ];
    for (const reserves of cases) {
      const verdict = grade(reserves);
      expect(verdict.incomplete).toBe(verdict.reasons.some((reason) => reason.effect === 'unknown'));
      if (verdict.incomplete) {
        expect(verdict.level).not.toBe('ok');
        expect(['A', 'B']).not.toContain(verdict.grade);
      }
    }
  });
});

describe('gradeExchange: a breakdown that itemises too little', () => {
  // The synthetic OKX case: the listed tokens are a rounding error beside the total.
  const thin: RiskOnchainAssets = {
    ...onchain,
    topTokens: [
      { symbol: 'BTC', usd: 0.2 },
      { symbol: 'ETH', usd: 0.1 },
    ],
  };

  test('is caution "too thin to judge" on the largest holding, minor tokens and the HHI, never ok', () => {
    const verdict = grade({ ...healthy, onchain: thin });
    const concentration = verdict.reasons.filter((reason) => ['top-asset.share', 'minor-asset.share', 'hhi'].includes(reason.metric));
    expect(concentration).toHaveLength(3);
    for (const reason of concentration) {
      expect(reason).toMatchObject({ effect: 'caution', thresholdId: 'breakdown.unlisted.caution', threshold: 0.5, source: onchain.source });
      expect(reason.code).toMatch(/^breakdown-thin\./);
      expect(reason.params?.unlistedShare).toBeGreaterThan(0.999);
    }
    expect(verdict).toMatchObject({ level: 'caution', grade: 'D' });
    expect(verdict.metrics.concentration).toMatchObject({ breakdownTooThin: true });
    // The whole remainder could be one asset: the bound is then near 1, not the listed crumbs' 0.
    expect(verdict.metrics.concentration?.hhi?.high).toBeGreaterThan(0.99);
  });

  test('just under the limit the top-N reading stands; at the limit it does not', () => {
    const listed = (fraction: number): RiskOnchainAssets => ({
      ...onchain,
      topTokens: [
        { symbol: 'BTC', usd: 400 * fraction },
        { symbol: 'USDT', usd: 300 * fraction },
        { symbol: 'ETH', usd: 300 * fraction },
      ],
    });
    const under = grade({ ...healthy, onchain: listed(0.51) });
    expect(under.reasons.find((reason) => reason.metric === 'top-asset.share')).toMatchObject({ effect: 'ok', thresholdId: 'top-asset.share.caution' });
    const at = grade({ ...healthy, onchain: listed(0.5) });
    expect(at.reasons.find((reason) => reason.metric === 'top-asset.share')).toMatchObject({ effect: 'caution', thresholdId: 'breakdown.unlisted.caution' });
  });

  test('affiliated tokens measured on a thin list are a floor: unknown below the danger line, danger at it', () => {
    const small = grade({ ...healthy, onchain: { ...thin, topTokens: [...(thin.topTokens ?? []), { symbol: 'SOL', usd: 10 }] } }, { affiliatedTokens: ['SOL'] });
    expect(small.reasons.find((reason) => reason.metric === 'own-affiliated.share')).toMatchObject({ effect: 'unknown', thresholdId: 'breakdown.unlisted.caution' });
    expect(small).toMatchObject({ level: 'caution', incomplete: true });
    const large = grade({ ...healthy, onchain: { ...thin, topTokens: [{ symbol: 'SOL', usd: 300 }] } }, { affiliatedTokens: ['SOL'] });
    expect(large.reasons.find((reason) => reason.metric === 'own-affiliated.share')).toMatchObject({ effect: 'danger' });
  });
});

describe('gradeExchange: "publishes none" is a finding only while our check is recent', () => {
  const none = (checkedAt: string): PorAttestation => ({ method: 'none', cadence: 'unknown', liabilitiesIncluded: false, source: 'https://x.example/transparency', asOf: '2023-06-30', checkedAt });

  test('checked within a year: the exchange publishes none, a caution', () => {
    const verdict = grade({ ...healthy, por: none('2024-09-01') });
    expect(verdict.reasons.find((reason) => reason.metric === 'por.method')).toMatchObject({ effect: 'caution', value: 'none' });
    expect(verdict.reasons.some((reason) => reason.metric === 'por.checked')).toBe(false);
    expect(verdict.level).toBe('caution');
  });

  test('checked more than a year ago: our gap, unknown, and nothing blamed on the exchange', () => {
    const verdict = grade({ ...healthy, por: none('2024-01-15') });
    expect(verdict.reasons.find((reason) => reason.metric === 'por.checked')).toMatchObject({ effect: 'unknown', value: '2024-01-15', thresholdId: 'por.none.recheck-days' });
    expect(verdict.reasons.some((reason) => reason.metric === 'por.method')).toBe(false);
    expect(verdict).toMatchObject({ level: 'unknown', incomplete: true });
  });

  test('"none" is dated by the day we looked, never by its source\'s own date (an old filing or news story)', () => {
    const recent = grade({ ...healthy, por: none('2024-09-01') }).reasons.find((reason) => reason.metric === 'por.method');
    expect(recent).toMatchObject({ source: 'https://x.example/transparency', asOf: '2024-09-01' });
    const old = grade({ ...healthy, por: none('2024-01-15') }).reasons.find((reason) => reason.metric === 'por.checked');
    expect(old).toMatchObject({ source: 'https://x.example/transparency', asOf: '2024-01-15' });
  });

  test('a collapsed exchange keeps its "none" however old', () => {
    const verdict = grade(
      { por: none('2022-11-11') },
      { status: { kind: 'collapsed', checkedOn: '2026-12-04', date: '2022-11-11', history: 'Stopped withdrawals.', source: 'https://x.example/news' } },
    );
    expect(verdict.reasons.find((reason) => reason.metric === 'por.method')).toMatchObject({ effect: 'caution' });
    expect(verdict.level).toBe('danger');
  });
});
