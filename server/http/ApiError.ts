/** The one error shape every route answers with: `{ error: { code, message, issues? } }`. Routes throw
 *  ApiError; the handler below turns it (and parser failures) into JSON, never into an HTML page. */
import type { ErrorRequestHandler } from 'express';

export interface ApiIssue {
  /** Where in the request, as a JSON path: `$.intents[3].intent.type`. */
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: readonly ApiIssue[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): { error: { code: string; message: string; issues?: readonly ApiIssue[] } } {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/** body-parser marks its own errors with `type` and `status`. */
function parserError(err: unknown): ApiError | null {
  if (typeof err !== 'object' || err === null || !('type' in err)) return null;
  switch (err.type) {
    case 'entity.parse.failed':
      return new ApiError(400, 'badJson', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new ApiError(413, 'payloadTooLarge', 'The request body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(415, 'unsupportedEncoding', 'The request body encoding is not supported.');
    default:
      return null;
  }
}

export function errorHandler(onUnexpected: (err: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const known = err instanceof ApiError ? err : parserError(err);
    if (known) {
      res.status(known.status).json(known.toJSON());
      return;
    }
    onUnexpected(err);
    res.status(500).json(new ApiError(500, 'internal', 'Something went wrong on the server.').toJSON());
  };
}
