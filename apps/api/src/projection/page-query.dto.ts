import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE, PageRequest } from '@luodi/read-models';
import { ConsistentReadQuery } from '../common/consistent-read.dto';

/** Far beyond any list; keeps the SQL offset inside bigint (a larger page was a 500). */
export const MAX_PAGE = 1_000_000;

/** `page` (from 1, at most MAX_PAGE) and `pageSize` (at most 100) of a paged read-model query. */
export class PageQuery extends ConsistentReadQuery {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 20;
}

export const pageOf = (query: PageQuery): PageRequest => ({ page: query.page, pageSize: query.pageSize });
