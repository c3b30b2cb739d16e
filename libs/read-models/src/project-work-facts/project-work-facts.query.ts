import { DataSource } from 'typeorm';
import { ProjectWorkFactsRow } from './project-work-facts.entity';

/**
 * Every project's work facts, for the department scorecards: a scorecard compares all
 * departments, so it reads the whole table once and judges the period in memory (the time
 * conditions are in libs/forecast/src/scorecard.ts, where they can be unit-tested).
 */
export function allProjectWorkFacts(dataSource: DataSource): Promise<ProjectWorkFactsRow[]> {
  return dataSource.getRepository(ProjectWorkFactsRow).find({ order: { projectId: 'ASC' } });
}
