/**
 * Turns a service failure into the sentence the employee reads, from the web part's strings.
 */
import { ServiceError } from '../services/errors';

/** Strings every web part has for failures. */
export interface ErrorStrings {
  readonly ErrorForbidden: string;
  readonly ErrorNotSetUp: string;
  readonly ErrorThrottled: string;
  readonly ErrorGeneric: string;
}

/**
 * The message for a failure.
 * @param error what failed
 * @param strings the web part's strings
 * @returns a sentence
 * @example errorMessage(new ServiceError('forbidden', '…', 403), strings) // strings.ErrorForbidden
 */
export function errorMessage(error: Error, strings: ErrorStrings): string {
  if (error instanceof ServiceError) {
    if (error.code === 'forbidden') return strings.ErrorForbidden;
    if (error.code === 'not-found' || error.code === 'not-set-up') return strings.ErrorNotSetUp;
    if (error.code === 'throttled') return strings.ErrorThrottled;
  }
  return `${strings.ErrorGeneric} (${error.message})`;
}
