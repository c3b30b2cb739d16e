import { applyDecorators } from '@nestjs/common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { IsString, MaxLength, ValidateBy, ValidationArguments } from 'class-validator';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

// zxcvbn's score: 3 is "safely unguessable: moderate protection from offline slow-hash attacks".
const MIN_SCORE = 3;
// Loaded once (~60 ms); a check then costs a few ms, up to ~100 ms at 256 characters. It runs only
// where a password is set (user administration, own password change, start-up), never at login.
const strength = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: MAX_PASSWORD_LENGTH });

/** A broken rule: its stable constraint name (as FieldError.constraint) and a message with `$property`. */
export interface PasswordWeakness {
  constraint: string;
  message: string;
}

interface PasswordRule extends PasswordWeakness {
  /** Whether the password keeps the rule; `username` is undefined where it is not known yet. */
  keeps(password: string, username: string | undefined): boolean;
}

const RULES: PasswordRule[] = [
  {
    constraint: 'minLength',
    message: `$property must have at least ${MIN_PASSWORD_LENGTH} characters`,
    keeps: (p) => p.length >= MIN_PASSWORD_LENGTH,
  },
  { constraint: 'isNotBlank', message: '$property must not be only spaces', keeps: (p) => p.trim() !== '' },
  {
    constraint: 'notUsername',
    message: '$property must not contain the username',
    keeps: (p, u) => !u || !p.toLowerCase().includes(u.toLowerCase()),
  },
  {
    constraint: 'isHardToGuess',
    message: '$property is too easy to guess (a common password, word or pattern)',
    // Too short or too long is said by its own rule; scoring it would only cost time.
    keeps: (p, u) =>
      p.length < MIN_PASSWORD_LENGTH ||
      p.length > MAX_PASSWORD_LENGTH ||
      strength.check(p, u ? [u] : []).score >= MIN_SCORE,
  },
];

/** The first rule of the password policy that `password` breaks, if any. */
export function passwordWeakness(password: string, username?: string): PasswordWeakness | undefined {
  const broken = RULES.find((rule) => !rule.keeps(password, username));
  return broken && { constraint: broken.constraint, message: broken.message };
}

/**
 * The password policy for every new password, as DTO validation: at least 10 characters, not only
 * spaces, not containing the username (when the DTO carries it; the service checks it otherwise),
 * not easy to guess (zxcvbn), and a sane maximum.
 */
export const NewPassword = () =>
  applyDecorators(
    IsString(),
    MaxLength(MAX_PASSWORD_LENGTH, { message: `$property must have at most ${MAX_PASSWORD_LENGTH} characters` }),
    ...RULES.map((rule) =>
      ValidateBy({
        name: rule.constraint,
        validator: {
          validate: (value: unknown, args?: ValidationArguments) => {
            const username = (args?.object as { username?: unknown } | undefined)?.username;
            return typeof value !== 'string' || rule.keeps(value, typeof username === 'string' ? username : undefined);
          },
          defaultMessage: () => rule.message,
        },
      }),
    ),
  );
