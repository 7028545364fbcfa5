/** Paths into a JSON tree, for tests and benches that change one figure or add one key of a signed feed. */
export type JsonPath = (string | number)[];

/** Every number and every object (where a key can be added) under `value`, by path. */
export function walkJson(value: unknown, path: JsonPath, numbers: JsonPath[], objects: JsonPath[]): void {
  if (typeof value === 'number') numbers.push(path);
  if (value === null || typeof value !== 'object') return;
  if (!Array.isArray(value)) objects.push(path);
  for (const [key, inner] of Object.entries(value)) walkJson(inner, [...path, Array.isArray(value) ? Number(key) : key], numbers, objects);
}

export function atPath(root: unknown, path: JsonPath): Record<string | number, unknown> {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<string | number, unknown>;
}
