import { lineDiff, textSimilarity } from './text-diff';

test('similarity is 1 for the same words, 0 for none kept, in between for a partial rewrite', () => {
  expect(textSimilarity('Hello  there\nfriend', 'hello there friend')).toBe(1);
  expect(textSimilarity('one two', 'three four')).toBe(0);
  const s = textSimilarity('your order ships today', 'your order ships tomorrow');
  expect(s).toBeCloseTo(0.75);
});

test('the line diff marks removed and added lines and keeps the common ones', () => {
  expect(lineDiff('a\nb\nc', 'a\nB\nc\nd')).toBe(['  a', '- b', '+ B', '  c', '+ d'].join('\n'));
  expect(lineDiff('same', 'same')).toBe('  same');
});
