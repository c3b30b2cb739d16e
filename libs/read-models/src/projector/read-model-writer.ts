import { parseStreamId } from '@luodi/domain';
import type { RecordedEvent } from '@luodi/event-store';
import { EntityManager } from 'typeorm';
import { ConferenceListRow } from '../conference-list/conference-list.entity';
import { evolveConferenceList } from '../conference-list/conference-list.projection';
import { DepartmentAssignmentRow } from '../department-assignments/department-assignment.entity';
import { departmentAssignmentsOf } from '../department-assignments/department-assignment.projection';
import { EnterpriseListRow } from '../enterprise-list/enterprise-list.entity';
import { evolveEnterpriseList } from '../enterprise-list/enterprise-list.projection';
import { ProjectDossierRow } from '../project-dossier/project-dossier.entity';
import { evolveProjectDossier } from '../project-dossier/project-dossier.projection';
import { ProjectFactsRow } from '../project-facts/project-facts.entity';
import { evolveProjectFacts } from '../project-facts/project-facts.projection';
import { ProjectListRow } from '../project-list/project-list.entity';
import { evolveProjectList } from '../project-list/project-list.projection';
import { CooperationFactsRow, DemandBoardRow, EnterpriseTiersRow, MatchmakingEventRow } from '../matchmaking/matchmaking.entity';
import { evolveCooperationFacts, evolveDemandBoard, evolveEnterpriseTiers, evolveMatchmakingEvent } from '../matchmaking/matchmaking.projection';
import { asProjectionEvents, ProjectionEvent } from '../projection-event';
import { RowTable } from './row-table';

type Evolve<Row> = (row: Row | null, event: ProjectionEvent) => Row | null;

/** The rows of one table this writer holds, and which of them changed since they were written. */
class HeldRows<Row extends object> {
  readonly rows = new Map<string, Row>();
  readonly dirty = new Set<string>();

  constructor(
    readonly entity: new () => Row,
    readonly keyProperty: keyof Row & string,
  ) {}

  /** Loads the rows whose `property` is one of `values` (by key: those not held yet); returns their keys. */
  async load(manager: EntityManager, schema: string, property: keyof Row & string, values: Iterable<string>): Promise<string[]> {
    const missing = property === this.keyProperty ? [...values].filter((id) => !this.rows.has(id)) : [...values];
    const keys: string[] = [];
    for (const row of await new RowTable(manager, this.entity, schema).load(property, missing)) {
      const key = row[this.keyProperty] as string;
      keys.push(key);
      if (!this.rows.has(key)) this.rows.set(key, row);
    }
    return keys;
  }

  evolve(key: string, event: ProjectionEvent, evolve: Evolve<Row>): void {
    const before = this.rows.get(key) ?? null;
    const after = evolve(before, event);
    // evolve returns the very same row when the event changes nothing.
    if (after !== null && after !== before) {
      this.rows.set(key, after);
      this.dirty.add(key);
    }
  }

  async flush(manager: EntityManager, schema: string): Promise<void> {
    await new RowTable(manager, this.entity, schema).upsert([...this.dirty].map((key) => this.rows.get(key)!));
    this.dirty.clear();
  }
}

/**
 * Holds the read-model rows a run of events touches: loads them (one query per table), folds
 * the events into them with the pure evolve functions, and writes back the changed ones (one
 * statement per table). The live projector uses one writer per batch; a rebuild keeps one across
 * many batches, so a row changed by many events is loaded once and written once.
 */
export class ReadModelWriter {
  private readonly lists = new HeldRows(ProjectListRow, 'id');
  private readonly dossiers = new HeldRows(ProjectDossierRow, 'projectId');
  private readonly facts = new HeldRows(ProjectFactsRow, 'projectId');
  private readonly enterprises = new HeldRows(EnterpriseListRow, 'id');
  private readonly conferences = new HeldRows(ConferenceListRow, 'id');
  private readonly matchmakingEvents = new HeldRows(MatchmakingEventRow, 'id');
  private readonly demands = new HeldRows(DemandBoardRow, 'id');
  private readonly cooperations = new HeldRows(CooperationFactsRow, 'id');
  private readonly tiers = new HeldRows(EnterpriseTiersRow, 'enterpriseId');
  /** Per held project, its inbox rows as stored: what the list and dossier rows gave when last written. */
  private readonly storedAssignments = new Map<string, DepartmentAssignmentRow[]>();
  /** The held projects of each enterprise, for renames. */
  private readonly projectsOf = new Map<string, Set<string>>();

  /**
   * @param schema where the tables are: the live schema, or a rebuild's shadow schema.
   * @param tablesEmpty the tables hold no rows yet (a rebuild's start): nothing to load.
   */
  constructor(
    private readonly schema: string,
    private readonly tablesEmpty = false,
  ) {}

  /** Projects whose rows are held: how much memory a long-lived writer uses. */
  get heldProjects(): number {
    return this.lists.rows.size;
  }

  async apply(manager: EntityManager, recorded: readonly RecordedEvent[]): Promise<void> {
    const events = asProjectionEvents(recorded);
    if (!this.tablesEmpty) await this.load(manager, events);
    for (const event of events) {
      const stream = parseStreamId(event.streamId);
      if (stream?.kind === 'project') {
        this.lists.evolve(stream.id, event, evolveProjectList);
        this.dossiers.evolve(stream.id, event, evolveProjectDossier);
        this.facts.evolve(stream.id, event, evolveProjectFacts);
        if (event.type === 'ProjectSubmitted') {
          this.storedAssignments.set(stream.id, []);
          this.hold(stream.id);
        }
      } else if (stream?.kind === 'enterprise') {
        this.enterprises.evolve(stream.id, event, evolveEnterpriseList);
        this.tiers.evolve(stream.id, event, evolveEnterpriseTiers);
        // A rename reaches every project of the enterprise (all loaded, see load).
        if (event.type === 'EnterpriseUpdated' && event.data.name !== undefined) {
          for (const id of this.projectsOf.get(stream.id) ?? []) this.lists.evolve(id, event, evolveProjectList);
        }
      } else if (stream?.kind === 'conference') {
        this.conferences.evolve(stream.id, event, evolveConferenceList);
      } else if (stream?.kind === 'matchmaking') {
        this.matchmakingEvents.evolve(stream.id, event, evolveMatchmakingEvent);
      } else if (stream?.kind === 'demand') {
        this.demands.evolve(stream.id, event, evolveDemandBoard);
      } else if (stream?.kind === 'cooperation') {
        this.cooperations.evolve(stream.id, event, evolveCooperationFacts);
      }
    }
  }

  /** Writes every changed row. */
  async flush(manager: EntityManager): Promise<void> {
    const changedProjects = new Set([...this.lists.dirty, ...this.dossiers.dirty]);
    await this.lists.flush(manager, this.schema);
    await this.dossiers.flush(manager, this.schema);
    await this.facts.flush(manager, this.schema);
    await this.enterprises.flush(manager, this.schema);
    await this.conferences.flush(manager, this.schema);
    await this.matchmakingEvents.flush(manager, this.schema);
    await this.demands.flush(manager, this.schema);
    await this.cooperations.flush(manager, this.schema);
    await this.tiers.flush(manager, this.schema);

    // The inbox rows follow from the list and dossier rows: rewrite a project's rows when they differ.
    const replaced: string[] = [];
    const inserted: DepartmentAssignmentRow[] = [];
    for (const id of changedProjects) {
      const stored = this.storedAssignments.get(id) ?? [];
      const now = departmentAssignmentsOf(this.lists.rows.get(id) ?? null, this.dossiers.rows.get(id) ?? null);
      if (JSON.stringify(stored) === JSON.stringify(now)) continue;
      if (stored.length > 0) replaced.push(id);
      inserted.push(...now);
      this.storedAssignments.set(id, now);
    }
    const assignments = new RowTable(manager, DepartmentAssignmentRow, this.schema);
    await assignments.delete('projectId', replaced);
    await assignments.insert(inserted);
  }

  private async load(manager: EntityManager, events: readonly ProjectionEvent[]): Promise<void> {
    const ids = { project: new Set<string>(), enterprise: new Set<string>(), renamed: new Set<string>(), conference: new Set<string>(), demand: new Set<string>(), matchmaking: new Set<string>(), cooperation: new Set<string>() };
    for (const event of events) {
      const stream = parseStreamId(event.streamId);
      if (!stream) continue;
      ids[stream.kind].add(stream.id);
      if (event.type === 'EnterpriseUpdated' && event.data.name !== undefined) ids.renamed.add(stream.id);
    }
    const loaded = [...(await this.lists.load(manager, this.schema, 'id', ids.project)), ...(await this.lists.load(manager, this.schema, 'enterpriseId', ids.renamed))];
    await this.dossiers.load(manager, this.schema, 'projectId', loaded);
    await this.facts.load(manager, this.schema, 'projectId', ids.project);
    await this.enterprises.load(manager, this.schema, 'id', ids.enterprise);
    await this.conferences.load(manager, this.schema, 'id', ids.conference);
    await this.matchmakingEvents.load(manager, this.schema, 'id', ids.matchmaking);
    await this.demands.load(manager, this.schema, 'id', ids.demand);
    await this.cooperations.load(manager, this.schema, 'id', ids.cooperation);
    await this.tiers.load(manager, this.schema, 'enterpriseId', ids.enterprise);
    for (const id of loaded) {
      if (this.storedAssignments.has(id)) continue;
      this.storedAssignments.set(id, departmentAssignmentsOf(this.lists.rows.get(id)!, this.dossiers.rows.get(id) ?? null));
      this.hold(id);
    }
  }

  private hold(projectId: string): void {
    const enterpriseId = this.lists.rows.get(projectId)!.enterpriseId;
    this.projectsOf.set(enterpriseId, (this.projectsOf.get(enterpriseId) ?? new Set()).add(projectId));
  }
}

/** Applies one batch of events to the read models in `schema`, inside the caller's transaction. */
export async function projectBatch(manager: EntityManager, events: readonly RecordedEvent[], schema: string): Promise<void> {
  const writer = new ReadModelWriter(schema);
  await writer.apply(manager, events);
  await writer.flush(manager);
}
