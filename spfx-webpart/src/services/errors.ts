/**
 * What can go wrong talking to SharePoint or the tracker, as a code the UI translates
 * (strings live in `loc/`), so a 403 reads "you do not have access" instead of a stack trace.
 */

/** Stable failure codes of the services. */
export type ServiceErrorCode = 'forbidden' | 'not-found' | 'throttled' | 'not-set-up' | 'invalid-data' | 'network' | 'http';

/** A service failure with a code for the UI and the HTTP status when there was one. */
export class ServiceError extends Error {
  /**
   * @param code what kind of failure
   * @param message English detail for logs
   * @param status HTTP status, when the failure came from a response
   */
  public constructor(
    public readonly code: ServiceErrorCode,
    message: string,
    public readonly status?: number,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/**
 * Reads the HTTP status of a PnPjs `HttpRequestError` (or anything with a `status`).
 * @param error what was thrown
 * @returns the status, or undefined
 * @example statusOf(new ServiceError('forbidden', 'x', 403)) // 403
 */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    if (typeof status === 'number') return status;
  }
  return undefined;
}

/**
 * Maps any thrown value to a {@link ServiceError}: 401/403 `forbidden`, 404 `not-found`,
 * 429/503 `throttled` (what is left after PnPjs's retries), other statuses `http`.
 * @param error what was thrown
 * @param doing what the service was doing, for the message
 * @returns a ServiceError
 * @example toServiceError(e, 'reading Shareworthy Items').code // 'forbidden'
 */
export function toServiceError(error: unknown, doing: string): ServiceError {
  if (error instanceof ServiceError) return error;
  const status = statusOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (status === 401 || status === 403) return new ServiceError('forbidden', `Access denied while ${doing}.`, status);
  if (status === 404) return new ServiceError('not-found', `Not found while ${doing}.`, status);
  if (status === 429 || status === 503) return new ServiceError('throttled', `SharePoint is busy (throttled) while ${doing}.`, status);
  if (status !== undefined) return new ServiceError('http', `HTTP ${status} while ${doing}: ${detail}`, status);
  return new ServiceError('network', `Failed while ${doing}: ${detail}`);
}
