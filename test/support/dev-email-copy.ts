/** A dev fixture email under a fresh Message-ID, so each test owns its email (the intake deduplicates by Message-ID). */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { devEmailsDir } from './paths';

export function freshDevEmail(file: string): { raw: Buffer; messageId: string } {
  const messageId = `${randomUUID()}@test.replique`;
  const text = readFileSync(path.join(devEmailsDir, file)).toString('latin1').replace(/^Message-ID:.*$/im, `Message-ID: <${messageId}>`);
  return { raw: Buffer.from(text, 'latin1'), messageId };
}
