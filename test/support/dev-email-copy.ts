/**
 * A dev fixture email under a fresh Message-ID, so each test owns its email (the intake deduplicates by Message-ID):
 * the one way tests copy a dev email (`.raw` for the bytes). A fixture without a Message-ID gets one.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { devEmailsDir } from './paths';

export function freshDevEmail(file: string): { raw: Buffer; messageId: string } {
  const messageId = `${randomUUID()}@test.replique`;
  const text = readFileSync(path.join(devEmailsDir, file)).toString('latin1');
  const replaced = /^Message-ID:.*$/im.test(text)
    ? text.replace(/^Message-ID:.*$/im, `Message-ID: <${messageId}>`)
    : `Message-ID: <${messageId}>\r\n${text}`;
  return { raw: Buffer.from(replaced, 'latin1'), messageId };
}
