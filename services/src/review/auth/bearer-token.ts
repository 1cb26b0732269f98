/** A fixed bearer token for machine callers (the JSON API, Alertmanager's webhook), compared in constant time. */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export function requireBearer(token: string) {
  const expected = Buffer.from(token);
  return (req: Request, res: Response, next: NextFunction) => {
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return void res.status(401).json({ error: 'a valid bearer token is required' });
    }
    next();
  };
}
