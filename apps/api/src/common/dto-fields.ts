import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { hasVisibleText, INPUT_LIMITS, isValidDate, isValidInstant } from '@luodi/domain';

/**
 * The field types request DTOs share, so every endpoint checks text, dates, instants and money
 * alike. The deciders check again (they are also fed by imports and scripts); these checks exist
 * so that bad input is answered with every offending field at once, named by its JSON path.
 */

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
// An optional field left blank in a form counts as left out, as the deciders treat it; so does
// one holding only zero-width or control characters.
const trimOrOmit = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (hasVisibleText(value) ? value.trim() : undefined) : value;

// Worded like IsNotEmpty's message, so clients that word "required" themselves recognise it.
const Visible = () =>
  ValidateBy({
    name: 'hasVisibleText',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || value === '' || hasVisibleText(value),
      defaultMessage: (args) => `${args?.property} should not be empty: it has no visible characters`,
    },
  });

/** Non-blank text (something visible), trimmed, at most `max` characters. */
export const RequiredText = (max: number) =>
  applyDecorators(Transform(trim), IsString(), IsNotEmpty(), Visible(), MaxLength(max));

/** Text that may be left out (blank counts as left out), trimmed, at most `max` characters. */
export const OptionalText = (max: number) =>
  applyDecorators(Transform(trimOrOmit), IsOptional(), IsString(), MaxLength(max));

/** A real calendar date `YYYY-MM-DD` (a business date in China Standard Time). */
export const BusinessDate = () =>
  ValidateBy({
    name: 'isBusinessDate',
    validator: {
      validate: isValidDate,
      defaultMessage: (args) => `${args?.property} must be a calendar date written YYYY-MM-DD`,
    },
  });

/** An optional ISO 8601 instant with an offset, e.g. `2024-05-01T09:30:00+08:00`. */
export const OptionalInstant = () =>
  applyDecorators(
    IsOptional(),
    ValidateBy({
      name: 'isInstant',
      validator: {
        validate: isValidInstant,
        defaultMessage: (args) =>
          `${args?.property} must be an ISO 8601 instant with an offset, e.g. 2024-05-01T09:30:00+08:00`,
      },
    }),
  );

/** Whole yuan, 0 or more, exactly representable (a safe integer). */
export const Yuan = () =>
  ValidateBy({
    name: 'isYuan',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0,
      defaultMessage: (args) => `${args?.property} must be a whole number of yuan, 0 or more`,
    },
  });

/** Ids of uploaded evidence files (`POST /api/files`), distinct, at most INPUT_LIMITS.project.evidenceFiles. */
export const EvidenceFileIds = () =>
  applyDecorators(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(INPUT_LIMITS.project.evidenceFiles),
    ArrayUnique(),
    IsUUID('all', { each: true }),
  );
