import { BoundedMemo } from './bounded-memo';

describe('BoundedMemo', () => {
  test('computes a key once, an empty string included', () => {
    const memo = new BoundedMemo<string>();
    let calls = 0;
    const compute = () => { calls += 1; return ''; };
    expect(memo.get('a', compute)).toBe('');
    expect(memo.get('a', compute)).toBe('');
    expect(calls).toBe(1);
  });

  test('forgets everything once full, then keeps computing right values', () => {
    const memo = new BoundedMemo<number>(2);
    const computed: string[] = [];
    const length = (k: string) => () => { computed.push(k); return k.length; };
    memo.get('a', length('a'));
    memo.get('bb', length('bb'));
    expect(memo.get('ccc', length('ccc'))).toBe(3); // full: cleared, then holds only 'ccc'
    expect(memo.get('a', length('a'))).toBe(1);
    expect(memo.get('ccc', length('ccc'))).toBe(3);
    expect(computed).toEqual(['a', 'bb', 'ccc', 'a']);
  });
});
