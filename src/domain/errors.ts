/**
 * Expected failures of a use case, as values with a type. They know nothing of HTTP:
 * server/problem.ts maps them to RFC 9457 problem details.
 */
export interface Violation {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind:
      'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'too-many',
    message: string,
    readonly violations: Violation[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const Unauthenticated = (message = 'You must log in to do this.') =>
  new DomainError('unauthenticated', message);
export const Forbidden = (message = 'You are not allowed to do this.') =>
  new DomainError('forbidden', message);
export const NotFound = (entity: string, id: string) =>
  new DomainError('not-found', `${entity} "${id}" does not exist.`);
export const Conflict = (message: string) => new DomainError('conflict', message);
export const Invalid = (field: string, reason: string) =>
  new DomainError('invalid', `${field}: ${reason}`, [{ field, reason }]);
export const TooMany = (message: string) => new DomainError('too-many', message);

/** A stale write: the caller saw version `expected`, the row is now at another one. */
export const StaleVersion = (entity: string, id: string) =>
  Conflict(
    `${entity} "${id}" was changed by someone else since you loaded it: reload and try again.`,
  );
