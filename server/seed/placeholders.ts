import { intBetween, pick, type Random } from './prng';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Fills the corpus placeholders ({first}, {order}, ...) with values fixed for one conversation. */
export function placeholders(random: Random, firstName: string, agentName: string): (text: string) => string {
  const values: Record<string, string> = {
    first: firstName,
    agent: agentName.split(' ')[0] ?? agentName,
    order: `#${intBetween(random, 100_000, 999_999)}`,
    amount: `${pick(random, ['€', '$', '£'])}${intBetween(random, 9, 240)}.${intBetween(random, 10, 99)}`,
    tracking: `JD${intBetween(random, 1000, 9999)} ${intBetween(random, 1000, 9999)} ${intBetween(random, 1000, 9999)}`,
    day: pick(random, WEEKDAYS),
    last4: String(intBetween(random, 1000, 9999)),
  };
  return (text) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
