import { DataSource } from 'typeorm';
import { involvesDepartment } from '../enterprise-list/enterprise-list.query';

export interface ConferenceListItem {
  id: string;
  title: string;
  theme: string | null;
  /** The theme in English mode; null: English mode shows `theme`. */
  themeEn: string | null;
  heldOn: string;
  /** Projects presented at the conference. */
  projects: number;
  /** Of those, landed. */
  landed: number;
}

/**
 * `GET /api/conferences`: every conference, the latest first (a few a year: no paging). With
 * `department`, the counts cover only that department's projects.
 */
export async function listConferences(dataSource: DataSource, department?: string): Promise<ConferenceListItem[]> {
  const rows = await dataSource.query(
    `SELECT c.id, c.title, c.theme, c.theme_en, c.held_on::text AS held_on,
            count(p.id)::int AS projects, count(p.id) FILTER (WHERE p.status = 'landed')::int AS landed
       FROM conference_list c LEFT JOIN project_list p ON p.conference_id = c.id AND ${involvesDepartment(1)}
      GROUP BY c.id ORDER BY c.held_on DESC, c.id`,
    [department ?? null],
  );
  return rows.map((r: Record<string, never>) => ({
    id: r.id,
    title: r.title,
    theme: r.theme,
    themeEn: r.theme_en,
    heldOn: r.held_on,
    projects: r.projects,
    landed: r.landed,
  }));
}
