/**
 * Temporal over TLS and mTLS: Temporal's dev server (the stack's) has no TLS of its own, so a TLS terminator
 * (node:tls, HTTP/2 by ALPN, a certificate for `localhost` signed by a CA made here with openssl, client
 * certificates of that CA required) stands in front of its gRPC port, as a frontend with TLS or a proxy would. The
 * clients the processes open — Connection (starter, review, worker's client) and NativeConnection (worker) — with
 * `tls: temporalTlsOf(config)` from the schema's TEMPORAL_TLS_* reach the real server through it; with another CA, or
 * without the client certificate, they do not.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { loadStarterConfig } from '../../services/src/config/starter-config';
import { temporalTlsOf } from '../../services/src/config/tls-env';
import { createTestCa, type TestCa } from '../support/test-ca';

jest.setTimeout(60_000);

let ca: TestCa;
let wrongCa: TestCa;
let client: { certFile: string; keyFile: string };
let terminator: tls.Server;
let address = '';
const upstream = (process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233').split(':');

beforeAll(async () => {
  ca = createTestCa('temporal');
  wrongCa = createTestCa('temporal-wrong');
  const server = ca.issue('server', { cn: 'localhost', altNames: ['DNS:localhost'] });
  client = ca.issue('client', { cn: 'replique-worker', client: true });
  terminator = tls.createServer({
    cert: readFileSync(server.certFile), key: readFileSync(server.keyFile), ca: readFileSync(ca.caFile),
    requestCert: true, rejectUnauthorized: true, ALPNProtocols: ['h2'],
  }, (socket) => {
    const server = net.connect(Number(upstream[1]), upstream[0]);
    socket.pipe(server).pipe(socket);
    socket.on('error', () => server.destroy());
    server.on('error', () => socket.destroy());
  });
  terminator.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => terminator.listen(0, '127.0.0.1', resolve));
  address = `localhost:${(terminator.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => terminator?.close(resolve));
  ca?.remove();
  wrongCa?.remove();
});

const tlsOf = (env: Record<string, string>) => temporalTlsOf(loadStarterConfig({ TEMPORAL_ADDRESS: address, ...env }));
const mtls = () => ({ TEMPORAL_TLS: 'true', TEMPORAL_TLS_CA_FILE: ca.caFile, TEMPORAL_TLS_CERT_FILE: client.certFile, TEMPORAL_TLS_KEY_FILE: client.keyFile });

test('mTLS with the CA and the client certificate: the client and the worker\'s native connection reach the server', async () => {
  const connection = await Connection.connect({ address, tls: tlsOf(mtls()), connectTimeout: 10_000 });
  try {
    const info = await connection.workflowService.getSystemInfo({});
    expect(info.capabilities).toBeTruthy();
  } finally {
    await connection.close();
  }
  const native = await NativeConnection.connect({ address, tls: tlsOf(mtls()) });
  await native.close();
});

test('another CA, or no client certificate: no connection', async () => {
  await expect(Connection.connect({ address, tls: tlsOf({ ...mtls(), TEMPORAL_TLS_CA_FILE: wrongCa.caFile }), connectTimeout: 5_000 })
    .then((c) => c.workflowService.getSystemInfo({}))).rejects.toThrow();
  await expect(NativeConnection.connect({ address, tls: tlsOf({ TEMPORAL_TLS: 'true', TEMPORAL_TLS_CA_FILE: ca.caFile }) })).rejects.toThrow();
});

test('the schema: TLS files without TEMPORAL_TLS, or half a client certificate, are refused', () => {
  expect(() => tlsOf({ TEMPORAL_TLS_CA_FILE: ca.caFile })).toThrow(/needs TEMPORAL_TLS=true/);
  expect(() => tlsOf({ TEMPORAL_TLS: 'true', TEMPORAL_TLS_CERT_FILE: client.certFile })).toThrow(/a client certificate and its key go together/);
  expect(tlsOf({})).toBeUndefined();
});
