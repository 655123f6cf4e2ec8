// The console's closed list of error codes and their HTTP statuses. Every API error is
// `{ "error": { "code", "message", "fieldErrors"? } }`; scripts and tests depend on these names.
import type { z } from 'zod';

export const ERROR_STATUS = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  KAFKA_FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  KAFKA_ERROR: 502,
  KAFKA_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];
export type FieldErrors = Record<string, string[]>;

/**
 * A schema's issues keyed as the API keys its fieldErrors (`configs.retention.ms`, `before.0.offset`; `whole`,
 * `request` unless said otherwise, for the input as a whole). The one conversion, for the server and the forms.
 */
export function zodFieldErrors(error: z.ZodError, whole = 'request'): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) (fieldErrors[issue.path.map(String).join('.') || whole] ??= []).push(issue.message);
  return fieldErrors;
}

// The production server bundles a module into several chunks, each with its own copy of this class: an ApiError
// thrown by one copy failed `instanceof` in another and was answered as a 500. The brand is shared by every copy.
const API_ERROR = Symbol.for('kafka-console.ApiError');

export class ApiError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[API_ERROR] === true;
  }

  readonly [API_ERROR] = true;
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors: FieldErrors | undefined;

  constructor(code: ErrorCode, message: string, options: { status?: number; fieldErrors?: FieldErrors; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    // Malformed JSON is the one VALIDATION error answered with 400 instead of 422.
    this.status = options.status ?? ERROR_STATUS[code];
    this.fieldErrors = options.fieldErrors;
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
      },
    };
  }
}

export const notFound = (message: string) => new ApiError('NOT_FOUND', message);

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
