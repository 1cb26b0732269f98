/**
 * Scoped, structured, PII-redacting logger (pino).
 *
 * Rules: no email address, body, subject or raw message is ever written to a log.
 * - Fields whose name carries PII (from, to, email, address, body, subject, raw, text, phone...) are replaced,
 *   at any depth; email-address fields are replaced by a stable hash so lines can still be correlated.
 * - Every string that is logged (message, error message, nested values) has email addresses masked.
 * Workflow code does not use this: it logs through the Temporal SDK's logger.
 */
import { createHash } from 'node:crypto';
import pino, { type DestinationStream, type Logger, type LoggerOptions, type LevelWithSilent } from 'pino';

export type { Logger };

/** Field names (normalised: lower case, no `_`/`-`) whose value is an email address: hashed. */
const ADDRESS_FIELDS = new Set([
  'from', 'to', 'cc', 'bcc', 'replyto', 'sender', 'recipient', 'recipients', 'email', 'emailaddress',
  'address', 'addresses', 'envelope', 'rcpt', 'mailfrom', 'rcptto', 'returnpath',
]);

/** Field names whose value is content or personal data: replaced entirely. */
const CONTENT_FIELDS = new Set([
  'body', 'text', 'html', 'subject', 'raw', 'content', 'snippet', 'message_body', 'messagebody',
  'phone', 'phonenumber', 'mobile', 'name', 'firstname', 'lastname', 'fullname', 'displayname',
  'street', 'postaladdress', 'iban', 'card', 'cardnumber', 'headers', 'password', 'pass', 'secret', 'token',
  'authorization', 'cookie', 'apikey', 'accesstoken', 'refreshtoken', 'attachments', 'draft', 'clean', 'quoted',
  'signature',
]);

/** Child-logger bindings only go through per-key serializers in pino, so the camelCase spellings are listed too. */
const CAMEL_CASE_SPELLINGS = [
  'replyTo', 'emailAddress', 'mailFrom', 'rcptTo', 'returnPath', 'messageBody', 'phoneNumber', 'firstName',
  'lastName', 'fullName', 'displayName', 'postalAddress', 'cardNumber', 'apiKey', 'accessToken', 'refreshToken',
];

const EMAIL_PATTERN = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const ALREADY_REDACTED = /^(\[redacted\]|\[email:[0-9a-f]{8}\](, \[email:[0-9a-f]{8}\])*)$/;
const MAX_DEPTH = 8;

export function normaliseFieldName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, '');
}

/** `jean.dupont@example.fr` → `[email:1a2b3c4d]`: stable (same address, same tag), not reversible by reading. */
export function redactEmailAddress(address: string): string {
  const digest = createHash('sha256').update(address.trim().toLowerCase()).digest('hex');
  return `[email:${digest.slice(0, 8)}]`;
}

/** Masks every email address inside free text. */
export function maskEmailAddresses(text: string): string {
  return text.replace(EMAIL_PATTERN, (match) => redactEmailAddress(match));
}

function redactAddressValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const found = value.match(EMAIL_PATTERN);
    if (found) return found.map(redactEmailAddress).join(', ');
    return ALREADY_REDACTED.test(value) ? value : '[redacted]';
  }
  if (Array.isArray(value)) return value.map(redactAddressValue);
  if (value && typeof value === 'object' && 'address' in value) {
    const address = (value as { address: unknown }).address;
    return typeof address === 'string' ? redactEmailAddress(address) : '[redacted]';
  }
  return value === null || value === undefined ? value : '[redacted]';
}

/**
 * Returns a copy of `value` safe to log or to put on an event: PII-named fields replaced, email addresses masked.
 * Errors become `{type, message, code, responseCode, stack}` with masked message and stack.
 */
export function redactPii(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return maskEmailAddresses(value);
  if (value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `[bytes:${value.byteLength}]`;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[depth]';
  seen.add(value);
  if (value instanceof Error) {
    const withCodes = value as Error & { code?: unknown; responseCode?: unknown; retryable?: unknown };
    return {
      type: value.name,
      message: maskEmailAddresses(value.message),
      ...(withCodes.code !== undefined ? { code: withCodes.code } : {}),
      ...(withCodes.responseCode !== undefined ? { responseCode: withCodes.responseCode } : {}),
      ...(withCodes.retryable !== undefined ? { retryable: withCodes.retryable } : {}),
      ...(value.stack ? { stack: maskEmailAddresses(value.stack) } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactPii(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const name = normaliseFieldName(key);
    if (ADDRESS_FIELDS.has(name)) out[key] = redactAddressValue(item);
    else if (CONTENT_FIELDS.has(name)) out[key] = item === null || item === undefined ? item : '[redacted]';
    else out[key] = redactPii(item, depth + 1, seen);
  }
  return out;
}

/** Per-key serializers: they also cover the bindings of child loggers, which `formatters.log` never sees. */
function piiSerializers(): Record<string, (value: unknown) => unknown> {
  const serializers: Record<string, (value: unknown) => unknown> = {
    err: (err: unknown) => redactPii(err),
    error: (err: unknown) => redactPii(err),
  };
  for (const key of [...ADDRESS_FIELDS, ...CONTENT_FIELDS, ...CAMEL_CASE_SPELLINGS]) {
    serializers[key] = (value: unknown) => (redactPii({ [key]: value }) as Record<string, unknown>)[key];
  }
  return serializers;
}

let root: Logger | undefined;
/** Scoped loggers, so that setLogLevel reaches the ones created before it ran (pino children copy the level). */
const scoped = new Set<Logger>();

/**
 * A pino logger with the redaction rules. Processes use createLogger (one root on stdout); tests pass a stream
 * to see exactly what would be written.
 */
export function buildLogger(destination?: DestinationStream, level?: LevelWithSilent): Logger {
  const options: LoggerOptions = {
    level: level ?? (process.env.LOG_LEVEL as LevelWithSilent | undefined) ?? 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactPii(object) as Record<string, unknown>,
      bindings: (bindings) => redactPii(bindings) as Record<string, unknown>,
    },
    serializers: piiSerializers(),
    hooks: {
      // Mask addresses in the message string and its printf-style arguments.
      logMethod(args, method) {
        const safe = args.map((arg) => (typeof arg === 'string' ? maskEmailAddresses(arg) : arg));
        return method.apply(this, safe as Parameters<typeof method>);
      },
    },
  };
  // Without a destination, pino's default: synchronous stdout, so a fatal line is written before exit.
  return destination ? pino(options, destination) : pino(options);
}

/** Where the root logger's lines go: stdout (synchronous, so a fatal line is written before exit) unless redirected. */
const stdout: DestinationStream = pino.destination({ fd: 1, sync: true });
let destination: DestinationStream = stdout;
const forwarding: DestinationStream = { write: (line: string) => destination.write(line) };

/**
 * Sends every logger's lines to `stream` (null: back to stdout), including loggers created before the call. The
 * test runner uses it to keep a test's log lines and print them only when that test fails.
 */
export function setLogDestination(stream: DestinationStream | null): void {
  destination = stream ?? stdout;
}

function rootLogger(): Logger {
  root ??= buildLogger(forwarding);
  return root;
}

/** Sets the level of every logger (called once by each process from its validated config). */
export function setLogLevel(level: LevelWithSilent): void {
  rootLogger().level = level;
  for (const logger of scoped) logger.level = level;
}

/**
 * A logger tagged with `scope` (e.g. `intake.http`, `adapter.smtp`). Create one per module or component;
 * for per-request context use `logger.child({...})` on it.
 */
export function createLogger(scope: string, bindings: Record<string, unknown> = {}): Logger {
  const logger = rootLogger().child({ scope, ...bindings });
  scoped.add(logger);
  return logger;
}
