/**
 * HTTP intake: `POST /intake/raw` takes one raw RFC 822 message as the request body
 * (Content-Type message/rfc822 or application/octet-stream), stores and publishes it, answers
 * 202 {emailKey, duplicate}. Bearer-token auth. `GET /healthz` answers without auth.
 *
 * Errors answer JSON {error, message} and never echo the message content.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import express, { type Express, type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { createLogger } from '@replique/activities/logger';
import {
  acceptRawEmail,
  DEFAULT_MAX_RAW_BYTES,
  RawEmailRejectedError,
  type AcceptRawEmailDeps,
} from './accept-raw-email';

const log = createLogger('intake.http');

export interface HttpIntakeOptions extends AcceptRawEmailDeps {
  /** The bearer token clients must send. */
  token: string;
  /** Mailbox used when the request names none. */
  defaultMailbox: string;
}

const MAILBOX = /^[A-Za-z0-9._@+-]{1,100}$/;
const RAW_TYPES = ['message/rfc822', 'application/octet-stream'];

/** Compares hashes, so neither the length nor the content of the token leaks through timing. */
function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function requireBearer(token: string): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    if (!match || !sameToken(match[1]!, token)) {
      res.set('WWW-Authenticate', 'Bearer').status(401).json({ error: 'unauthorized', message: 'missing or wrong bearer token' });
      return;
    }
    next();
  };
}

export function createHttpIntakeRouter(options: HttpIntakeOptions): Router {
  const router = express.Router();
  const limit = options.maxRawBytes ?? DEFAULT_MAX_RAW_BYTES;

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.post(
    '/intake/raw',
    requireBearer(options.token),
    (req, res, next) => {
      if (!req.is(RAW_TYPES)) {
        res.status(415).json({ error: 'unsupported_media_type', message: `Content-Type must be one of ${RAW_TYPES.join(', ')}` });
        return;
      }
      next();
    },
    express.raw({ type: RAW_TYPES, limit }),
    async (req, res) => {
      const mailbox = typeof req.query.mailbox === 'string' ? req.query.mailbox : options.defaultMailbox;
      if (!MAILBOX.test(mailbox)) {
        res.status(400).json({ error: 'bad_mailbox', message: 'mailbox must match [A-Za-z0-9._@+-]{1,100}' });
        return;
      }
      const raw: unknown = req.body;
      if (!Buffer.isBuffer(raw)) {
        res.status(400).json({ error: 'empty_body', message: 'the body must be the raw message' });
        return;
      }
      const accepted = await acceptRawEmail(options, { raw, source: 'http', mailbox });
      log.info({ emailKey: accepted.emailKey, rawId: accepted.rawId, duplicate: accepted.duplicate, size: raw.length }, 'raw email accepted');
      res.status(202).json({ emailKey: accepted.emailKey, duplicate: accepted.duplicate });
    },
  );

  const onError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
    const e = err as { type?: unknown; status?: unknown };
    if (err instanceof RawEmailRejectedError) {
      res.status(err.status).json({ error: err.status === 413 ? 'too_large' : 'rejected', message: err.message });
    } else if (e.type === 'entity.too.large') {
      res.status(413).json({ error: 'too_large', message: `raw email larger than the limit of ${limit} bytes` });
    } else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      res.status(e.status).json({ error: 'bad_request', message: 'the request body could not be read' });
    } else {
      // Storage or Kafka down: the client should retry later; nothing was half-done that a retry cannot finish.
      log.error({ err }, 'raw email not accepted');
      res.status(503).set('Retry-After', '5').json({ error: 'unavailable', message: 'intake could not store or publish the email; retry later' });
    }
  };
  router.use(onError);

  return router;
}

/** The intake's whole HTTP app: the router, nothing else (no static files, no X-Powered-By). */
/** `before`: a handler every request goes through first (the tracing's span per request). */
export function createHttpIntakeApp(options: HttpIntakeOptions, before?: RequestHandler | null): Express {
  const app = express();
  app.disable('x-powered-by');
  if (before) app.use(before);
  app.use(createHttpIntakeRouter(options));
  return app;
}
