import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/** The turn a request's body holds, from its preParsing hook until its handler takes it. */
const heldForBody = new WeakMap<FastifyRequest, () => void>();

/**
 * For a large body (an upload): in the route's `preParsing` hook, waits for a turn before a byte
 * of the body is read, so the next bodies wait unread. Until the handler takes the turn over
 * (`takeTurnOfBody`), a client that goes gives it back, and one that sends nothing for `idleMs`
 * is dropped.
 */
export async function holdTurnForBody(
  request: FastifyRequest,
  reply: FastifyReply,
  turns: Turns,
  idleMs: number,
): Promise<void> {
  const release = await turns.enter(clientGone(reply));
  heldForBody.set(request, release);
  reply.raw.once('close', () => {
    if (heldForBody.get(request) !== release) return;
    heldForBody.delete(request);
    release();
  });
  watchIdle(request, idleMs);
}

/**
 * In the handler: the turn held for the request's body, now the handler's to give back when its
 * work is done (however long, even if the client hangs up meanwhile). Throws when the client went
 * between its last byte and now: its turn has gone on to the next.
 */
export function takeTurnOfBody(request: FastifyRequest, what: string): () => void {
  const release = heldForBody.get(request);
  heldForBody.delete(request);
  if (!release) throw Left(what);
  watchIdle(request, 0); // the body is here: the client now only waits
  return release;
}

/**
 * Drops the connection of `request` after `ms` without a byte from its client (0: never): Node's
 * server destroys a socket whose idle time runs out when nobody listens for it, as here. A request
 * injected in-process (light-my-request, in tests) has no real socket to watch.
 */
function watchIdle(request: FastifyRequest, ms: number): void {
  const socket = request.raw.socket as Partial<Socket> | undefined;
  if (typeof socket?.setTimeout === 'function') socket.setTimeout(ms);
}

/**
 * Validates the query string now, as fastify would after the body: for an upload, a mistyped
 * parameter is told before the body has been received, not after.
 */
export function validateQueryNow(request: FastifyRequest): void {
  const validate = request.getValidationFunction('querystring');
  if (validate && !validate(request.query))
    throw Object.assign(new Error('The query string is not valid.'), {
      validation: validate.errors,
      validationContext: 'querystring',
    });
}
