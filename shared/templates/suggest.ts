// Suggested replies: the canned messages whose words are closest to the customer's last message.
// Local text similarity only (no network): cosine over word weights, where words rare among the
// canned messages count more (idf); the agent's usage counts lift frequently used replies.

export interface Suggestible {
  id: string;
  title: string;
  category: string;
  body: string;
  uses: number;
}

const STOP_WORDS = new Set(
  ('a an and are as at be but by can could do does for from have hello hi how i if in is it its me my no not of on or our ' +
    'please so that the their them then there these they this to up us was we what when where which who why will with would you your ' +
    'ok okay thanks thank just get got im dont cant also about any all am been being did had has hey into more need still very')
    .split(' '),
);

/** Lower-case words without accents or template variables, lightly stemmed. */
export function words(text: string): string[] {
  return text
    .replace(/\{\{[^{}]*\}\}/g, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w))
    .map(stem);
}

function stem(word: string): string {
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

function counts(list: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of list) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

/**
 * The best `limit` canned messages for `message`, best first; none when nothing shares a word.
 * The title counts twice: it says what the reply is for.
 */
export function suggestReplies<T extends Suggestible>(message: string, canned: readonly T[], limit = 3): T[] {
  const query = counts(words(message));
  if (query.size === 0 || canned.length === 0) return [];
  const docs = canned.map((c) => counts([...words(c.title), ...words(c.title), ...words(c.category), ...words(c.body)]));
  const df = new Map<string, number>();
  for (const doc of docs) for (const w of doc.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(1 + canned.length / (1 + (df.get(w) ?? 0)));
  const norm = (m: Map<string, number>) => Math.sqrt([...m].reduce((sum, [w, n]) => sum + (n * idf(w)) ** 2, 0)) || 1;
  const queryNorm = norm(query);

  const scored = canned.map((c, i) => {
    const doc = docs[i]!;
    let dot = 0;
    for (const [w, n] of query) dot += n * idf(w) * (doc.get(w) ?? 0) * idf(w);
    const similarity = dot / (queryNorm * norm(doc));
    // Usage lifts a relevant reply (log-damped); it never makes an unrelated one relevant.
    return { c, score: similarity * (1 + 0.25 * Math.log1p(Math.max(0, c.uses))) };
  });
  return scored
    .filter((s) => s.score > 0.05)
    .sort((a, b) => b.score - a.score || b.c.uses - a.c.uses || a.c.title.localeCompare(b.c.title))
    .slice(0, limit)
    .map((s) => s.c);
}
