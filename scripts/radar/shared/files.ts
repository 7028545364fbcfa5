import { access, constants, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Why a file could not be read or written, in plain words, with the system's code for a search. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
  };
  if (code !== undefined) return `${words[code] ?? 'the system refused'} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** Why a text is not JSON, on one line: the parser's message quotes the text, newlines included. */
export function jsonProblem(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
}

export class OutputError extends Error {
  override name = 'OutputError';
}

/**
 * Writes every file or none, as far as the file system allows: each text goes to a temporary file
 * beside its destination (creating the folder), and only when all are written are they renamed into
 * place. A destination that cannot be written, or a write that fails partway (a full disk), leaves
 * every existing file as it was, and no temporary file behind. The renames are one step each, not
 * one for all: should a rename fail after an earlier one succeeded (unlikely, as the destinations
 * are checked first and a rename needs no space), the files before it are already the new ones; the
 * rest keep their old text, and still no temporary file is left.
 */
export async function writeAll(files: readonly { path: string; text: string }[]): Promise<void> {
  for (const { path } of files) {
    const problem = await destinationProblem(path);
    if (problem !== undefined) throw new OutputError(problem);
  }
  const pending: { path: string; temporary: string }[] = [];
  try {
    for (const { path, text } of files) {
      const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      // Listed before writing: a write that fails partway has already created the file.
      pending.push({ path, temporary });
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(temporary, text);
      } catch (error) {
        throw new OutputError(`cannot write ${path}: ${fileProblem(error)}`);
      }
    }
    for (const { path, temporary } of pending) {
      try {
        await rename(temporary, path);
      } catch (error) {
        throw new OutputError(`cannot write ${path}: ${fileProblem(error)}`);
      }
    }
  } finally {
    await Promise.all(pending.map(({ temporary }) => rm(temporary, { force: true })));
  }
}

/**
 * Why a file could not be written at `path`, found before any work is done: the path is a folder,
 * or the nearest folder that exists on the way to it is a file or not writable. Undefined when it looks writable.
 */
export async function destinationProblem(path: string): Promise<string | undefined> {
  const existing = await stat(path).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) return `cannot write ${path}: it is a folder or not a regular file`;
  return nearestFolderProblem(dirname(path), `cannot write ${path}`);
}

/** Why files could not be written into the folder `dir` (made when missing), found before any work is done; undefined when it looks writable. */
export async function folderProblem(dir: string): Promise<string | undefined> {
  return nearestFolderProblem(dir, `cannot write into ${dir}`);
}

/** The nearest path that exists from `start` up must be a writable folder. */
async function nearestFolderProblem(start: string, cannot: string): Promise<string | undefined> {
  let ancestor = start;
  for (;;) {
    const found = await stat(ancestor).catch(() => undefined);
    if (found !== undefined) {
      if (!found.isDirectory()) return `${cannot}: ${ancestor} is a file, not a folder`;
      try {
        await access(ancestor, constants.W_OK);
      } catch (error) {
        return `${cannot}: ${fileProblem(error)}`;
      }
      return undefined;
    }
    const parent = dirname(ancestor);
    if (parent === ancestor) return undefined;
    ancestor = parent;
  }
}
