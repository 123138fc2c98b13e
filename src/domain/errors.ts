/**
 * Expected failures of a use case, as values with a type. They know nothing of HTTP:
 * server/problem.ts maps them to RFC 9457 problem details.
 */
export interface Violation {
  field: string;
  /** In English, the API's language. */
  reason: string;
  /** The same as data, for a page to say it in its reader's language (`errors.violations.<code>`). */
  code?: ViolationCode;
  params?: ViolationParams;
}

export type ViolationParams = Record<string, string | number>;

/**
 * What a violation can be. The first are the request's shape (JSON schema keywords, checked at
 * the door), the others the rules of the domain; each has a text in both web locales.
 */
export const violationCodes = [
  'required',
  'unknownField',
  'enum',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'format',
  'nulCharacter',
  'brokenCharacter',
  'pattern',
  'type',
  'minItems',
  'maxItems',
  'uniqueItems',
  'notAccepted',
  'wrongPassword',
  'passwordTooShort',
  'passwordTooLong',
  'passwordHasEmail',
  'passwordFewCharacters',
  'passwordUnchanged',
  'requiredForRole',
  'notForRole',
  'ownAccount',
  'unknownComune',
  'unknownZone',
  'unknownOrgUnit',
  'unknownOrgUnits',
  'unknownMeasure',
  'unknownItems',
  'unknownPlanVersion',
  'editorWithoutOrgUnit',
  'notACup',
  'cupUnchangeable',
  'actionsOnly',
  'wrongContentType',
  'tooManyToExport',
  'adoptionWithoutAct',
  'endBeforeStart',
  'fromAfterTo',
  'instantOutOfRange',
  'documentEmpty',
  'documentTooLarge',
  'notPdf',
  'scopeWithoutZones',
  'scopeWithoutComuni',
  'goalSection',
  'actionWithoutGoal',
  'notForKind',
  'sectionFixed',
  'versionsOfTwoPlans',
  'ownParent',
  'circularHierarchy',
  'fileEmpty',
  'fileNoRows',
  'fileLineEnds',
  'fileTooLarge',
  'fileBinary',
  'fileSpreadsheet',
  'fileArchive',
  'fileNulByte',
  'fileNoSeparator',
  'fileNoKnownColumns',
  'fileNotProjects',
  'fileMissingColumns',
  'fileFieldCount',
  'fileUnclosedQuote',
  'fileTruncated',
  'unreadableFile',
  'unknownMetro',
] as const;

export type ViolationCode = (typeof violationCodes)[number];

/**
 * Why a request conflicts with the state of the data, as data (like a violation's code): the
 * pages say it in the reader's language (`errors.conflicts.<code>`). `stale` is the edit of a copy
 * someone else has changed since; the others are rules, some of which only an old copy breaks (a
 * version adopted meanwhile, a zone given a comune), so a reload helps all but `…Exists`.
 */
export const conflictCodes = [
  'stale',
  'accountExists',
  'projectExists',
  'importedProject',
  'statusUnchanged',
  'statusRefused',
  'updateOpen',
  'noAdoptedVersion',
  'readOnlyVersion',
  'slugExists',
  'otherCity',
  'zoneExists',
  'zoneNameExists',
  'orgUnitNameExists',
  'orgUnitCodeExists',
  'zoneNotEmpty',
  'accountDisabled',
] as const;

export type ConflictCode = (typeof conflictCodes)[number];

export class DomainError extends Error {
  constructor(
    readonly kind:
      'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'too-many',
    message: string,
    readonly violations: Violation[] = [],
    /** What a conflict is, for the pages to say it (see `conflictCodes`). */
    readonly code?: ConflictCode,
    readonly params?: ViolationParams,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const Unauthenticated = (message = 'You must log in to do this.') =>
  new DomainError('unauthenticated', message);
export const Forbidden = (message = 'You are not allowed to do this.', code?: ConflictCode) =>
  new DomainError('forbidden', message, [], code);
export const NotFound = (entity: string, id: string) =>
  new DomainError('not-found', `${entity} "${id}" does not exist.`);
export const Conflict = (message: string, code: ConflictCode, params?: ViolationParams) =>
  new DomainError('conflict', message, [], code, params);
/** A field's fault: `reason` in English, `code` (and `params`) for the pages to translate. */
export const Invalid = (
  field: string,
  reason: string,
  code: ViolationCode,
  params?: ViolationParams,
) =>
  new DomainError('invalid', `${field}: ${reason}`, [
    { field, reason, code, ...(params && { params }) },
  ]);
export const TooMany = (message: string) => new DomainError('too-many', message);

/** A stale write: the caller saw version `expected`, the row is now at another one. */
export const StaleVersion = (entity: string, id: string) =>
  Conflict(
    `${entity} "${id}" was changed by someone else since you loaded it: reload and try again.`,
    'stale',
  );
