import type { PorReport } from '../../reserves/schema';

/** One request an adapter makes: the same for every build, nothing in it depends on a user. */
export interface AdapterRequest {
  /** Names the answer for `parse` and for the recordings (`info`, `coins`, `page`). */
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  /** JSON body of a POST. */
  body?: string;
}

/** A raw answer as it arrived: the text, when it was fetched, and the SHA-256 of its bytes. */
export interface RawAnswer {
  name: string;
  url: string;
  text: string;
  fetchedAt: string;
  sha256: string;
}

/** What an adapter reads out of its answers: reports, newest first, in the feed's own model. */
export type AdapterReport = PorReport & {
  attestor?: string;
  merkleRoot?: string;
  publishedDate?: string;
};

/**
 * One exchange's machine-readable PoR publication. `parse` is pure and throws `DataSourceError`
 * on any answer it does not recognise; the builder turns that into a failed adapter and keeps the
 * exchange's last good record.
 */
export interface PorAdapter {
  exchange: string;
  requests: readonly AdapterRequest[];
  parse(answers: readonly RawAnswer[]): AdapterReport[];
}
