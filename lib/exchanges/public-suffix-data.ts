/**
 * The public-suffix list as tldts holds it (its `data/trie` module: a flat trie of typed arrays
 * and one string of labels), written as one binary file the extension carries and reads on first
 * use (modules/public-suffix-on-first-use.ts). Layout: a little-endian u32, the byte length of a
 * JSON header; the header; then each array's bytes at a 4-byte-aligned offset the header gives,
 * and the labels as UTF-8. Decoding makes views on the file's own bytes, no copy.
 */

export interface PublicSuffixTrie {
  nodeFlags: Uint8Array;
  edgeStart: Uint16Array;
  edgeLength: Uint8Array;
  edgeChild: Uint16Array;
  labelText: string;
  rulesRoot: number;
  exceptionsRoot: number;
}

type ArrayName = 'nodeFlags' | 'edgeStart' | 'edgeLength' | 'edgeChild';
const ARRAYS: readonly { name: ArrayName; bytes: 1 | 2 }[] = [
  { name: 'nodeFlags', bytes: 1 },
  { name: 'edgeStart', bytes: 2 },
  { name: 'edgeLength', bytes: 1 },
  { name: 'edgeChild', bytes: 2 },
];

interface Header {
  rulesRoot: number;
  exceptionsRoot: number;
  /** Byte offset and element count of each array, in the order of ARRAYS. */
  arrays: [number, number][];
  /** Byte offset and byte length of the labels' UTF-8. */
  labels: [number, number];
}

const align = (offset: number) => (offset + 3) & ~3;

/** Room for the header, padded with spaces (JSON ignores them): the offsets then do not depend on its length. */
const HEADER_ROOM = 252;

export function encodePublicSuffixData(trie: PublicSuffixTrie): Uint8Array {
  const labels = new TextEncoder().encode(trie.labelText);
  let offset = 4 + HEADER_ROOM;
  const arrays = ARRAYS.map(({ name }): [number, number] => {
    const at = offset;
    offset = align(offset + trie[name].byteLength);
    return [at, trie[name].length];
  });
  const header: Header = { rulesRoot: trie.rulesRoot, exceptionsRoot: trie.exceptionsRoot, arrays, labels: [offset, labels.length] };
  const headerText = JSON.stringify(header);
  if (headerText.length > HEADER_ROOM) throw new Error(`public-suffix data: the header needs ${headerText.length} bytes, more than ${HEADER_ROOM}`);
  const out = new Uint8Array(offset + labels.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, HEADER_ROOM, true);
  out.set(new TextEncoder().encode(headerText.padEnd(HEADER_ROOM, ' ')), 4);
  ARRAYS.forEach(({ name }, i) => {
    const array = trie[name];
    const at = arrays[i]![0];
    for (let j = 0; j < array.length; j++) {
      if (array.BYTES_PER_ELEMENT === 1) view.setUint8(at + j, array[j]!);
      else view.setUint16(at + j * 2, array[j]!, true);
    }
  });
  out.set(labels, offset);
  return out;
}

/** Throws, in plain words, on a file that is not a whole, consistent list. */
export function decodePublicSuffixData(buffer: ArrayBuffer): PublicSuffixTrie {
  const fail = (why: string): never => {
    throw new Error(`the public-suffix file is damaged: ${why}`);
  };
  // The arrays are views on the file's bytes in the machine's own order; every browser we ship to runs little-endian.
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) fail('this machine is big-endian');
  if (buffer.byteLength < 4) fail('it is shorter than its header');
  const headerBytes = new DataView(buffer).getUint32(0, true);
  if (4 + headerBytes > buffer.byteLength) fail('it is shorter than its header');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, headerBytes))) as Header;
  } catch {
    return fail('its header is not JSON');
  }
  if (!Array.isArray(header.arrays) || header.arrays.length !== ARRAYS.length || !Array.isArray(header.labels)) fail('its header lacks a part');
  const view = <T>(make: (offset: number, length: number) => T, [offset, length]: [number, number], bytes: number): T => {
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length * bytes > buffer.byteLength || offset % bytes !== 0) fail('a part lies outside the file');
    return make(offset, length);
  };
  const [nodeFlags, edgeStart, edgeLength, edgeChild] = ARRAYS.map(({ bytes }, i) =>
    view((offset, length) => (bytes === 1 ? new Uint8Array(buffer, offset, length) : new Uint16Array(buffer, offset, length)), header.arrays[i]!, bytes),
  ) as [Uint8Array, Uint16Array, Uint8Array, Uint16Array];
  const labelText = view((offset, length) => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(buffer, offset, length)), header.labels, 1);
  const nodes = nodeFlags.length;
  const { rulesRoot, exceptionsRoot } = header;
  if (edgeStart.length !== nodes + 1 || edgeChild.length !== edgeLength.length || edgeStart[nodes] !== edgeLength.length) fail('its parts do not fit together');
  if (!(Number.isInteger(rulesRoot) && rulesRoot >= 0 && rulesRoot < nodes && Number.isInteger(exceptionsRoot) && exceptionsRoot >= 0 && exceptionsRoot < nodes)) fail('its roots are not nodes');
  let labelUnits = 0;
  for (const length of edgeLength) labelUnits += length;
  if (labelUnits !== labelText.length) fail('its labels do not add up');
  for (const child of edgeChild) if (child >= nodes) fail('an edge leads outside the trie');
  return { nodeFlags, edgeStart, edgeLength, edgeChild, labelText, rulesRoot, exceptionsRoot };
}
