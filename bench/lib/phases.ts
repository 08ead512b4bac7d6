// Where a step's wall time goes: each mark ends the phase that began at the previous mark (or at
// the start), so start-ups, waits and set-up show beside the measuring itself. Marking the same
// name again adds to it. Reported in the run's output and in its JSON (`stepPhases`).
import { performance } from 'node:perf_hooks';
import { formatNumber } from './format';

export class Phases {
  private readonly seconds = new Map<string, number>();
  private last: number;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.last = now();
  }

  /** Ends the current phase under `name`. */
  mark(name: string): void {
    const t = this.now();
    this.seconds.set(name, (this.seconds.get(name) ?? 0) + (t - this.last) / 1000);
    this.last = t;
  }

  /** Phase name → seconds, in the order the phases first ended. */
  toJSON(): Record<string, number> {
    return Object.fromEntries(this.seconds);
  }

  /** "backend start 1.20 · probes 4.10" (empty when nothing was marked). */
  text(): string {
    return [...this.seconds].map(([name, s]) => `${name} ${formatNumber(s)}`).join(' · ');
  }
}
