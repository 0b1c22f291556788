/** Upload limits, checked before an upload's body is parsed: per client address and, when signed in,
 *  per account, on the shared counters (server/limits), so every process agrees. Generous enough for an
 *  offline device sending its queue after a day away; far too few to stall the server. */
import type { RequestHandler } from 'express';
import { callerOf } from '../auth/sessions';
import { ApiError } from '../http/ApiError';
import { clientAddress } from '../http/authRouter';
import { tryConsume, type RateLimits } from '../limits/RateLimits';

export const UPLOAD_WINDOW_S = 5 * 60;
/** Per address and window: a station computer shared by a crew. */
export const MAX_UPLOADS_PER_ADDRESS = 60;
/** Per account and window, from any address. */
export const MAX_UPLOADS_PER_ACCOUNT = 40;

export interface UploadLimitOptions {
  perAddress?: number;
  perAccount?: number;
}

export function uploadLimits(limits: RateLimits, options: UploadLimitOptions = {}): RequestHandler {
  const byAddress = limits.limiter('upload-addr', { points: options.perAddress ?? MAX_UPLOADS_PER_ADDRESS, windowS: UPLOAD_WINDOW_S });
  const byAccount = limits.limiter('upload-user', { points: options.perAccount ?? MAX_UPLOADS_PER_ACCOUNT, windowS: UPLOAD_WINDOW_S });
  return (req, res, next) => {
    const caller = callerOf(res);
    void (async () => {
      const taken = caller ? await tryConsume(byAccount, caller.user.id) : { allowed: true as const };
      const address = taken.allowed ? await tryConsume(byAddress, clientAddress(req)) : taken;
      if (!address.allowed) {
        res.setHeader('retry-after', String(address.retryAfterS));
        throw new ApiError(429, 'tooManyUploads', `Too many uploads; try again in ${address.retryAfterS} s. Runs wait on the device meanwhile.`);
      }
    })().then(() => next(), next);
  };
}
