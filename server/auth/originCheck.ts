/** CSRF protection for state-changing requests. The session cookie is SameSite=Strict, and on top of
 *  that a POST, PUT, PATCH or DELETE that a browser marks as cross-origin (Sec-Fetch-Site, or an Origin
 *  that is not this host) is refused before any route runs. Requests without those headers come from
 *  non-browser clients, which carry no ambient cookies to abuse. Origins in the CORS allow-list are
 *  trusted like this one. It never reads the body. */
import type { RequestHandler } from 'express';
import { ApiError } from '../http/ApiError';
import { isAllowedOrigin } from '../http/securityLayer';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function originCheck(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method) || isAllowedOrigin(req)) {
      next();
      return;
    }
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      next(new ApiError(403, 'crossOrigin', 'Cross-site requests may not change anything here.'));
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let host: string | null;
      try {
        host = origin === 'null' ? null : new URL(origin).host;
      } catch {
        host = null;
      }
      if (host === null || host !== req.headers.host) {
        next(new ApiError(403, 'crossOrigin', 'Cross-site requests may not change anything here.'));
        return;
      }
    }
    next();
  };
}
