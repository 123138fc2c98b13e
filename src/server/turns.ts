import type { FastifyReply } from 'fastify';
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
    /** When a refused caller is told to try again. */
    private readonly retryAfter = busyRetrySeconds,
  ) {}

  /**
   * Waits for a turn and returns the function that gives it back (call it once the work is done;
   * further calls do nothing). With `gone`, a caller that leaves while in line (its client hung
   * up) steps out of the line instead of being served to nobody.
   */
  async enter(gone?: AbortSignal): Promise<() => void> {
    if (gone?.aborted) throw Left(this.what);
    if (this.active < this.running) this.active++;
    else if (this.line.length >= this.waiting) throw Busy(this.what, this.retryAfter);
    else
      await new Promise<void>((resolve, reject) => {
        const turn = () => {
          gone?.removeEventListener('abort', leave);
          resolve();
        };
        const leave = () => {
          const at = this.line.indexOf(turn);
          if (at >= 0) this.line.splice(at, 1);
          reject(Left(this.what));
        };
        gone?.addEventListener('abort', leave, { once: true });
        this.line.push(turn);
      });
    let given = false;
    // A finished task hands its place to the next in line, so never more run.
    const done = () => {
      if (given) return;
      given = true;
      const next = this.line.shift();
      if (next) next();
      else this.active--;
    };
    // Left just as its turn came: the turn goes on to the next.
    if (gone?.aborted) {
      done();
      throw Left(this.what);
    }
    return done;
  }

  async run<T>(task: () => Promise<T>, gone?: AbortSignal): Promise<T> {
    const done = await this.enter(gone);
    try {
      return await task();
    } finally {
      done();
    }
  }

  /** How many run and how many wait, for tests and `/health`. */
  get load(): { running: number; waiting: number } {
    return { running: this.active, waiting: this.line.length };
  }
}

/** Seconds a refused caller is told to wait before trying again. */
export const busyRetrySeconds = 5;

const Busy = (what: string, retryAfter: number) =>
  new DomainError(
    'too-many',
    `${what} are busy: too many are being prepared at once. Try again in ${retryAfter} seconds.`,
    [],
    undefined,
    { retryAfter },
  );

/** The caller left the line (its client hung up): nobody is there to be told. */
const Left = (what: string) =>
  new DomainError('too-many', `${what}: the request was abandoned while waiting for its turn.`);

/**
 * Aborts when the client of `reply` hangs up before its answer is complete (the response's
 * `close` comes before its `finish`), or at once if it has already gone (its connection closed
 * while an earlier hook ran), so that work waiting for a turn is not done for nobody.
 */
export function clientGone(reply: FastifyReply): AbortSignal {
  const gone = new AbortController();
  const socket = reply.request.raw.socket;
  if (!socket || socket.destroyed) gone.abort();
  else
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) gone.abort();
    });
  return gone.signal;
}
