/**
 * A throwaway certificate authority for TLS tests, made with openssl in a temp folder: a CA, server certificates it
 * signs (for `localhost`, with the names asked) and client certificates (CN = a user name). Another call makes
 * another, unrelated CA: the "wrong CA" of a test.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestCa {
  dir: string;
  /** The CA certificate (PEM file). */
  caFile: string;
  /** A key and a certificate signed by this CA; `names` go in subjectAltName (DNS: or IP:). */
  issue(name: string, options: { cn: string; altNames?: string[]; client?: boolean }): { certFile: string; keyFile: string };
  remove(): void;
}

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: 'pipe' });

export function createTestCa(label: string): TestCa {
  const dir = mkdtempSync(path.join(os.tmpdir(), `rq-ca-${label}-`));
  chmodSync(dir, 0o755);   // a server run as another user (postgres, dovecot) reads its files here
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=Replique test CA ${label}`,
    '-keyout', 'ca.key', '-out', 'ca.crt', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  return {
    dir,
    caFile: path.join(dir, 'ca.crt'),
    issue(name, { cn, altNames = [], client = false }) {
      const ext = path.join(dir, `${name}.ext`);
      writeFileSync(ext, [
        'basicConstraints=CA:FALSE',
        `extendedKeyUsage=${client ? 'clientAuth' : 'serverAuth'}`,
        ...(altNames.length > 0 ? [`subjectAltName=${altNames.join(',')}`] : []),
      ].join('\n'));
      openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${cn}`, '-keyout', `${name}.key`, '-out', `${name}.csr`], dir);
      openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2',
        '-extfile', ext, '-out', `${name}.crt`], dir);
      chmodSync(path.join(dir, `${name}.key`), 0o600);
      return { certFile: path.join(dir, `${name}.crt`), keyFile: path.join(dir, `${name}.key`) };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
