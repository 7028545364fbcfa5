/**
 * JSON with object keys sorted at every depth, two-space indent and a trailing newline, so
 * that rebuilding `data/snapshot.json` from the same facts gives the same bytes and a diff
 * shows only what changed. Array order is kept: it carries meaning (largest token first).
 */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // No prototype: a "__proto__" key read from JSON stays an own key here, and so in the output.
  const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) {
    const inner = (value as Record<string, unknown>)[key];
    if (inner !== undefined) sorted[key] = sortKeys(inner);
  }
  return sorted;
}
