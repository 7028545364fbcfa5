/**
 * How long the hand-written TypeScript files are: the house rule is no source file over
 * `SOURCE_LINE_LIMIT` lines, data tables aside. `scripts/source-size.test.ts` holds the named
 * exceptions and fails on any other file over the limit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const SOURCE_LINE_LIMIT = 400;

/**
 * Folders never read: dependencies, and what tools generate (`.wxt` types, `.output` builds,
 * `dist-embed`, `.vitest` caches; every folder whose name starts with a dot is a tool's).
 */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist-embed', 'tmp']);

/** Lines as `wc -l` counts them: a last line without its newline still counts. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Every `.ts`/`.tsx` file below `root` (paths relative to it, with `/`) and its line count, in path order. */
export function sourceFileLines(root: string): { path: string; lines: number }[] {
  const found: { path: string; lines: number }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) walk(path);
      } else if (entry.isFile() && /\.tsx?$/.test(entry.name)) {
        found.push({ path: relative(root, path).split('\\').join('/'), lines: lineCount(readFileSync(path, 'utf8')) });
      }
    }
  };
  walk(root);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The files over the limit that are not excepted, each as "path: N lines"; and the exceptions
 * that are no longer needed (the file is gone or back within the limit), so the list stays true.
 */
export function sourceSizeProblems(root: string, exceptions: Readonly<Record<string, string>>, limit = SOURCE_LINE_LIMIT): { tooLong: string[]; staleExceptions: string[] } {
  const files = sourceFileLines(root);
  const tooLong = files.filter((file) => file.lines > limit && exceptions[file.path] === undefined).map((file) => `${file.path}: ${file.lines} lines`);
  const staleExceptions = Object.keys(exceptions).filter((path) => !files.some((file) => file.path === path && file.lines > limit));
  return { tooLong, staleExceptions };
}
