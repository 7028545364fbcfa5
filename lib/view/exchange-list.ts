import { compareWorstFirst } from '../risk/order';
import type { ExchangeView } from './exchange-view';

export type ExchangeSort = 'level' | 'coverage' | 'own-token';

export interface FilterExchangesParameters {
  views: readonly ExchangeView[];
  query: string;
  sort: ExchangeSort;
}

/**
 * The popup's list: search by name or id, then sort. Sorting by a figure puts exchanges without
 * that figure last, never first: unknown is not good.
 */
export function filterExchanges({ views, query, sort }: FilterExchangesParameters): ExchangeView[] {
  // Only a blank query is no query: one that folds to nothing (punctuation alone) matches nothing.
  const needle = normalize(query);
  const found =
    query.trim() === ''
      ? [...views]
      : needle === ''
        ? []
        : views.filter((view) => normalize(view.name).includes(needle) || normalize(view.id).includes(needle) || normalize(view.homeDomain).includes(needle));
  const byName = (a: ExchangeView, b: ExchangeView) => a.name.localeCompare(b.name, 'en');
  switch (sort) {
    case 'level':
      // Worst first: danger, caution, unknown, ok; complete before incomplete, worse grade first, then by name.
      return found.sort((a, b) => compareWorstFirst(a.verdict, b.verdict) || byName(a, b));
    case 'coverage':
      return found.sort((a, b) => descendingKnownFirst(coverage(a), coverage(b)) || byName(a, b));
    case 'own-token':
      return found.sort((a, b) => ascendingKnownFirst(ownShare(a), ownShare(b)) || byName(a, b));
  }
}

const coverage = (view: ExchangeView) => view.verdict.metrics.reserveCoverage?.lowestMajor?.ratio;
const ownShare = (view: ExchangeView) => view.verdict.metrics.concentration?.ownTokenShare;

function descendingKnownFirst(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined) return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
  return b - a;
}

function ascendingKnownFirst(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined) return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
  return a - b;
}

/**
 * The letters and digits of any script, case and accents folded: upper then lower case folds
 * Turkish ı and İ, ß and the like to what a Latin keyboard types; NFKD splits accents off (and
 * full-width letters to plain ones), and whatever is not a letter or digit, the accents included, goes.
 */
function normalize(text: string): string {
  return text
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '');
}
