import type { Request, Response } from 'restify';
import { sendError } from './errors';

/**
 * Graceful shutdown for one HTTP server: once draining begins, requests that
 * arrive (on kept-alive connections) get 503 and "Connection: close", the
 * requests already running finish, and their responses close their
 * connections too. `idle()` resolves when nothing is running.
 */
export class Draining {
  private readonly running = new Set<Response>();
  private draining = false;
  private wake: (() => void) | undefined;

  /** A `server.pre` handler: counts each request until its response is done. */
  readonly track = (_req: Request, res: Response, next: (value?: false) => void): void => {
    if (this.draining) {
      res.header('Connection', 'close');
      sendError(res, 503, 'ServiceUnavailable', 'the server is shutting down; try again shortly');
      return next(false);
    }
    this.running.add(res);
    res.once('close', () => {
      this.running.delete(res);
      if (this.running.size === 0) this.wake?.();
    });
    return next();
  };

  get active(): boolean {
    return this.draining;
  }

  begin(): void {
    this.draining = true;
    for (const res of this.running) if (!res.headersSent) res.setHeader('Connection', 'close');
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await new Promise<void>((resolve) => (this.wake = resolve));
  }
}
