import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/**
 * Every GET accepts `minPosition`: the `position` a command returned. The read waits (bounded)
 * until the read models have caught up with it, so a client reads its own writes. Query DTOs
 * extend this class.
 */
export class ConsistentReadQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}
