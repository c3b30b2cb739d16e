import { Module } from '@nestjs/common';
import { AssignLandingPlanHandler } from './assign-landing-plan.handler';
import { GetProjectHistoryHandler } from './get-project-history.handler';
import { GetProjectHandler } from './get-project.handler';
import { LandProjectHandler } from './land-project.handler';
import { PresentProjectHandler } from './present-project.handler';
import { ProjectsController } from './projects.controller';
import { ReportProgressHandler } from './report-progress.handler';
import { ResolveNeedHandler } from './resolve-need.handler';
import { ReviseSubmissionHandler } from './revise-submission.handler';
import { ReviewProjectHandler } from './review-project.handler';
import { SubmitProjectHandler } from './submit-project.handler';
import { WithdrawProjectHandler } from './withdraw-project.handler';

@Module({
  controllers: [ProjectsController],
  providers: [
    SubmitProjectHandler,
    ReviewProjectHandler,
    ReviseSubmissionHandler,
    PresentProjectHandler,
    AssignLandingPlanHandler,
    ReportProgressHandler,
    ResolveNeedHandler,
    LandProjectHandler,
    WithdrawProjectHandler,
    GetProjectHandler,
    GetProjectHistoryHandler,
  ],
})
export class ProjectsModule {}
