import { createHash } from 'node:crypto';
import {
  emailKeyFor, extractMessageIdHeader, extractReferencedMessageIds, messageIdHash, threadHashesOf, messageIdHashOrNull, normaliseMessageId, rawSha256, addressHash, extractFromAddress,
} from './email-key';

const raw = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('normaliseMessageId', () => {
  it('strips angle brackets and spaces and lower-cases', () => {
    expect(normaliseMessageId('  <ABC.123@Mail.Example.COM> ')).toBe('abc.123@mail.example.com');
    expect(normaliseMessageId('abc@x')).toBe('abc@x');
  });
  it('treats blank and empty brackets as missing', () => {
    expect(normaliseMessageId('')).toBeNull();
    expect(normaliseMessageId(' <> ')).toBeNull();
    expect(normaliseMessageId(null)).toBeNull();
  });
});

describe('emailKeyFor', () => {
  const sha = rawSha256(raw('x'));
  it('is the same for spellings of one Message-ID, in one mailbox', () => {
    const a = emailKeyFor('support', '<Abc@Example.com>', sha);
    expect(emailKeyFor('support', 'abc@example.com', rawSha256(raw('other bytes')))).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
  it('differs between mailboxes', () => {
    expect(emailKeyFor('support', 'abc@example.com', sha)).not.toBe(emailKeyFor('sales', 'abc@example.com', sha));
  });
  it('falls back to the raw hash when there is no Message-ID', () => {
    expect(emailKeyFor('support', null, sha)).toBe(emailKeyFor('support', '<>', sha));
    expect(emailKeyFor('support', null, sha)).not.toBe(emailKeyFor('support', null, rawSha256(raw('y'))));
    expect(emailKeyFor('support', null, sha)).not.toBe(emailKeyFor('support', `sha256:${sha}x`, sha));
  });
  it('matches the documented formula', () => {
    const expected = createHash('sha256').update('support\nabc@example.com').digest('hex');
    expect(emailKeyFor('support', '<ABC@example.com>', sha)).toBe(expected);
  });
});

describe('messageIdHash', () => {
  it('hashes the normalised id', () => {
    expect(messageIdHash('<A@B>')).toBe(messageIdHash('a@b'));
    expect(messageIdHashOrNull(null)).toBeNull();
    expect(messageIdHashOrNull('<a@b>')).toBe(messageIdHash('a@b'));
    expect(() => messageIdHash('<>')).toThrow();
  });
});

describe('extractMessageIdHeader', () => {
  it('finds the header whatever its case, without brackets', () => {
    expect(extractMessageIdHeader(raw('From: a@b\r\nMessage-Id: <X1@host>\r\nSubject: hi\r\n\r\nbody'))).toBe('X1@host');
    expect(extractMessageIdHeader(raw('MESSAGE-ID:<x2@host>\n\nbody'))).toBe('x2@host');
  });
  it('unfolds a folded header', () => {
    expect(extractMessageIdHeader(raw('Subject: a\r\nMessage-ID:\r\n <folded@host>\r\n\r\n'))).toBe('folded@host');
  });
  it('stops at the first blank line', () => {
    expect(extractMessageIdHeader(raw('Subject: a\r\n\r\nMessage-ID: <in-body@host>\r\n'))).toBeNull();
    const forwarded = 'Subject: fwd\n\n--b\nContent-Type: message/rfc822\n\nMessage-ID: <inner@host>\n';
    expect(extractMessageIdHeader(raw(forwarded))).toBeNull();
  });
  it('takes the first of two Message-ID headers and ignores trailing comments', () => {
    expect(extractMessageIdHeader(raw('Message-ID: <one@h> (comment)\nMessage-ID: <two@h>\n\n'))).toBe('one@h');
  });
  it('accepts an id without brackets, and returns null for an empty one', () => {
    expect(extractMessageIdHeader(raw('Message-ID: bare@host\n\n'))).toBe('bare@host');
    expect(extractMessageIdHeader(raw('Message-ID: <>\n\n'))).toBeNull();
    expect(extractMessageIdHeader(raw('Message-ID:\n\n'))).toBeNull();
  });
  it('does not mistake a similar header name', () => {
    expect(extractMessageIdHeader(raw('X-Message-ID: <x@h>\nResent-Message-ID: <r@h>\n\n'))).toBeNull();
  });
  it('handles a message that is only headers, and 8-bit bytes', () => {
    const bytes = Buffer.concat([Buffer.from('Subject: caf'), Buffer.from([0xe9]), Buffer.from('\nMessage-ID: <h@h>')]);
    expect(extractMessageIdHeader(bytes)).toBe('h@h');
  });
});

describe('extractReferencedMessageIds', () => {
  it('lists References oldest first, then an In-Reply-To not already there, once each', () => {
    const head = 'In-Reply-To: <C@h>\r\nReferences: <a@h>\r\n <b@h> <A@H>\r\nSubject: re\r\n\r\nReferences: <body@h>\r\n';
    expect(extractReferencedMessageIds(raw(head))).toEqual(['a@h', 'b@h', 'C@h']);
    expect(extractReferencedMessageIds(raw('In-Reply-To: <b@h> (sent by Ann)\r\nReferences: <a@h> <b@h>\r\n\r\n'))).toEqual(['a@h', 'b@h']);
  });
  it('is empty for an email that answers nothing', () => {
    expect(extractReferencedMessageIds(raw('Message-ID: <x@h>\r\nIn-Reply-To: \r\n\r\nbody'))).toEqual([]);
  });
  it('keeps the thread root and the newest entries of a very long References header', () => {
    const ids = Array.from({ length: 80 }, (_, i) => `m${i}@h`);
    const got = extractReferencedMessageIds(raw(`References: ${ids.map((id) => `<${id}>`).join(' ')}\r\n\r\n`));
    expect(got).toHaveLength(50);
    expect(got[0]).toBe('m0@h');
    expect(got.slice(1)).toEqual(ids.slice(31));
  });
});

describe('threadHashesOf', () => {
  it('hashes the own Message-ID and those answered (never the own one twice), and omits what is missing', () => {
    expect(threadHashesOf(raw('Message-ID: <r@h>\r\nIn-Reply-To: <a@h>\r\nReferences: <a@h> <r@h>\r\n\r\n'))).toEqual({
      messageIdHash: messageIdHash('r@h'), referenceHashes: [messageIdHash('a@h')],
    });
    expect(threadHashesOf(raw('Subject: x\r\n\r\n'))).toEqual({ referenceHashes: [] });
  });
});

describe('extractFromAddress (the data subject of a message)', () => {
  const raw = (from: string) => Buffer.from(`Subject: x\r\nFrom: ${from}\r\n\r\nFrom: body@example.org\r\n`);
  test('the address in angle brackets, a bare one, an encoded name, a quoted name with an @; none', () => {
    expect(extractFromAddress(raw('=?UTF-8?Q?Mathis_Lef=C3=A8vre?= <mathis.lefevre@laposte.net>'))).toBe('mathis.lefevre@laposte.net');
    expect(extractFromAddress(raw('ryan@icloud.com'))).toBe('ryan@icloud.com');
    expect(extractFromAddress(raw('"a@b.c via shop" <real@example.org>'))).toBe('real@example.org');
    expect(extractFromAddress(Buffer.from('Subject: x\r\n\r\nFrom: body@example.org\r\n'))).toBeNull();
    expect(addressHash(' Ryan@iCloud.com ')).toBe(addressHash('ryan@icloud.com'));
  });
});
