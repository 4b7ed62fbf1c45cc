/**
 * Every error leaves as `application/problem+json` (RFC 9457): `type`, `title`, `status`,
 * `detail`, and for validation errors an `issues` member in core's Issue shape. Types are
 * URNs: stable identifiers that clients can switch on, with nothing to dereference.
 */
import type { Issue } from '@shareworthy/core';

/** A problem document. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly issues?: readonly Issue[];
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The media type of every error body. */
export const PROBLEM_JSON = 'application/problem+json';

/**
 * Builds a problem document.
 * @param status HTTP status
 * @param slug short machine name, e.g. `validation`; becomes `urn:shareworthy:problem:<slug>`
 * @param detail human explanation for this occurrence
 * @param issues validation issues, when there are some
 * @returns the document to send with {@link PROBLEM_JSON}
 * @example problem(404, 'not-found', 'No link has this code')
 */
export function problem(status: number, slug: string, detail: string, issues?: readonly Issue[]): Problem {
  return {
    type: `urn:shareworthy:problem:${slug}`,
    title: TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    status,
    detail,
    ...(issues === undefined ? {} : { issues }),
  };
}
