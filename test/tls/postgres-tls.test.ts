/**
 * Postgres over TLS, for real: a private PostgreSQL 15 (Debian's binaries, as the local stack's) on a free port in a
 * temp folder, with ssl=on, a certificate for `localhost` signed by a CA made here with openssl, and a pg_hba.conf
 * that refuses any connection without TLS and asks `certuser` for a client certificate. The app's pool
 * (createPool over DATABASE_URL as the config schema checks it) connects with sslmode=verify-full and the CA, runs
 * the migrations over it, and fails with another CA, with a host name the certificate does not carry, and without
 * TLS; a client certificate is presented from the URL's sslcert/sslkey.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createPool } from '../../activities/src/adapters/pg/pool';
import { migrate } from '../../activities/src/adapters/pg/migrate';
import { loadKpiConfig } from '../../services/src/config/kpi-config';
import { ConfigError } from '../../services/src/config/parse-env';
import { createTestCa, type TestCa } from '../support/test-ca';
import { freePort } from '../support/smtp-sink';

jest.setTimeout(120_000);

const PG_BIN = '/usr/lib/postgresql/15/bin';
let ca: TestCa;
let wrongCa: TestCa;
let data = '';
let port = 0;
let client: { certFile: string; keyFile: string };

const asPostgres = (args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: 'pipe' });
const url = (host: string, user: string, params: Record<string, string>) =>
  `postgres://${user}@${host}:${port}/postgres?${new URLSearchParams(params).toString()}`;

/** One query through the app's pool; the pool is closed after. */
async function sslOf(databaseUrl: string): Promise<{ ssl: boolean; version: string; user: string }> {
  const pool = createPool(loadKpiConfig({ DATABASE_URL: databaseUrl }).DATABASE_URL, { max: 1 });
  try {
    const { rows } = await pool.query<{ ssl: boolean; version: string; user: string }>(
      'select ssl, version, current_user as user from pg_stat_ssl where pid = pg_backend_pid()');
    return rows[0]!;
  } finally {
    await pool.end();
  }
}

beforeAll(async () => {
  ca = createTestCa('pg');
  wrongCa = createTestCa('pg-wrong');
  const server = ca.issue('server', { cn: 'localhost', altNames: ['DNS:localhost'] });
  client = ca.issue('client', { cn: 'certuser', client: true });
  for (const file of [server.certFile, server.keyFile]) chownSync(file, uidOf('postgres'), gidOf('postgres'));
  data = path.join(ca.dir, 'data');
  mkdirSync(data, { mode: 0o700 });
  chownSync(data, uidOf('postgres'), gidOf('postgres'));
  asPostgres([`${PG_BIN}/initdb`, '-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  port = await freePort();
  writeFileSync(path.join(data, 'postgresql.auto.conf'), [
    `port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${data}'`,
    'ssl = on', `ssl_cert_file = '${server.certFile}'`, `ssl_key_file = '${server.keyFile}'`, `ssl_ca_file = '${ca.caFile}'`,
    "ssl_min_protocol_version = 'TLSv1.2'", 'fsync = off', 'shared_buffers = 16MB', 'max_connections = 20',
  ].join('\n'));
  writeFileSync(path.join(data, 'pg_hba.conf'), [
    'local all all trust',
    'hostnossl all all 0.0.0.0/0 reject',
    'hostssl all certuser 127.0.0.1/32 cert',
    'hostssl all all 127.0.0.1/32 trust',
  ].join('\n'));
  asPostgres([`${PG_BIN}/pg_ctl`, '-D', data, '-l', path.join(data, 'server.log'), '-w', '-t', '60', 'start']);
  asPostgres([`${PG_BIN}/psql`, '-h', data, '-p', String(port), '-U', 'postgres', '-c', 'create role certuser login superuser']);
});

afterAll(() => {
  if (data) spawnSync('runuser', ['-u', 'postgres', '--', `${PG_BIN}/pg_ctl`, '-D', data, '-m', 'immediate', '-w', 'stop'], { stdio: 'pipe' });
  ca?.remove();
  wrongCa?.remove();
});

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}
function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}

test('sslmode=verify-full with the CA: the pool talks TLS, and the migrations run over it', async () => {
  const databaseUrl = url('localhost', 'postgres', { sslmode: 'verify-full', sslrootcert: ca.caFile });
  expect(await sslOf(databaseUrl)).toMatchObject({ ssl: true, version: expect.stringMatching(/^TLSv1\.[23]$/), user: 'postgres' });
  const pool = createPool(databaseUrl, { max: 2 });
  try {
    await migrate(pool);
    const { rows } = await pool.query<{ n: string }>("select count(*) as n from information_schema.tables where table_name = 'alert_notices'");
    expect(rows[0]!.n).toBe('1');
  } finally {
    await pool.end();
  }
});

test('another CA, a host name the certificate does not carry, or no TLS at all: no connection', async () => {
  await expect(sslOf(url('localhost', 'postgres', { sslmode: 'verify-full', sslrootcert: wrongCa.caFile }))).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
  await expect(sslOf(url('127.0.0.1', 'postgres', { sslmode: 'verify-full', sslrootcert: ca.caFile }))).rejects.toThrow(/altnames|does not match|Hostname/i);
  await expect(sslOf(url('localhost', 'postgres', { sslmode: 'disable' }))).rejects.toThrow(/no encryption|pg_hba\.conf rejects/i);
});

test('a client certificate from the URL (sslcert, sslkey) authenticates a user the server asks one of', async () => {
  const withCert = url('localhost', 'certuser', { sslmode: 'verify-full', sslrootcert: ca.caFile, sslcert: client.certFile, sslkey: client.keyFile });
  expect(await sslOf(withCert)).toMatchObject({ ssl: true, user: 'certuser' });
  await expect(sslOf(url('localhost', 'certuser', { sslmode: 'verify-full', sslrootcert: ca.caFile }))).rejects.toThrow(/certificate/i);
});

test('the config schema refuses an unknown sslmode, a missing file and half a client certificate, naming no secret', () => {
  const load = (params: Record<string, string>) => () => loadKpiConfig({ DATABASE_URL: url('localhost', 'postgres', params).replace('postgres@', 'postgres:s3cret@') });
  expect(load({ sslmode: 'verify-everything' })).toThrow(/sslmode must be one of/);
  expect(load({ sslmode: 'verify-full', sslrootcert: path.join(ca.dir, 'missing.crt') })).toThrow(/sslrootcert must name an existing file/);
  expect(load({ sslmode: 'verify-full', sslcert: client.certFile })).toThrow(/sslcert and sslkey go together/);
  try {
    load({ sslmode: 'nope' })();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toContain('s3cret');
  }
});
