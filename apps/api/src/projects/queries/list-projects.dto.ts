import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PROJECT_SORTS, PROJECT_STATUSES } from '@luodi/read-models';
import type { ProjectStatus } from '@luodi/domain';
import { INPUT_LIMITS } from '@luodi/domain';
import { OptionalText } from '../../common/dto-fields';
import { PageQuery } from '../../projection/page-query.dto';

export class ListProjectsQueryDto extends PageQuery {
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;

  @OptionalText(INPUT_LIMITS.project.industryChain)
  industryChain?: string;

  /** Leads or supports the plan in force, or owns one of its milestones. Department users: always their own. */
  @OptionalText(40)
  department?: string;

  @OptionalText(100)
  conferenceId?: string;

  @OptionalText(100)
  enterpriseId?: string;

  /** 区(市) of the enterprise's project, e.g. 黄岛区. */
  @OptionalText(100)
  district?: string;

  /** Only projects with at least one milestone overdue today (not done, due before today), as the inboxes count them. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  /**
   * Words, or any part of the title, enterprise name or summary (e.g. `海洋` finds 智慧海洋牧场);
   * letters only also match the pinyin of title or enterprise name, full or initials (`gangsheng`, `gs` find 港晟).
   */
  @OptionalText(100)
  q?: string;

  /** updatedAt, submittedAt, enteredLibraryAt, landedOn, investmentYuan or title; `-` first for descending. Default `-updatedAt`. */
  @IsOptional()
  @IsIn(PROJECT_SORTS)
  sort?: string;
}
