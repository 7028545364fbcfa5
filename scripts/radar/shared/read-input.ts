import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { fileProblem } from './files';

export interface ReadInputParameters {
  /** The path a user gave, or "-" for standard input. */
  file: string;
  stdin: Readable;
  /** The most the command takes: the extension's own limit for the same document. */
  maxBytes: number;
  /** Why a larger input is refused, in the words the extension uses for the same refusal. */
  tooLarge: string;
}

export type ReadInputReturnType = { ok: true; bytes: Uint8Array; source: string } | { ok: false; problem: string };

/** What a read asks of the file at a time. */
const CHUNK = 64 * 1024;

/**
 * A file a user names, or standard input for "-", read whole only when it is no larger than
 * `maxBytes`. A regular file is refused by the size the file system gives, before any of it is
 * read; what has no size to give (a pipe, /dev/zero, a file that grows while it is read) is read
 * no further than one byte past the limit. A command reading a huge file by mistake thus
 * answers at once, instead of filling the memory first. Never throws: the problem is one line
 * in plain words, naming the file.
 */
export async function readInput({ file, stdin, maxBytes, tooLarge }: ReadInputParameters): Promise<ReadInputReturnType> {
  const source = file === '-' ? 'standard input' : file;
  try {
    const bytes = file === '-' ? await readStream(stdin, maxBytes) : await readPath(file, maxBytes);
    if (bytes === undefined) return { ok: false, problem: `${source}: ${tooLarge.replace(/\.$/, '')}` };
    return { ok: true, bytes, source };
  } catch (error) {
    return { ok: false, problem: `cannot read ${source}: ${fileProblem(error)}` };
  }
}

/** The file's bytes, or undefined when it holds more than `maxBytes`. */
async function readPath(path: string, maxBytes: number): Promise<Uint8Array | undefined> {
  const handle = await open(path, 'r');
  try {
    // The size of the file opened, not of whatever the path names a moment later.
    const found = await handle.stat();
    if (found.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
    if (found.isFile() && found.size > maxBytes) return undefined;
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const want = Math.min(CHUNK, maxBytes + 1 - total);
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(want), 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    return total > maxBytes ? undefined : new Uint8Array(Buffer.concat(chunks, total));
  } finally {
    await handle.close();
  }
}

/** The stream's bytes, or undefined as soon as it has given more than `maxBytes`; it is then left, unread to its end. */
async function readStream(stream: Readable, maxBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += buffer.length;
    if (total > maxBytes) return undefined;
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

/** The bytes as text, as `readFile(path, 'utf8')` gives it: a byte-order mark kept, a broken sequence replaced. */
export function inputText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
