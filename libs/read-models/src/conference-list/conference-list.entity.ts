import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn, dateColumn, textColumn } from '../column-types';

/** One row per creativity conference: `GET /api/conferences` and dashboard labels. */
@Entity({ name: 'conference_list' })
export class ConferenceListRow {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column(textColumn('title'))
  title: string;

  @Column(textColumn('theme', true))
  theme: string | null;

  @Column(textColumn('theme_en', true))
  themeEn: string | null;

  @Column(dateColumn('held_on', false))
  heldOn: string;

  @Column({ name: 'version', type: 'integer' })
  version: number;

  @Column(bigintColumn('position'))
  position: number;
}
