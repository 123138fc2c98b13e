import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import Fastify from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { describe, expect, it } from 'vitest';
import { violationsOf } from '../../src/server/problem.ts';
import { ReadCache } from '../../src/server/readCache.ts';
import { Throttle } from '../../src/server/throttle.ts';
import { clientGone, Turns } from '../../src/server/turns.ts';
import { clientSections } from '../../src/server/clientSections.ts';
import { registerWeb } from '../../src/server/web.ts';

describe('validation violations', () => {
  it('names the missing field and the unknown one', () => {
    const violations = violationsOf(
      [
        { instancePath: '', keyword: 'required', params: { missingProperty: 'email' } },
        {
          instancePath: '',
          keyword: 'additionalProperties',
          params: { additionalProperty: 'isAdmin' },
        },
        {
          instancePath: '/page',
          keyword: 'minimum',
          params: { comparison: '>=', limit: 1 },
          message: 'must be >= 1',
        },
        { instancePath: '/kind', keyword: 'enum', params: { allowedValues: ['goal', 'action'] } },
        {
          instancePath: '/title',
          keyword: 'minLength',
          params: { limit: 1 },
          message: 'too short',
        },
        { instancePath: '/x', keyword: 'someKeyword', params: {}, message: 'is odd' },
      ],
      'body',
    );
    // In English, and as a code (with its params) for a page to say in its reader's language.
    expect(violations).toEqual([
      { field: 'body.email', reason: 'is required', code: 'required' },
      { field: 'body.isAdmin', reason: 'is not a known field', code: 'unknownField' },
      { field: 'body.page', reason: 'must be >= 1', code: 'minimum', params: { limit: 1 } },
      {
        field: 'body.kind',
        reason: 'must be one of: goal, action',
        code: 'enum',
        params: { values: 'goal, action' },
      },
      {
        field: 'body.title',
        reason: 'too short',
        code: 'minLength',
        params: { count: 1 },
      },
      { field: 'body.x', reason: 'is odd' },
    ]);
  });
});

describe('login throttle', () => {
  it('allows up to the limit within the window, then refuses, then forgets', () => {
    const throttle = new Throttle(2, 1000);
    expect(throttle.exhausted('ip', 0)).toBe(false);
    throttle.count('ip', 0);
    expect(throttle.exhausted('ip', 10)).toBe(false);
    throttle.count('ip', 10);
    expect(throttle.exhausted('ip', 20)).toBe(true);
    expect(throttle.exhausted('other', 20)).toBe(false);
    expect(throttle.exhausted('ip', 2000)).toBe(false);
  });
});

describe('read cache', () => {
  it('serves the same bytes until the revision changes', async () => {
    let revision = 1;
    let produced = 0;
    const cache = new ReadCache(async () => revision, 10, 0);
    const produce = async () => ({ n: ++produced });
    const first = await cache.get('k', produce);
    expect((await cache.get('k', produce)).etag).toBe(first.etag);
    revision = 2;
    const after = await cache.get('k', produce);
    expect(after.body).toBe('{"n":2}');
    expect(after.etag).not.toBe(first.etag);
  });

  it('builds an answer once for requests that ask for it at the same time', async () => {
    let produced = 0;
    const cache = new ReadCache(async () => 1, 10, 60_000);
    const slow = async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { n: ++produced };
    };
    const answers = await Promise.all([cache.get('k', slow), cache.get('k', slow)]);
    expect(produced).toBe(1);
    expect(answers[1]).toBe(answers[0]);
    expect((await cache.get('k', slow)).body).toBe('{"n":1}');
  });

  it('forgets everything when invalidated by a local write', async () => {
    let produced = 0;
    const cache = new ReadCache(async () => 1, 10, 60_000);
    await cache.get('k', async () => ++produced);
    cache.invalidate();
    await cache.get('k', async () => ++produced);
    expect(produced).toBe(2);
  });
});

describe('counting only wrong logins', () => {
  it('tells when an address has used up its attempts, and how long to wait', () => {
    const throttle = new Throttle(2, 60_000);
    expect(throttle.exhausted('ip', 0)).toBe(false);
    throttle.count('ip', 0);
    throttle.count('ip', 10_000);
    expect(throttle.exhausted('ip', 20_000)).toBe(true);
    expect(throttle.exhausted('other', 20_000)).toBe(false);
    // The first attempt leaves the window at 60 s: 40 s from 20 s.
    expect(throttle.secondsToWait('ip', 20_000)).toBe(40);
    expect(throttle.exhausted('ip', 60_000)).toBe(false);
  });
});

describe('configuration of the login throttle', () => {
  it('reads the attempts per address from the environment, 30 by default', () => {
    expect(loadConfig({}).loginAttemptsPerAddress).toBe(30);
    expect(loadConfig({ METROPLAN_LOGIN_ATTEMPTS_PER_ADDRESS: '5' }).loginAttemptsPerAddress).toBe(
      5,
    );
    expect(() => loadConfig({ METROPLAN_LOGIN_ATTEMPTS_PER_ADDRESS: 'many' })).toThrow(
      'METROPLAN_LOGIN_ATTEMPTS_PER_ADDRESS must be a positive integer',
    );
  });
});

describe('the built web client', () => {
  it('sends the compressed copy of an asset the browser accepts, and the plain file otherwise', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'metroplan-web-'));
    try {
      mkdirSync(path.join(root, 'assets'));
      writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Metroplan</title>');
      const css = 'body { color: #1a1a1a; }\n'.repeat(200);
      writeFileSync(path.join(root, 'assets', 'index-abc.css'), css);
      writeFileSync(path.join(root, 'assets', 'index-abc.css.br'), brotliCompressSync(css));
      const app = Fastify();
      await registerWeb(app, root);
      const br = await app.inject({
        url: '/assets/index-abc.css',
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(br.statusCode).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toContain('immutable');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(css);
      const plain = await app.inject({ url: '/assets/index-abc.css' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(css);
      await app.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('answers 404 outside the pages of the client, with the client to say so', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'metroplan-web-'));
    try {
      writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Metroplan</title>');
      const app = Fastify();
      await registerWeb(app, root);
      const status = async (url: string) => {
        const res = await app.inject({ url });
        expect(res.body).toContain('<title>Metroplan</title>');
        return res.statusCode;
      };
      expect(await status('/')).toBe(200);
      expect(await status('/comuni/015146')).toBe(200);
      expect(await status('/piano/psttm/versioni/1/matrice?x=1')).toBe(200);
      expect(await status('/nowhere')).toBe(404);
      expect(await status('/comunis')).toBe(404);
      expect(await status('/pnrr?mission=M1')).toBe(200);
      expect(await status('/%70rogetti')).toBe(200);
      await app.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("the sections of the client's pages", () => {
  it('are the first segments of the paths in the route files, and no others', () => {
    // Read as text: importing the route tables would need the UI kit, published for bundlers only.
    // Paths nested under another (the reserved area's pages, a version's tabs) are named here, so
    // that a new page at the top, which the server must know, fails this test until it is added.
    const nested = new Set([
      'utenti',
      'unita-organizzative',
      'registro-attivita',
      'importazioni',
      'collegamenti',
      'matrice',
      'atti',
      'modifiche',
      '*',
    ]);
    const first = new Set<string>();
    for (const file of [
      'app/routes.tsx',
      'modules/plan/routes.tsx',
      'modules/projects/routes.tsx',
    ]) {
      const text = readFileSync(path.join('src/web', file), 'utf8');
      const constants = new Map(
        [...text.matchAll(/const (\w+) = '([^']+)'/g)].map(([, name, value]) => [name!, value!]),
      );
      for (const [, literal, name] of text.matchAll(/path: (?:['`]([^'`]+)['`]|(\w+))/g)) {
        const value = (literal ?? constants.get(name!) ?? name!).replace(
          /\$\{(\w+)\}/g,
          (_, c: string) => constants.get(c) ?? c,
        );
        first.add(value.split('/')[0]!);
      }
    }
    // `zone` is both a public section and a page of the reserved area.
    for (const name of nested) first.delete(name);
    expect([...first].sort()).toEqual([...clientSections].sort());
  });
});

describe('work that takes turns', () => {
  it('runs so many at once, queues the next in order, and refuses the rest at once', async () => {
    const turns = new Turns(2, 1, 'Exports');
    const started: number[] = [];
    const finish: (() => void)[] = [];
    const task = (n: number) => () =>
      new Promise<number>((resolve) => {
        started.push(n);
        finish[n] = () => resolve(n);
      });
    const runs = [1, 2, 3].map((n) => turns.run(task(n)));
    await expect(turns.run(task(4))).rejects.toMatchObject({
      kind: 'too-many',
      params: { retryAfter: 5 },
    });
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    expect(turns.load).toEqual({ running: 2, waiting: 1 });
    finish[2]!();
    expect(await runs[1]).toBe(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1, 2, 3]);
    expect(turns.load).toEqual({ running: 2, waiting: 0 });
    finish[1]!();
    finish[3]!();
    expect(await Promise.all(runs)).toEqual([1, 2, 3]);
    expect(turns.load).toEqual({ running: 0, waiting: 0 });
  });

  it('lets a caller whose client hung up leave the line, and serves the next one', async () => {
    const turns = new Turns(1, 2, 'Imports');
    const done = await turns.enter();
    const gone = new AbortController();
    const leaving = turns.enter(gone.signal);
    const staying = turns.enter();
    expect(turns.load).toEqual({ running: 1, waiting: 2 });
    gone.abort();
    await expect(leaving).rejects.toMatchObject({ kind: 'too-many' });
    expect(turns.load).toEqual({ running: 1, waiting: 1 });
    done();
    done(); // a second call gives nothing back twice
    const next = await staying;
    expect(turns.load).toEqual({ running: 1, waiting: 0 });
    next();
    expect(turns.load).toEqual({ running: 0, waiting: 0 });
    // A caller already gone does not queue at all.
    await expect(turns.enter(AbortSignal.abort())).rejects.toMatchObject({ kind: 'too-many' });
    expect(turns.load).toEqual({ running: 0, waiting: 0 });
  });

  it('passes the turn on when its caller left just as the turn came', async () => {
    const turns = new Turns(1, 2);
    const first = await turns.enter();
    const gone = new AbortController();
    const leaving = turns.enter(gone.signal);
    const next = turns.enter();
    first(); // the turn goes to `leaving`, whose client hangs up before it resumes
    gone.abort();
    await expect(leaving).rejects.toMatchObject({ kind: 'too-many' });
    const third = await next;
    expect(turns.load).toEqual({ running: 1, waiting: 0 });
    third();
    expect(turns.load).toEqual({ running: 0, waiting: 0 });
  });

  it('tells a refused caller when to come back, as the kind of work says', async () => {
    const turns = new Turns(1, 0, 'Imports', 60);
    const done = await turns.enter();
    await expect(turns.enter()).rejects.toMatchObject({
      kind: 'too-many',
      params: { retryAfter: 60 },
      message: expect.stringContaining('Try again in 60 seconds'),
    });
    done();
  });

  it('knows a client gone before it asked, one that hangs up, and one that was answered', () => {
    const reply = (destroyed: boolean) => {
      const raw = Object.assign(new EventEmitter(), { writableFinished: false });
      return { raw, request: { raw: { socket: { destroyed } } } };
    };
    const early = reply(true);
    expect(clientGone(early as never).aborted).toBe(true);
    const hangingUp = reply(false);
    const hungUp = clientGone(hangingUp as never);
    expect(hungUp.aborted).toBe(false);
    hangingUp.raw.emit('close');
    expect(hungUp.aborted).toBe(true);
    const answered = reply(false);
    const served = clientGone(answered as never);
    answered.raw.writableFinished = true;
    answered.raw.emit('close');
    expect(served.aborted).toBe(false);
  });

  it('hands the place on when a task fails', async () => {
    const turns = new Turns(1);
    await expect(turns.run(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(await turns.run(() => Promise.resolve('next'))).toBe('next');
    expect(turns.load).toEqual({ running: 0, waiting: 0 });
  });
});
