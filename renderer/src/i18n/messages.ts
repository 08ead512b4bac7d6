/** A translation tree: nested objects of strings (plural forms as `key_one`, `key_other`, …). */
export interface Messages {
  [key: string]: string | Messages;
}

/** Flattened keys with plural suffixes folded, so locales with different plural forms compare. */
export function baseKeys(messages: Messages, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.add(path.replace(/_(zero|one|two|few|many|other)$/, ''));
    else for (const nested of baseKeys(value, path)) keys.add(nested);
  }
  return keys;
}
