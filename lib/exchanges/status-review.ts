import type { IsoDate } from './types';

/**
 * The day a person last went through the registry's statuses and incidents against their sources
 * (every citation checked: primary or first-tier press). "No closure or collapse on record" is
 * true of our list as of this day, not of the day it is read or shared: a closure after it is not
 * on the list yet. Move it forward with each such review, never with a release alone.
 */
export const statusReviewedOn: IsoDate = '2026-12-04';
