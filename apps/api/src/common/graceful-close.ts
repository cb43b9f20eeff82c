// Lets in-flight requests finish on shutdown without waiting for idle keep-alive connections: Node's
// server.close() waits for every connection, and a client's idle keep-alive socket would hold the exit
// for the whole keep-alive timeout (72 s). From the moment closing starts, answers carry
// `Connection: close` and connections are closed as soon as they are idle.
import type { FastifyInstance } from 'fastify';

export function closeConnectionsWhenIdle(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('onSend', async (_req, reply, payload) => {
    if (closing) void reply.header('connection', 'close');
    return payload;
  });
  fastify.addHook('preClose', (done) => {
    closing = true;
    const timer = setInterval(() => fastify.server.closeIdleConnections(), 50);
    fastify.server.once('close', () => clearInterval(timer));
    done();
  });
}
