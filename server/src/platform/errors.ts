import type { ErrorCode, FieldError } from '@changai/contracts';

/** A domain error with a stable code; the HTTP status lives in one map in the error handler. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Stable, more precise key, translated by the error handler (e.g. `org.has_children`). */
    readonly reason: string = code,
    readonly params: Record<string, string | number> = {},
    readonly fields?: FieldError[],
  ) {
    super(reason);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(fields: FieldError[], reason = 'validation_failed') {
    super('validation_failed', reason, {}, fields);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(reason = 'unauthenticated') {
    super('unauthenticated', reason);
  }
}
export class InvalidCredentialsError extends AppError {
  constructor() {
    super('invalid_credentials');
  }
}
export class AccountLockedError extends AppError {
  constructor(minutes: number) {
    super('account_locked', 'account_locked', { minutes });
  }
}
export class ForbiddenError extends AppError {
  constructor(reason = 'forbidden', params: Record<string, string | number> = {}) {
    super('forbidden', reason, params);
  }
}
export class NotFoundError extends AppError {
  constructor(entity: string) {
    super('not_found', 'not_found', { entity });
  }
}
export class ConflictError extends AppError {
  constructor(reason: string, params: Record<string, string | number> = {}) {
    super('conflict', reason, params);
  }
}
export class RuleViolationError extends AppError {
  constructor(reason: string, params: Record<string, string | number> = {}, fields?: FieldError[]) {
    super('rule_violation', reason, params, fields);
  }
}
