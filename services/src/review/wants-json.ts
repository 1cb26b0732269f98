/** Whether the client asked for JSON rather than a page (`Accept: application/json`): tests and scripts do. */
import type { Request } from 'express';

export function wantsJson(req: Request): boolean {
  return req.accepts(['html', 'json']) === 'json';
}
