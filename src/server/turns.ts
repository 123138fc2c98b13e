import { DomainError } from '../domain/errors.ts';

/**
 * Work that holds the CPU (a spreadsheet, a PDF, a password hash) takes turns: at most `running`
 * at once, the next `waiting` in line in their order of arrival, and any beyond them refused at
 * once (429 with Retry-After) rather than left to pile up. Ten exports at once on the embedded
 * database starved every other request, `/health` included, for as long as they ran.
 */
export class Turns {
  private active = 0;
  private readonly line: (() => void)[] = [];

  constructor(
    private readonly running: number,
    private readonly waiting = Number.POSITIVE_INFINITY,
    /** What a refusal says: the work, in English ("Exports"). */
    private readonly what = 'Requests of this kind',
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.running) this.active++;
    else if (this.line.length >= this.waiting) throw Busy(this.what);
    // A finished task hands its place to the next in line (see `finally`), so never more run.
    else await new Promise<void>((resolve) => this.line.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.line.shift();
      if (next) next();
      else this.active--;
    }
  }

  /** How many run and how many wait, for tests and `/health`. */
  get load(): { running: number; waiting: number } {
    return { running: this.active, waiting: this.line.length };
  }
}

/** Seconds a refused caller is told to wait before trying again. */
export const busyRetrySeconds = 5;

const Busy = (what: string) =>
  new DomainError(
    'too-many',
    `${what} are busy: too many are being prepared at once. Try again in ${busyRetrySeconds} seconds.`,
    [],
    undefined,
    { retryAfter: busyRetrySeconds },
  );
