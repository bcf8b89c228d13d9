/**
 * Child rows grouped by their parent's key, in their original order. Mapping N parents each with
 * `children.filter(...)` is quadratic: at a few thousand messages that alone costs tens of
 * milliseconds on every `afterview today`.
 */
export function groupRows<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
