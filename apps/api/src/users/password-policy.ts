import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** The password policy for every new password: 8 characters at least (and a sane maximum). */
export const NewPassword = () =>
  applyDecorators(
    IsString(),
    MinLength(8, { message: '$property must have at least 8 characters' }),
    MaxLength(256, { message: '$property must have at most 256 characters' }),
  );
