import { randomBytes } from 'node:crypto';
import { isSealed, openWith, SealedFieldError, sealedKeyId, sealWith } from './sealed-field';
import { KeyUnwrapError, LocalKeyWrapper, parseKekList } from './key-wrapper';

const key = randomBytes(32);

describe('sealed fields', () => {
  test('round-trip; the value names its data key; the same text seals differently each time', () => {
    const a = sealWith('42', key, Buffer.from('Résidence Les Glycines'));
    const b = sealWith('42', key, Buffer.from('Résidence Les Glycines'));
    expect(isSealed(a)).toBe(true);
    expect(sealedKeyId(a)).toBe('42');
    expect(a.equals(b)).toBe(false);
    expect(a.includes('Glycines')).toBe(false);
    expect(openWith(key, a).toString()).toBe('Résidence Les Glycines');
  });

  test('legacy plaintext (text, a message, an empty purged value) is not taken for a sealed value', () => {
    for (const plain of ['Bonjour', '{"parsed":{}}', 'Received: from x', '']) expect(isSealed(Buffer.from(plain))).toBe(false);
    expect(isSealed(Buffer.from('%PDF-1.7 ...'))).toBe(false);
  });

  test('a changed byte, a moved key id or another key fails clearly', () => {
    const sealed = sealWith('7', key, Buffer.from('secret'));
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 20]! ^= 1;
    expect(() => openWith(key, flipped)).toThrow(SealedFieldError);
    const moved = Buffer.from(sealed);
    moved.writeBigUInt64BE(8n, 4);
    expect(() => openWith(key, moved)).toThrow('a field sealed with data key 8 did not decrypt');
    expect(() => openWith(randomBytes(32), sealed)).toThrow(SealedFieldError);
  });
});

describe('the local key wrapper', () => {
  const kek = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

  test('wraps with the first KEK, unwraps with any listed one, bound to its context', async () => {
    const [oldList, newList] = [kek('old'), kek('new')];
    const old = new LocalKeyWrapper(parseKekList(oldList).keks);
    const both = new LocalKeyWrapper(parseKekList(`${newList},${oldList}`).keks);
    const dataKey = randomBytes(32);
    const wrapped = await old.wrap(dataKey, 'subject:a');
    expect(wrapped.kekId).toBe('old');
    expect((await both.unwrap(wrapped, 'subject:a')).equals(dataKey)).toBe(true);
    expect((await both.wrap(dataKey, 'subject:a')).kekId).toBe('new');
    await expect(both.unwrap(wrapped, 'subject:b')).rejects.toThrow(KeyUnwrapError);
    await expect(new LocalKeyWrapper(parseKekList(newList).keks).unwrap(wrapped, 'subject:a'))
      .rejects.toThrow('data key wrapped by key encryption key "old", which is not configured (DATA_KEKS)');
  });

  test('the KEK list: comma or line separated, comments; problems named without the key', () => {
    const a = kek('a');
    const b = kek('b');
    expect(parseKekList(`${a}\n# old one\n${b}`).keks.map((k) => k.id)).toEqual(['a', 'b']);
    expect(parseKekList('a:c2hvcnQ=').problems).toEqual(['key "a": must be 32 bytes in base64 (openssl rand -base64 32)']);
    expect(parseKekList(`${a},${a}`).problems).toEqual(['key "a" listed twice']);
    expect(parseKekList('').problems).toEqual(['at least one key']);
    expect(parseKekList('no-colon').problems[0]).toMatch(/expected id:base64/);
  });
});
