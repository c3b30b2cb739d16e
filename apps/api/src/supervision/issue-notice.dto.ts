import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { NOTICE_LEVELS, NOTICE_TEXT_MAX, NoticeLevel } from '@luodi/domain';
import { BusinessDate, OptionalText, RequiredText } from '../common/dto-fields';

/** Exactly one of milestoneId and needId (the decider answers NOTICE_ITEM_REQUIRED otherwise). */
export class IssueNoticeDto {
  @ApiPropertyOptional({ description: 'A milestone of the plan in force' })
  @OptionalText(100)
  milestoneId?: string;

  @ApiPropertyOptional({ description: 'A need of the project' })
  @OptionalText(100)
  needId?: string;

  @ApiProperty({ enum: NOTICE_LEVELS, description: 'reminder: 催办单; supervision: 督办单' })
  @IsIn(NOTICE_LEVELS)
  level: NoticeLevel;

  @RequiredText(NOTICE_TEXT_MAX)
  message: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD, today or later; default today + responseDays' })
  @IsOptional()
  @BusinessDate()
  respondBy?: string;
}

export class AnswerNoticeDto {
  @RequiredText(NOTICE_TEXT_MAX)
  note: string;
}
