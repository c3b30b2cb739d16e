import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, InvalidInputError } from './problem';

/** Flattens nested class-validator errors into JSON paths such as `milestones[1].dueOn`. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property)
      ? `${parent}[${e.property}]`
      : parent
        ? `${parent}.${e.property}`
        : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      constraint,
      message: message.replace(/^(\w+\.|\w+\[\d+\]\.)+/, ''),
    }));
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}

/**
 * Keys class-transformer drops without a word (`__proto__`, `constructor`, `toString`, ... and
 * `prototype`), so the whitelist below never sees them: they are refused here instead.
 */
const RESERVED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
/** Text PostgreSQL cannot store (text and jsonb refuse both): NUL characters, unpaired surrogates. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_MESSAGE = 'must not contain NUL characters or unpaired surrogates';

/** Problems no DTO can catch, anywhere in a request's input (body, query, path parameters). */
function inputProblems(value: unknown, path: string, keysChecked: boolean): FieldError[] {
  if (typeof value === 'string')
    return UNSTORABLE.test(value)
      ? [{ field: path, constraint: 'isStorableText', message: `${path} ${UNSTORABLE_MESSAGE}` }]
      : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => inputProblems(item, `${path}[${i}]`, keysChecked));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const field = path ? `${path}.${key}` : key;
    // The constraint class-validator names an unknown field by.
    if (keysChecked && RESERVED_KEYS.has(key))
      return [{ field, constraint: 'whitelistValidation', message: `property ${key} should not exist` }];
    if (UNSTORABLE.test(key))
      return [{ field, constraint: 'isStorableText', message: `property names ${UNSTORABLE_MESSAGE}` }];
    return inputProblems(item, field, keysChecked);
  });
}

class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const errors = inputProblems(
        value,
        metadata.type === 'body' ? '' : (metadata.data ?? ''),
        metadata.type === 'body',
      );
      if (errors.length > 0) throw new InvalidInputError(errors);
    }
    return super.transform(value, metadata);
  }
}

/** Request DTOs: unknown fields are refused, values converted to their declared types. */
export const validationPipe = new RequestValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new InvalidInputError(fieldErrors(errors)),
});
