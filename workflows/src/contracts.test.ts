import { workflowIdForEmailKey } from './contracts';

describe('workflowIdForEmailKey', () => {
  test('is the prefix and the first 32 hex characters of the key', () => {
    const key = 'ab'.repeat(32);
    expect(workflowIdForEmailKey(key)).toBe(`email-${key.slice(0, 32)}`);
  });

  test('refuses anything that is not an email key, so no address can leak into an ID', () => {
    expect(() => workflowIdForEmailKey('jean.dupont@example.fr')).toThrow(/not an email key/);
    expect(() => workflowIdForEmailKey('AB'.repeat(32))).toThrow();
  });
});
