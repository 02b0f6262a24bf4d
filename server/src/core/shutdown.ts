import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/**
 * Stops accepting connections and waits for the requests in flight; after `timeoutMs` the
 * connections still open are cut and the close goes on. Requests arriving meanwhile on a kept-alive
 * connection get Fastify's 503.
 */
export async function closeServer(app: FastifyInstance, timeoutMs: number): Promise<void> {
  const closing = app.close();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), timeoutMs);
  });
  const outcome = await Promise.race([closing.then(() => 'closed' as const), expired]);
  clearTimeout(timer);
  if (outcome === 'expired') {
    app.log.warn(`停止超时（${Math.round(timeoutMs / 1000)} 秒），强制断开仍未完成的请求`);
    app.server.closeAllConnections();
    await closing;
  }
}

/**
 * Runs `shutdown` once on the first SIGTERM/SIGINT (a second signal while it runs does nothing);
 * a failure during shutdown exits non-zero.
 */
export function onStopSignal(log: FastifyBaseLogger, shutdown: (signal: string) => Promise<void>) {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    shutdown(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        log.fatal({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

/**
 * A bug that escaped every handler leaves the process in an unknown state: log it and exit
 * non-zero, so the supervisor (npm start, systemd, Kubernetes) starts a fresh one.
 */
export function exitOnFatal(log: FastifyBaseLogger) {
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'uncaught exception');
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    log.fatal({ err: reason }, 'unhandled rejection');
    process.exit(1);
  });
}
