import { LoginThrottle } from './login-throttle';

test('a name is refused after too many failures, until the window has passed; success clears it', () => {
  let now = 0;
  const throttle = new LoginThrottle(3, 1_000, () => now);
  for (let i = 0; i < 3; i++) {
    expect(throttle.blocked('alice')).toBe(false);
    throttle.failed('alice');
  }
  expect(throttle.blocked('alice')).toBe(true);
  expect(throttle.blocked('bob')).toBe(false);
  now = 1_000;
  expect(throttle.blocked('alice')).toBe(false);
  throttle.failed('alice');
  throttle.succeeded('alice');
  throttle.failed('alice');
  expect(throttle.blocked('alice')).toBe(false);
});
