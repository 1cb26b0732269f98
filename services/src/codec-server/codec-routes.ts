/**
 * The codec server's HTTP surface, as the Temporal UI and the `temporal` CLI call it:
 *   POST /decode, POST /encode   {payloads: [{metadata: {k: base64}, data: base64}]} → the same shape
 *   GET  /session                 a form for the token; POST /session sets the UI's session cookie
 * CORS answers only the configured UI origins (with credentials, for the cookie). Every other request without the
 * token or the cookie is refused (401) before any payload is read.
 */
import express, { type Request, type Response, type NextFunction } from 'express';
import { z } from 'zod';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { createLogger } from '@replique/activities/logger';
import { authorise, sameSecret, sessionCookie, sessionValue } from './codec-auth';

const log = createLogger('codec-server');

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
/** Proto JSON of temporal.api.common.v1.Payloads: an empty list is left out (`{}`, e.g. a query without arguments). */
const PayloadsBody = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).nullish(), data: base64.nullish() })).max(10_000).default([]),
});
type JsonPayload = z.infer<typeof PayloadsBody>['payloads'][number];

export interface CodecRouterOptions {
  codec: PayloadCodec;
  token: string;
  uiOrigins: readonly string[];
  cookieSecure: boolean;
}

export function createCodecRouter({ codec, token, uiOrigins, cookieSecure }: CodecRouterOptions): express.Router {
  const router = express.Router();

  router.use((req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    if (origin && uiOrigins.includes(origin)) {
      res.vary('Origin');
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'authorization, content-type, x-namespace',
        'Access-Control-Max-Age': '600',
      });
    }
    // A preflight carries no credentials by design; it only learns what the browser may send.
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next();
  });

  router.get('/healthz', (_req, res) => void res.json({ ok: true }));

  router.get('/session', (_req, res) => void res.type('html').send(SESSION_PAGE));
  router.post('/session', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    const given = typeof req.body?.token === 'string' ? req.body.token : undefined;
    if (!sameSecret(given, token)) {
      log.warn({ ip: req.ip }, 'codec session refused');
      return void res.status(401).type('html').send(SESSION_PAGE.replace('<!--status-->', '<p role="alert">Wrong token.</p>'));
    }
    log.info({ ip: req.ip }, 'codec session opened');
    res.set('Set-Cookie', sessionCookie(sessionValue(token), cookieSecure));
    res.type('html').send(SESSION_PAGE.replace('<!--status-->', '<p role="status">Session open for 8 hours: the Temporal UI now shows decoded payloads.</p>'));
  });

  for (const [route, transform] of [['/decode', codec.decode.bind(codec)], ['/encode', codec.encode.bind(codec)]] as const) {
    router.post(route, (req, res, next) => {
      const caller = authorise({ authorization: req.get('authorization'), cookie: req.get('cookie') }, token);
      if (!caller) {
        log.warn({ route, ip: req.ip }, 'codec request refused: no valid token');
        return void res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'a valid bearer token or codec session is required' });
      }
      res.locals.caller = caller;
      next();
    }, express.json({ limit: '8mb' }), async (req, res) => {
      const body = PayloadsBody.safeParse(req.body);
      if (!body.success) return void res.status(400).json({ error: 'expected {"payloads":[{"metadata":{…},"data":"base64"}]}' });
      try {
        const payloads = (await transform(body.data.payloads.map(fromJson))).map(toJson);
        // Who and how many, never what: the payloads are the secret.
        log.info({ route, caller: res.locals.caller, namespace: req.get('x-namespace'), count: payloads.length }, 'codec request');
        res.json({ payloads });
      } catch (error) {
        log.warn({ route, err: (error as Error).message }, 'codec request failed');
        res.status(422).json({ error: (error as Error).message });
      }
    });
  }

  return router;
}

function fromJson({ metadata, data }: JsonPayload): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    data: data ? Buffer.from(data, 'base64') : undefined,
  };
}

function toJson({ metadata, data }: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
    ...(data && data.length > 0 ? { data: Buffer.from(data).toString('base64') } : {}),
  };
}

const SESSION_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Réplique codec server</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}input,button{font:inherit;padding:.4rem}</style>
</head><body>
<h1>Decode Temporal payloads</h1>
<p>For SREs: enter the codec token to let the Temporal UI in this browser show decrypted payloads
(UI settings → Codec Server: this server's address, "Include cross-origin credentials" on).</p>
<!--status-->
<form method="post" action="/session">
<label>Token <input type="password" name="token" autocomplete="off" required></label>
<button type="submit">Open a session</button>
</form>
</body></html>
`;
