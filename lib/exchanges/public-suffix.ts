/**
 * Resolves once the public-suffix list tldts reads is in memory. Here (unit tests, the command
 * line) tldts carries its list itself: nothing to wait for. The extension's build replaces this
 * module (modules/public-suffix-on-first-use.ts): there the list is a file of the extension,
 * read on the first call, and the promise rejects, in plain words, when it cannot be read.
 * Call it before anything that may reach tldts (see `classifyReady`).
 */
export function publicSuffixReady(): Promise<void> {
  return Promise.resolve();
}
