import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../../src/server/app.ts';
import type { Agent } from './testApp.ts';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The port of an app listening on 127.0.0.1 (it is started on a free one if it is not yet). */
export async function portOf(app: App): Promise<number> {
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

/**
 * A request over a real connection that announces `length` bytes of body and sends `first` of
 * them: what a server answers before the rest comes, it answered without reading the body. The
 * rest is sent by `finish`; `hangUp` drops the connection.
 */
export function partialUpload(options: {
  port: number;
  method: 'POST' | 'PUT';
  path: string;
  contentType: string;
  agent: Agent;
  length: number;
  first: string | Buffer;
}) {
  const request = httpRequest({
    host: '127.0.0.1',
    port: options.port,
    method: options.method,
    path: options.path,
    headers: {
      'content-type': options.contentType,
      'content-length': String(options.length),
      cookie: Object.entries(options.agent.cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
      'x-csrf-token': options.agent.csrf,
    },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    request.on('error', reject);
  });
  request.write(options.first);
  return {
    answer,
    finish: (rest: string | Buffer) => request.end(rest),
    hangUp: () => request.destroy(),
  };
}
