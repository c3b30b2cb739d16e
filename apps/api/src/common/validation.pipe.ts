import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, InvalidInputError } from './problem';

/** Flattens nested class-validator errors into JSON paths such as `milestones[1].dueOn`. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: message.replace(/^(\w+\.|\w+\[\d+\]\.)+/, '') }));
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}

/** Request DTOs: unknown fields are refused, values converted to their declared types. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new InvalidInputError(fieldErrors(errors)),
});
