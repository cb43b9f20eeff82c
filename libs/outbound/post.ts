// One POST to a checked destination: the connection goes only to the addresses the guard checked (the
// host name still names TLS and the Host header), redirects are answered, never followed, and at most a
// few KiB of the answer are read within the deadline.

import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedDestination, OutboundGuard } from './guard';
import { scrubUrl } from './redact';

/** How much of a receiver's answer is read at most; the rest is never downloaded. */
export const ANSWER_READ_BYTES = 4096;
/** How much of it is kept (stored, shown and carried in Temporal payloads). */
export const ANSWER_EXCERPT_CHARS = 300;

export interface PostAnswer {
  status: number;
  /** The start of the answer, URL parts beyond the host scrubbed out. */
  excerpt: string;
}

/** The attempt did not get an answer: `code` is the socket error (ECONNREFUSED …) or TIMEOUT. */
export class OutboundUnreachable extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'OutboundUnreachable';
  }
}

/** A lookup that answers with the checked addresses only, whatever the host name resolves to now. */
function pinnedLookup(dest: CheckedDestination): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, dest.addresses);
    else callback(null, dest.addresses[0].address, dest.addresses[0].family);
  };
}

export function excerptOf(raw: Buffer, url: string): string {
  const text = raw.toString('utf8').replace(/\uFFFD+$/, ''); // a character cut at the read limit
  return scrubUrl(text, url).slice(0, ANSWER_EXCERPT_CHARS);
}

export function postPinned(dest: CheckedDestination, request: { headers: Record<string, string>; body: string }, timeoutMs: number): Promise<PostAnswer> {
  const { url } = dest;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<PostAnswer>((resolve, reject) => {
    let settled = false;
    // Called from events only, after the deadline below exists.
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      fn();
    };
    const req = client.request({
      method: 'POST',
      hostname: dest.hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: { ...request.headers, host: url.host, 'content-length': String(Buffer.byteLength(request.body)) },
      lookup: pinnedLookup(dest),
      // A connection of its own: a pooled socket could lead to an address checked for an earlier attempt.
      agent: false,
    });
    // Set once the status arrives: at the deadline, an answer still trickling in is taken as it is.
    let answered: (() => void) | undefined;
    // One deadline for connecting, sending and reading the answer.
    const deadline = setTimeout(() => {
      if (answered) answered();
      else finish(() => reject(new OutboundUnreachable(`no answer within ${timeoutMs} ms`)));
      req.destroy();
    }, timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => finish(() => reject(new OutboundUnreachable(err.code ?? err.message))));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        finish(() => resolve({ status: res.statusCode ?? 0, excerpt: excerptOf(Buffer.concat(chunks).subarray(0, ANSWER_READ_BYTES), url.href) }));
        // Whatever is left of the answer is never read.
        req.destroy();
      };
      answered = done;
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= ANSWER_READ_BYTES) done();
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.end(request.body);
  });
}

/**
 * Checks the URL (throws OutboundRefusal before any connection when it may not be reached), then posts to
 * the checked addresses (throws OutboundUnreachable when no answer comes).
 */
export async function postChecked(guard: OutboundGuard, url: string, request: { headers: Record<string, string>; body: string }, timeoutMs: number): Promise<PostAnswer> {
  return postPinned(await guard.check(url), request, timeoutMs);
}
