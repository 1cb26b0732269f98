/**
 * The public side of the review service: the pages a reply's signed links open, with no login. Only these
 * routes are public; the token in the path is the only credential, checked on every request (signature, purpose,
 * expiry). A GET only shows a page — mail scanners follow links — and the vote or opt-out is the page's form POST.
 *
 *   GET  /r/rate/:token[?score=N]   the rating page, score N (the one clicked in the mail) or the current one chosen
 *   POST /r/rate/:token             score (1–5), comment (optional): records or changes the vote → 303 to the page
 *   GET  /r/human/:token            "a person next time?" with one button
 *   POST /r/human/:token            sets the customer's ai_opt_out → 303 to the page
 *
 * Every recorded vote appends `csat:rated` to the audit log, queued as an event of `email.events` by the same
 * statement (the outbox; the worker's relay publishes it: the KPI consumer's input); an opt-out appends `customer:ai_opt_out` to the email's audit trail.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import { z } from 'zod';
import { rateReply, replyRating } from '@replique/activities/adapters/pg/reply-ratings';
import { customerOfEmail, optOutCustomer } from '@replique/activities/adapters/pg/customer-opt-out';
import { verifyLinkToken, type LinkPurpose } from '@replique/activities/outbound/reply-link-token';
import { deadLinkPage, humanPage, noScoreMessage, ratePage, type PageLang } from './link-pages';
import { csatRatings } from '../../metrics/replique-metrics';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';

export interface ReplyLinkRouterDeps {
  db: Pool;
  vault: FieldVault;
  secret: string;
  now?: () => Date;
}

const Score = z.coerce.number().int().min(1).max(5);
const RateForm = z.object({
  score: Score.optional(),
  comment: z.string().max(2000).optional(),
  lang: z.enum(['fr', 'en']).optional(),
});

export function createReplyLinkRouter(deps: ReplyLinkRouterDeps): Router {
  const router = express.Router();
  const now = deps.now ?? (() => new Date());
  router.use('/r', (_req, res, next) => {
    res.set({
      'content-security-policy': "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      'x-content-type-options': 'nosniff',
      // The token is in the path: never hand it to another site, never keep the page in a shared cache.
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'x-robots-tag': 'noindex',
    });
    next();
  });
  router.use('/r', express.urlencoded({ extended: false, limit: '16kb' }));

  /** The email key a valid token names, or the dead-link page sent. */
  function checked(req: Request, res: Response, purpose: LinkPurpose): string | null {
    const check = verifyLinkToken(deps.secret, String(req.params.token), purpose, now());
    if (check.ok) return check.claims.emailKey;
    const lang = langOf(req, null);
    if (check.reason === 'expired') res.status(410).type('html').send(deadLinkPage(lang, 'expired'));
    else res.status(404).type('html').send(deadLinkPage(lang, 'invalid'));
    return null;
  }

  router.get('/r/rate/:token', async (req, res) => {
    const emailKey = checked(req, res, 'csat');
    if (!emailKey) return;
    const context = await customerOfEmail(deps.db, deps.vault, emailKey);
    if (!context) return void res.status(404).type('html').send(deadLinkPage(langOf(req, null), 'invalid'));
    const current = await replyRating(deps.db, deps.vault, emailKey);
    const clicked = Score.safeParse(req.query.score);
    res.type('html').send(ratePage({
      lang: langOf(req, context.lang),
      action: req.baseUrl + req.path,
      selected: clicked.success ? clicked.data : current?.score ?? null,
      comment: current?.comment ?? '',
      current: current?.score ?? null,
      saved: req.query.saved === '1',
      error: null,
    }));
  });

  router.post('/r/rate/:token', async (req, res) => {
    const emailKey = checked(req, res, 'csat');
    if (!emailKey) return;
    const form = RateForm.safeParse(req.body ?? {});
    const lang = form.success && form.data.lang ? form.data.lang : langOf(req, null);
    const action = req.baseUrl + req.path;
    if (!form.success || form.data.score === undefined) {
      const current = await replyRating(deps.db, deps.vault, emailKey);
      return void res.status(400).type('html').send(ratePage({
        lang, action, selected: null, comment: form.success ? form.data.comment ?? '' : '', current: current?.score ?? null,
        saved: false, error: noScoreMessage(lang),
      }));
    }
    const comment = form.data.comment?.trim() || null;
    const outcome = await rateReply(deps.db, deps.vault, { emailKey, score: form.data.score, comment });
    if (outcome.status === 'no_such_reply') return void res.status(404).type('html').send(deadLinkPage(lang, 'invalid'));
    if (outcome.status === 'recorded') csatRatings.inc({ score: String(form.data.score) });
    res.redirect(303, `${action}?saved=1&lang=${lang}`);
  });

  router.get('/r/human/:token', async (req, res) => {
    const emailKey = checked(req, res, 'optout');
    if (!emailKey) return;
    const context = await customerOfEmail(deps.db, deps.vault, emailKey);
    const lang = langOf(req, context?.lang ?? null);
    const state = !context || !linkMayOptOut(context) ? 'unknown' : context.aiOptOut ? 'done' : 'ask';
    res.status(state === 'unknown' ? 404 : 200).type('html').send(humanPage({ lang, action: req.baseUrl + req.path, state }));
  });

  router.post('/r/human/:token', async (req, res) => {
    const emailKey = checked(req, res, 'optout');
    if (!emailKey) return;
    const context = await customerOfEmail(deps.db, deps.vault, emailKey);
    const lang = langOf(req, context?.lang ?? null);
    const action = req.baseUrl + req.path;
    if (!context?.customerId || !linkMayOptOut(context)) {
      return void res.status(404).type('html').send(humanPage({ lang, action, state: 'unknown' }));
    }
    const outcome = await optOutCustomer(deps.db, { emailKey, customerId: context.customerId, via: 'reply_link' });
    if (outcome.status === 'no_customer') return void res.status(404).type('html').send(humanPage({ lang, action, state: 'unknown' }));
    res.redirect(303, `${action}?lang=${lang}`);
  });

  return router;
}

/** As when the link was put in the reply (compose-reply.ts): the customer found by the sender's own address. */
function linkMayOptOut(context: { customerId: string | null; customerMatch: string | null }): boolean {
  return !!context.customerId && context.customerMatch === 'sender';
}

/** `?lang=` (or the form's) when given, else the reply's language, else French. */
function langOf(req: Request, replyLang: string | null): PageLang {
  const asked = (req.body as { lang?: unknown } | undefined)?.lang ?? req.query.lang;
  if (asked === 'fr' || asked === 'en') return asked;
  return replyLang === 'en' ? 'en' : 'fr';
}
