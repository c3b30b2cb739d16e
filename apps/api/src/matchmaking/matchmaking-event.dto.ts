import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MATCHMAKING_KINDS, MatchmakingKind } from '@luodi/domain';
import { BusinessDate, OptionalText, RequiredText } from '../common/dto-fields';

export class ScheduleMatchmakingEventDto {
  /** e.g. 国企民企面对面恳谈会（第三期）. */
  @RequiredText(200)
  title: string;

  /** soe-private (国企民企面对面恳谈会), bai-chang-wan-qi (百场万企 对接会), gov-enterprise (政企交融汇) or other. */
  @IsIn(MATCHMAKING_KINDS)
  kind: MatchmakingKind;

  /** The day it is held (CST); it may lie ahead. */
  @BusinessDate()
  heldOn: string;

  /** Who hosts it, e.g. 市国资委. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  hosts?: string[];

  @OptionalText(50)
  district?: string;
}
