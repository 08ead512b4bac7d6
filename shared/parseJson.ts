// Stored JSON read back through its schema: the value, or null when the text is not JSON or not
// that shape (a stored value from another version, a damaged file).
import type { z } from 'zod';

export function parseJsonAs<S extends z.ZodType>(schema: S, text: string): z.infer<S> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
