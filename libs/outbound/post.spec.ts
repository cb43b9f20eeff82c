// Against receivers on 127.0.0.1 only (allowed explicitly), with a stub resolver for the names.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OutboundGuard, type ResolvedAddress } from './guard';
import { parseNetwork } from './networks';
import { ANSWER_EXCERPT_CHARS, ANSWER_READ_BYTES, OutboundUnreachable, postChecked } from './post';

interface Seen {
  path: string;
  host: string;
  body: string;
}

async function receiver(handle: (req: IncomingMessage, res: ServerResponse, seen: Seen[]) => void): Promise<{ server: Server; port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', host: req.headers.host ?? '', body: Buffer.concat(chunks).toString() });
      handle(req, res, seen);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

describe('postChecked to a loopback receiver', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });
  const started = async (handle: Parameters<typeof receiver>[0]) => {
    const r = await receiver(handle);
    servers.push(r.server);
    return r;
  };
  const asked: string[] = [];
  // The first answer is loopback; any later one (a rebinding attack) is the metadata address.
  const guard = new OutboundGuard({
    allowedNetworks: [parseNetwork('127.0.0.0/8')],
    resolve: (hostname) => {
      asked.push(hostname);
      const address: ResolvedAddress = asked.length === 1 ? { address: '127.0.0.1', family: 4 } : { address: '169.254.169.254', family: 4 };
      return Promise.resolve([address]);
    },
  });
  const loopbackOnly = new OutboundGuard({ allowedNetworks: [parseNetwork('127.0.0.0/8')] });

  it('connects to the checked address only, with the host name in the Host header, resolving once', async () => {
    const r = await started((_req, res) => res.writeHead(202).end('{"ok":true}'));
    const answer = await postChecked(guard, `http://receiver.test:${r.port}/hook?token=abc`, { headers: { 'content-type': 'application/json' }, body: '{"a":1}' }, 2_000);
    expect(answer).toEqual({ status: 202, excerpt: '{"ok":true}' });
    expect(r.seen).toEqual([{ path: '/hook?token=abc', host: `receiver.test:${r.port}`, body: '{"a":1}' }]);
    expect(asked).toEqual(['receiver.test']);
  });

  it('answers a redirect with its status and never follows it', async () => {
    const r = await started((req, res) => {
      if (req.url === '/first') res.writeHead(302, { location: '/second' }).end('moved');
      else res.writeHead(200).end('second');
    });
    const answer = await postChecked(loopbackOnly, `http://127.0.0.1:${r.port}/first`, { headers: {}, body: '{}' }, 2_000);
    expect(answer.status).toBe(302);
    expect(r.seen.map((s) => s.path)).toEqual(['/first']);
  });

  it('reads a few KiB of a huge answer and keeps a short excerpt, scrubbed of the URL', async () => {
    let written = 0;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const r = await started((req, res) => {
      res.writeHead(500);
      res.write(`no hook at ${req.url} `);
      // Up to 50 MB, as fast as the client takes it.
      const pump = () => {
        while (written < 50 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const answer = await postChecked(loopbackOnly, `http://127.0.0.1:${r.port}/hooks/tok_s3cr3t_path`, { headers: {}, body: '{}' }, 5_000);
    expect(answer.status).toBe(500);
    expect(answer.excerpt.length).toBe(ANSWER_EXCERPT_CHARS);
    expect(answer.excerpt.startsWith('no hook at … xxx')).toBe(true);
    // The client stopped reading: the receiver could not push anywhere near all of it.
    expect(written).toBeLessThan(20 * 1024 * 1024);
    expect(ANSWER_READ_BYTES).toBeLessThanOrEqual(8 * 1024);
  });

  it('takes an answer still trickling in at the deadline as it is', async () => {
    const r = await started((_req, res) => {
      res.writeHead(200);
      res.write('partial');
    });
    await expect(postChecked(loopbackOnly, `http://127.0.0.1:${r.port}/slow`, { headers: {}, body: '{}' }, 300)).resolves.toEqual({ status: 200, excerpt: 'partial' });
  });

  it('gives up on a receiver that does not answer within the deadline, and on a closed port', async () => {
    const r = await started(() => undefined);
    const silent = postChecked(loopbackOnly, `http://127.0.0.1:${r.port}/silent`, { headers: {}, body: '{}' }, 300);
    await expect(silent).rejects.toThrow(new OutboundUnreachable('no answer within 300 ms'));
    const closed = await started(() => undefined);
    closed.server.close();
    await expect(postChecked(loopbackOnly, `http://127.0.0.1:${closed.port}/`, { headers: {}, body: '{}' }, 2_000)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
