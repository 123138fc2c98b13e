import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

interface Entry {
  body: string;
  /** Compressed once when the answer is built, not on every request (GeoJSON is ~200 KB). */
  gzipped: Buffer | null;
  etag: string;
  revision: number;
}

/**
 * Serialised answers of public read endpoints, kept per process. A write in this process clears
 * them at once; writes from other processes are seen through the revision counter in the
 * database, read at most once per `checkEveryMs` (so another process serves stale data for at
 * most that long).
 */
export class ReadCache {
  private entries = new Map<string, Entry>();
  /** Answers being built: a second request for one waits for it instead of building it again. */
  private building = new Map<string, Promise<Entry>>();
  private revision = -1;
  private reading: Promise<number> | null = null;
  private checkedAt = 0;

  constructor(
    private readonly readRevision: () => Promise<number>,
    private readonly maxEntries = 500,
    private readonly checkEveryMs = 1000,
  ) {}

  invalidate(): void {
    this.entries.clear();
    this.checkedAt = 0;
  }

  private async currentRevision(): Promise<number> {
    const now = Date.now();
    if (!this.reading && now - this.checkedAt >= this.checkEveryMs) {
      this.checkedAt = now;
      this.reading = this.readRevision().finally(() => (this.reading = null));
    }
    // Requests that come while the revision is read wait for it, rather than take the old one.
    if (this.reading) {
      const revision = await this.reading;
      if (revision !== this.revision) {
        this.entries.clear();
        this.revision = revision;
      }
    }
    return this.revision;
  }

  async get(key: string, produce: () => Promise<unknown>): Promise<Entry> {
    const revision = await this.currentRevision();
    const hit = this.entries.get(key);
    if (hit && hit.revision === revision) return hit;
    const pending = this.building.get(`${revision}:${key}`);
    if (pending) return pending;
    const build = this.build(key, revision, produce).finally(() =>
      this.building.delete(`${revision}:${key}`),
    );
    this.building.set(`${revision}:${key}`, build);
    return build;
  }

  private async build(
    key: string,
    revision: number,
    produce: () => Promise<unknown>,
  ): Promise<Entry> {
    const body = JSON.stringify(await produce());
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const gzipped = body.length > 1024 ? gzipSync(body) : null;
    const entry = { body, gzipped, etag, revision };
    if (this.entries.size >= this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    return entry;
  }
}

/** Sends a cached answer, or 304 when the client already holds it. */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: { body: string; gzipped: Buffer | null; etag: string },
  contentType = 'application/json; charset=utf-8',
): void {
  reply.header('etag', entry.etag);
  reply.header('cache-control', 'public, max-age=0, must-revalidate');
  if (request.headers['if-none-match'] === entry.etag) {
    void reply.code(304).send();
    return;
  }
  reply.header('vary', 'accept-encoding');
  const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (entry.gzipped && acceptsGzip) {
    void reply.code(200).type(contentType).header('content-encoding', 'gzip').send(entry.gzipped);
    return;
  }
  void reply.code(200).type(contentType).send(entry.body);
}

/** A revision given as text (a count and a timestamp) as the number ReadCache compares. */
export function hashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}
