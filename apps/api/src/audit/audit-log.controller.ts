import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditLogQuery } from './audit-log-query.dto';
import { AuditLog, AuditPage } from './audit-log.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditLog) {}

  /** Security-relevant actions (logins, user changes, rebuilds), newest first, paged (admin only). */
  @Get()
  list(@Query() query: AuditLogQuery): Promise<AuditPage> {
    return this.audit.list(query);
  }
}
