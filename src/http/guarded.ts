import type { Request, Response } from 'restify';
import type { Logger } from '../logger';
import { sendError } from './errors';

type Handler = (req: Request, res: Response) => unknown;

/**
 * A route handler whose failures become a 500 and one log line, never an exit: restify calls plain handlers
 * on a later tick without catching what they throw, so a throw there would end the process.
 */
export function guarded(logger: Logger, handler: Handler) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await handler(req, res);
    } catch (failure) {
      logger.error({ err: failure, route: req.getRoute()?.path }, 'request failed');
      sendError(res, 500, 'InternalServerError', 'something went wrong');
    }
  };
}
