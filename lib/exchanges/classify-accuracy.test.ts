/**
 * Recall and false-positive rate of `classify` on the labeled corpus in tests/fixtures/domains:
 * real exchange-targeting phishing hosts against the top 500 sites, MetaMask's whitelist,
 * resemblance traps and the official domains.
 */
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { loadDomainCorpus, scoreOnCorpus } from '../../tests/fixtures/domains/corpus';

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
