import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';

const Percent = () => applyDecorators(IsInt(), Min(0), Max(100));

/** Each component's weight in whole percent; together 100 (checked by the service). */
export class ScorecardWeightsDto {
  /** On-time rate of the milestones judged in the period. */
  @Percent()
  onTime: number;

  /** Share of the department's needs resolved (resolved in the period against still open). */
  @Percent()
  needs: number;

  /** Landing rate of the projects the department leads. */
  @Percent()
  landing: number;

  /** Supervision notices acknowledged in time: no data until supervision notices exist. */
  @Percent()
  acknowledgement: number;

  /** Enterprise satisfaction at follow-up: no data until follow-up exists. */
  @Percent()
  satisfaction: number;
}

export class PutScorecardWeightsDto {
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ScorecardWeightsDto)
  weights: ScorecardWeightsDto;
}
