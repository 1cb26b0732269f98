import { explainQuarantine } from './quarantine-reasons';

test('each quarantine reason is explained for a person', () => {
  expect(explainQuarantine('no_headers')).toContain('not an email');
  expect(explainQuarantine('binary_content')).toContain('Binary bytes');
  expect(explainQuarantine('data_rejected:22P05')).toContain('SQLSTATE 22P05, untranslatable_character');
  expect(explainQuarantine('data_rejected:23514')).toContain('check_violation');
  expect(explainQuarantine('data_rejected:2201X')).toContain('data_exception');
  expect(explainQuarantine('read_failed')).toContain('after its retries');
  expect(explainQuarantine(null)).toBe('Quarantined (no known reason).');
  expect(explainQuarantine('data_rejected:<script>')).toBe('Quarantined (no known reason).');
});
