import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { SUPERVISION_SETTINGS_RANGE } from '@luodi/domain';

const { dueSoonDays, escalateAfterDays, responseDays } = SUPERVISION_SETTINGS_RANGE;

/** PUT replaces all three settings; the ranges are the domain's (SUPERVISION_SETTINGS_RANGE). */
export class SupervisionSettingsDto {
  @ApiProperty({
    minimum: dueSoonDays.min,
    maximum: dueSoonDays.max,
    description: 'Yellow from this many days before the due date',
  })
  @IsInt()
  @Min(dueSoonDays.min)
  @Max(dueSoonDays.max)
  dueSoonDays: number;

  @ApiProperty({
    minimum: escalateAfterDays.min,
    maximum: escalateAfterDays.max,
    description: 'Escalated once overdue by more than this many days',
  })
  @IsInt()
  @Min(escalateAfterDays.min)
  @Max(escalateAfterDays.max)
  escalateAfterDays: number;

  @ApiProperty({
    minimum: responseDays.min,
    maximum: responseDays.max,
    description: 'Default days to answer a notice (respondBy)',
  })
  @IsInt()
  @Min(responseDays.min)
  @Max(responseDays.max)
  responseDays: number;
}
