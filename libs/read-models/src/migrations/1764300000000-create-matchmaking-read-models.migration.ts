import { MigrationInterface, QueryRunner } from 'typeorm';

/** The matchmaking read models (demand board, cooperations, events) and the tier ladder. Tables without a schema, as rebuild.ts needs. */
export class CreateMatchmakingReadModels1764300000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE matchmaking_events (
        id        text    PRIMARY KEY,
        title     text    NOT NULL,
        kind      text    NOT NULL,
        held_on   date    NOT NULL,
        hosts     text[]  NOT NULL,
        district  text,
        version   integer NOT NULL,
        position  bigint  NOT NULL
      )`);
    await db.query(`
      CREATE TABLE demand_board (
        id             text        PRIMARY KEY,
        publisher_id   text        NOT NULL,
        publisher_name text        NOT NULL,
        category       text        NOT NULL,
        title          text        NOT NULL,
        description    text,
        budget_yuan    bigint,
        deadline       date,
        event_id       text,
        published_at   timestamptz NOT NULL,
        recorded_at    timestamptz NOT NULL,
        version        integer     NOT NULL,
        position       bigint      NOT NULL
      )`);
    await db.query(`CREATE INDEX demand_board_publisher_idx ON demand_board (publisher_id)`);
    await db.query(`CREATE INDEX demand_board_event_idx ON demand_board (event_id)`);
    await db.query(`
      CREATE TABLE cooperation_facts (
        id                 text        PRIMARY KEY,
        demand_id          text        NOT NULL,
        demand_title       text        NOT NULL,
        publisher_id       text        NOT NULL,
        publisher_name     text        NOT NULL,
        category           text        NOT NULL,
        enterprise_id      text        NOT NULL,
        enterprise_name    text        NOT NULL,
        summary            text        NOT NULL,
        event_id           text,
        departments        text[]      NOT NULL,
        stage              text        NOT NULL,
        steps              jsonb       NOT NULL,
        signed_amount_yuan bigint,
        project_id         text,
        proposed_at        timestamptz NOT NULL,
        version            integer     NOT NULL,
        position           bigint      NOT NULL
      )`);
    await db.query(`CREATE INDEX cooperation_facts_demand_idx ON cooperation_facts (demand_id)`);
    await db.query(`CREATE INDEX cooperation_facts_enterprise_idx ON cooperation_facts (enterprise_id)`);
    await db.query(`CREATE INDEX cooperation_facts_publisher_idx ON cooperation_facts (publisher_id)`);
    await db.query(`CREATE INDEX cooperation_facts_departments_idx ON cooperation_facts USING gin (departments)`);
    await db.query(`
      CREATE TABLE enterprise_tiers (
        enterprise_id text  PRIMARY KEY,
        district      text,
        steps         jsonb NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE enterprise_tiers, cooperation_facts, demand_board, matchmaking_events`);
  }
}
