import { parseArgs, positiveInt, UsageError } from './args';

test('positiveInt takes 1, 2, 10 and refuses 0, -1, 1.5, words and nothing, naming what it wanted', () => {
  expect(['1', '2', '10'].map((v) => positiveInt(v))).toEqual([1, 2, 10]);
  for (const bad of ['0', '-1', '1.5', 'two', undefined]) expect(() => positiveInt(bad, '--limit')).toThrow(UsageError);
  expect(() => positiveInt('x', '--limit')).toThrow('--limit is a positive integer, not x');
  expect(() => positiveInt(undefined)).toThrow('a version number is a positive integer, not nothing');
});

test('parseArgs: valued options (also --name=value), flags, positionals after --, unknown options refused', () => {
  expect(parseArgs(['publish', '--note', 'a b', '--dry', '--by=lee', '--', '--x'], ['note', 'by'], ['dry'])).toEqual({
    options: { note: 'a b', by: 'lee' }, flags: new Set(['dry']), positionals: ['publish', '--x'],
  });
  expect(() => parseArgs(['--what'], [])).toThrow('unknown option --what');
  expect(() => parseArgs(['--note'], ['note'])).toThrow('--note needs a value');
});
