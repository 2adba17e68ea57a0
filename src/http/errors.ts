import type { Response } from 'restify';

/** Every refusal has the same shape (Direct Line's): `{"error":{"code","message"}}`, never an internal detail. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.send(status, { error: { code, message } });
}
