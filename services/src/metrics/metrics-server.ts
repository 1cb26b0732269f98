/**
 * The `/metrics` endpoint of a process, for Prometheus: prom-client's default registry, with Node's default
 * metrics and a `process` label (intake, starter, worker, review) on every series. A small node:http server on
 * its own port (METRICS_HOST/METRICS_PORT), so it needs no login and never shares a port with the product's routes.
 */
import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, register } from 'prom-client';

export interface MetricsEndpoint {
  host: string;
  /** The bound port (the configured one, or the one the system chose for 0). */
  port: number;
  stop(): Promise<void>;
}

let defaultsCollected = false;

/** Labels every series with the process name and turns on Node's default metrics (once per process). */
export function labelProcessMetrics(processName: string): void {
  register.setDefaultLabels({ process: processName });
  if (!defaultsCollected) {
    collectDefaultMetrics({ register });
    defaultsCollected = true;
  }
}

export async function startMetricsServer(processName: string, options: { host: string; port: number }): Promise<MetricsEndpoint> {
  labelProcessMetrics(processName);
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    register.metrics().then(
      (body) => res.writeHead(200, { 'content-type': register.contentType }).end(body),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  return {
    host: options.host,
    port: typeof address === 'object' && address ? address.port : options.port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
