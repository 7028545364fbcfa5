/**
 * Recall and false-positive rate of `classify` on the labeled corpus in tests/fixtures/domains:
 * real exchange-targeting phishing hosts against the top 500 sites, MetaMask's whitelist,
 * resemblance traps and the official domains.
 */
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import {
  loadBlindSet,
  loadDomainCorpus,
  loadFifthBlindSet,
  loadFourthBlindSet,
  loadSecondBlindSet,
  loadSixthBlindSet,
  loadSeventhBlindSet,
  loadEighthBlindSet,
  loadNinthBlindSet,
  loadThirdBlindSet,
  loadTimeSplit,
  scoreOnCorpus,
  splitFourthBlindSet,
  splitSecondBlindSet,
} from '../../tests/fixtures/domains/corpus';

const corpus = loadDomainCorpus();

describe('classify on the labeled corpus', () => {
  it('has a corpus big enough to measure', () => {
    expect(corpus.phishing.length).toBeGreaterThan(1000);
    expect(corpus.legitimate.filter(({ source }) => source === 'top-500')).toHaveLength(500);
  });

  it('catches at least 95 % of the phishing hosts and flags at most 0.5 % of the legitimate ones', () => {
    const score = scoreOnCorpus(corpus, (host) => classify(host).verdict === 'lookalike');
    expect(score.recall, `missed: ${score.missed.join(' ')}`).toBeGreaterThanOrEqual(0.95);
    expect(score.falsePositiveRate, `false positives: ${score.falsePositives.join(' ')}`).toBeLessThanOrEqual(0.005);
  });

  it('flags none of the 500 most-visited sites', () => {
    const flagged = corpus.legitimate
      .filter(({ source }) => source === 'top-500')
      .filter(({ host }) => classify(host).verdict !== 'unknown')
      .map(({ host }) => host);
    expect(flagged).toEqual([]);
  });

  it('classifies every official domain as its own exchange', () => {
    const wrong = corpus.legitimate
      .filter(({ source }) => source === 'official')
      .filter(({ host, exchange }) => classify(host).exchange?.id !== exchange)
      .map(({ host }) => host);
    expect(wrong).toEqual([]);
  });

  it('never calls a phishing host an exchange', () => {
    const trusted = corpus.phishing.filter(({ host }) => classify(host).verdict === 'exchange').map(({ host }) => host);
    expect(trusted).toEqual([]);
  });
});

describe('classify on the time split (tests/fixtures/domains/heldout)', () => {
  const split = loadTimeSplit();
  const isLookalike = (host: string) => classify(host).verdict === 'lookalike';

  it('has both halves and the legitimate crypto hosts', () => {
    expect(split.development.phishing.length).toBeGreaterThan(1000);
    expect(split.heldOut.phishing.length).toBeGreaterThan(0);
    expect(split.heldOut.legitimate.filter(({ source }) => source === 'crypto').length).toBeGreaterThan(50);
  });

  // The goal is 97 % (issue 21); the rules reach about 95.7 % of 657 held-out hosts. What is left is
  // listed in heldout/README.md (common-word brands padded on .com, typos the rules do not reach). This
  // bound stops regressions; raise it as those are resolved.
  it('catches at least 95.5 % of the held-out phishing hosts (first listed on or after 2025-01-01)', () => {
    expect(split.heldOut.phishing.length).toBeGreaterThan(500);
    const score = scoreOnCorpus(split.heldOut, isLookalike);
    expect(score.recall, `missed: ${score.missed.join(' ')}`).toBeGreaterThanOrEqual(0.955);
  });

  it('keeps recall on the development half at least 99 %', () => {
    const score = scoreOnCorpus(split.development, isLookalike);
    expect(score.recall, `missed: ${score.missed.join(' ')}`).toBeGreaterThanOrEqual(0.99);
  });

  // The goal is 0.25 % (issue 21). Four hosts of 1,811 are flagged: binance.net, binance.cloud, binance.co
  // and huobipro.com, exchange-owned per MetaMask's whitelist but not in the registry for want of a
  // primary source (docs/lookalikes.md). A common-word brand alone under .io, .org or .net is not flagged
  // (robinhood.org is a charity).
  it('flags at most 0.25 % of the legitimate hosts, and none of the legitimate crypto hosts', () => {
    const score = scoreOnCorpus(split.heldOut, isLookalike);
    expect(score.falsePositiveRate, `false positives: ${score.falsePositives.join(' ')}`).toBeLessThanOrEqual(0.0025);
    const crypto = split.heldOut.legitimate.filter(({ source }) => source === 'crypto').filter(({ host }) => isLookalike(host));
    expect(crypto.map(({ host }) => host)).toEqual([]);
  });
});

describe('classify on the blind set (tests/fixtures/domains/heldout/phishing-blind.tsv)', () => {
  const blind = loadBlindSet();
  const split = loadTimeSplit();

  it('holds only hosts the time split does not', () => {
    expect(blind.phishing.length).toBeGreaterThan(1500);
    const seen = new Set([...split.development.phishing, ...split.heldOut.phishing].map(({ host }) => host));
    expect(blind.phishing.filter(({ host }) => seen.has(host)).map(({ host }) => host)).toEqual([]);
  });

  // Scored once blind, after the set was built and reviewed: 91.47 % of 1,699 hosts. The next round's
  // rules were shaped knowing its misses by category (heldout/README.md), which took it to 94.88 %: no
  // longer a blind figure. The goal is 97 % (issue 21). This bound stops regressions; it is not a target
  // to tune rules against this set.
  it('catches at least 94.8 % of the blind set', () => {
    const score = scoreOnCorpus(blind, (host) => classify(host).verdict === 'lookalike');
    expect(score.recall, `missed: ${score.missed.join(' ')}`).toBeGreaterThanOrEqual(0.948);
  });
});

describe('classify on the second blind set (tests/fixtures/domains/heldout/phishing-blind2.tsv)', () => {
  const second = loadSecondBlindSet();

  it('holds only hosts no other set holds', () => {
    expect(second.phishing.length).toBeGreaterThan(1500);
    const split = loadTimeSplit();
    const seen = new Set([...split.development.phishing, ...split.heldOut.phishing, ...loadBlindSet().phishing].map(({ host }) => host));
    expect(second.phishing.filter(({ host }) => seen.has(host)).map(({ host }) => host)).toEqual([]);
  });

  // Committed before classify ran on it, then scored once: 91.46 % of 1,605 hosts. The fifth round's rules were
  // written looking at the early part (below) and scored once on the late part, 96.93 % of 815, unseen: the
  // whole set is at 97.45 % (heldout/README.md). This bound stops regressions; it is not a target to tune rules
  // against this set. Misses are counted, not printed, so that the late part stays unread.
  it('catches at least 97.3 % of the second blind set', () => {
    const score = scoreOnCorpus(second, (host) => classify(host).verdict === 'lookalike');
    expect(score.recall, `missed ${score.missed.length} hosts`).toBeGreaterThanOrEqual(0.973);
  });

  // The fifth round's rules were written looking at the early part (first listed before 2025-02-24): 97.97 %
  // of its 790 hosts after that round. Not a blind figure; this bound stops regressions.
  it('catches at least 97.5 % of the early part of the second blind set', () => {
    const { early } = splitSecondBlindSet(second);
    expect(early.phishing.length).toBe(790);
    const score = scoreOnCorpus(early, (host) => classify(host).verdict === 'lookalike');
    expect(score.recall, `missed: ${score.missed.join(' ')}`).toBeGreaterThanOrEqual(0.975);
  });
});

// Each blind set after the second: the hosts no earlier set holds, each once, all first listed after the split.
const laterBlindSets = [
  ['third', 'phishing-blind3.tsv', loadThirdBlindSet, 1228],
  ['fourth', 'phishing-blind4.tsv', loadFourthBlindSet, 1696],
  ['fifth', 'phishing-blind5.tsv', loadFifthBlindSet, 2298],
  ['sixth', 'phishing-blind6.tsv', loadSixthBlindSet, 8660],
  ['seventh', 'phishing-blind7.tsv', loadSeventhBlindSet, 901],
  ['eighth', 'phishing-blind8.tsv', loadEighthBlindSet, 6237],
  ['ninth', 'phishing-blind9.tsv', loadNinthBlindSet, 11],
] as const;

describe.each(laterBlindSets.map((row, at) => [...row, at] as const))('the %s blind set (tests/fixtures/domains/heldout/%s)', (_name, _file, load, size, at) => {
  it('holds only hosts no other set holds, each once, all first listed after the split', () => {
    const set = load();
    expect(set.phishing.length).toBe(size);
    const split = loadTimeSplit();
    const earlier = [split.development, split.heldOut, loadBlindSet(), loadSecondBlindSet(), ...laterBlindSets.slice(0, at).map(([, , loadEarlier]) => loadEarlier())];
    const seen = new Set(earlier.flatMap(({ phishing }) => phishing.map(({ host }) => host)));
    expect(set.phishing.filter(({ host }) => seen.has(host)).map(({ host }) => host)).toEqual([]);
    expect(new Set(set.phishing.map(({ host }) => host)).size).toBe(set.phishing.length);
    expect(set.phishing.filter(({ date }) => date < '2025-01-01').map(({ host }) => host)).toEqual([]);
  });
});

describe('the fourth blind set, early part', () => {
  // The seventh round's rules were written looking at the early part (first listed before 2026-01-01): 96.97 %
  // of its 1,321 hosts after that round and a second reader's narrowing. Not a blind figure; this bound stops regressions.
  it('catches at least 96.5 % of the early part of the fourth blind set', () => {
    const { early } = splitFourthBlindSet(loadFourthBlindSet());
    expect(early.phishing.length).toBe(1321);
    const score = scoreOnCorpus(early, (host) => classify(host).verdict === 'lookalike');
    expect(score.recall, `missed: ${score.missed.join(' ')}`).toBeGreaterThanOrEqual(0.965);
  });
});
