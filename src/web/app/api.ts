/**
 * The one door to the public JSON API. Same-origin cookies carry the session; every unsafe
 * request carries the CSRF token (double-submit: header must match the `metroplan_csrf` cookie).
 * Errors come back as RFC 9457 problem details and are thrown as {@link ApiError}.
 */

import i18next from 'i18next';

export const API_BASE = '/api/v1';
const CSRF_COOKIE = 'metroplan_csrf';
const UNSAFE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export interface Violation {
  field: string;
  /** In English. */
  reason: string;
  /** The same as data: the locales say it (errors.violations.<code>). */
  code?: string;
  params?: Record<string, string | number>;
}

/**
 * A violation in the reader's language: its code's text when the locales have one, the API's
 * English reason otherwise (`isTranslated` tells which, to mark the English as such).
 */
export function violationText(violation: Violation): { text: string; isTranslated: boolean } {
  const key = `errors.violations.${violation.code}`;
  return violation.code && i18next.exists(key)
    ? { text: i18next.t(key, violation.params), isTranslated: true }
    : { text: violation.reason, isTranslated: false };
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  /** What a conflict (409) is: `stale` for a copy someone else changed since, or a rule. */
  code?: string;
  params?: Record<string, string | number>;
  violations?: Violation[];
}

/**
 * A conflict other than a stale copy, in the reader's language (errors.conflicts.<code>); null
 * for a stale copy, which the pages explain in their own words, or a code the locales lack.
 */
export function conflictText(problem: Problem): string | null {
  const key = `errors.conflicts.${problem.code}`;
  return problem.code && problem.code !== 'stale' && i18next.exists(key)
    ? i18next.t(key, problem.params)
    : null;
}

// The form field a conflict is about: a taken e-mail is said beside the e-mail.
const conflictFields: Record<string, string> = {
  accountExists: 'email',
  projectExists: 'cup',
  slugExists: 'slug',
  zoneExists: 'id',
  zoneNameExists: 'name',
  orgUnitNameExists: 'name',
  orgUnitCodeExists: 'code',
};

/** The form field a 409 is about, when it is about one. */
export const conflictField = (problem: Problem): string | undefined =>
  problem.status === 409 && problem.code ? conflictFields[problem.code] : undefined;

// Conflicts with data that exists whatever the page shows: reloading would not change them.
const lastingConflicts = new Set([
  'accountExists',
  'projectExists',
  'slugExists',
  'zoneExists',
  'zoneNameExists',
  'orgUnitNameExists',
  'orgUnitCodeExists',
  'otherCity',
  'importedProject',
]);

/**
 * Whether reloading may resolve a 409: a stale copy, or a rule only an old copy breaks (a version
 * adopted meanwhile, a zone that was given a comune).
 */
export const reloadHelps = (problem: Problem) => !lastingConflicts.has(problem.code ?? 'stale');

/** A 409 for a copy someone else has changed since it was loaded (or a server that does not say). */
export const isStaleCopy = (error: unknown) =>
  isApiError(error, 409) && (error.problem.code ?? 'stale') === 'stale';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** The first violation of each field, keyed by form field: `body.email` and `email` → `email`. */
  violationsByField(): Record<string, Violation> {
    const byField: Record<string, Violation> = {};
    for (const violation of this.problem.violations ?? []) {
      const field = violation.field
        .replace(/^(body|querystring|query|params)[./]/, '')
        .replace(/^\//, '');
      byField[field] ??= violation;
    }
    return byField;
  }

  /** What is wrong with each form field, in the reader's language (a conflict's field too). */
  fieldErrors(): Record<string, string> {
    const field = conflictField(this.problem);
    const conflict = field ? conflictText(this.problem) : null;
    return {
      ...Object.fromEntries(
        Object.entries(this.violationsByField()).map(([name, v]) => [name, violationText(v).text]),
      ),
      ...(field && conflict ? { [field]: conflict } : {}),
    };
  }
}

let csrfToken: string | null = null;

/** Remembers the token handed out by GET/POST /session (it changes at login). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

async function currentCsrfToken(refresh: boolean): Promise<string | null> {
  if (!refresh) {
    if (csrfToken) return csrfToken;
    const fromCookie = readCookie(CSRF_COOKIE);
    if (fromCookie) return fromCookie;
  }
  // No session fetched yet, or the token went stale: ask for the current one.
  const response = await fetch(`${API_BASE}/session`, { credentials: 'same-origin' });
  if (response.ok) {
    const body = (await response.json()) as { csrfToken?: string };
    csrfToken = body.csrfToken ?? null;
  }
  return csrfToken;
}

export type QueryValue = string | number | boolean | null | undefined;

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

async function toProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem> & { message?: string };
      return {
        ...body,
        title: body.title ?? body.message ?? response.statusText,
        status: body.status ?? response.status,
      };
    } catch {
      // fall through to a problem built from the status line
    }
  }
  return { title: response.statusText || 'Error', status: response.status };
}

function isCsrfProblem(problem: Problem): boolean {
  const text = `${problem.type ?? ''} ${problem.title} ${problem.detail ?? ''}`.toLowerCase();
  return problem.status === 403 && text.includes('csrf');
}

async function send(path: string, options: RequestOptions, refresh = false): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method)) {
    const token = await currentCsrfToken(refresh);
    if (token) headers['X-CSRF-Token'] = token;
  }
  return fetch(withQuery(`${API_BASE}${path}`, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
}

/** Calls the API and returns the parsed JSON body (undefined for 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (!response.ok) {
    let problem = await toProblem(response);
    if (isCsrfProblem(problem)) {
      // The token may have rotated (login, logout, expiry): refresh it once and retry.
      response = await send(path, options, true);
      if (!response.ok) problem = await toProblem(response);
    }
    if (!response.ok) throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Fetches a file the API prepares (an export) and hands it to the browser to save, under the name
 * the server gives; a refusal is thrown as an {@link ApiError}, as `api` does.
 */
export async function download(url: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(url, { credentials: 'same-origin', signal });
  if (!response.ok) throw new ApiError(await toProblem(response));
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'metroplan-export';
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return filename;
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** A page of results as every list endpoint returns it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
