import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IndustryChainCommand, industryChainDecider, IndustryChainEvent, industryChainErrors } from '@luodi/domain';
import { IndustryChainEntity } from '@luodi/platform';
import { DataSource, EntityManager } from 'typeorm';

export interface IndustryChainView {
  name: string;
  /** Only when given. */
  nameEn?: string;
}

export class OnIndustryChains extends Command<IndustryChainView> {
  constructor(readonly command: IndustryChainCommand) {
    super();
  }
}

const UNIQUE_VIOLATION = '23505';

export const chainView = (row: { name: string; nameEn: string | null }): IndustryChainView =>
  row.nameEn === null ? { name: row.name } : { name: row.name, nameEn: row.nameEn };

/**
 * Decides on the catalogue as the table holds it and writes the events' effect to the table: the
 * catalogue is reference data, not an event-sourced stream (see the departments).
 */
@CommandHandler(OnIndustryChains)
export class IndustryChainCommandsHandler implements ICommandHandler<OnIndustryChains> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ command }: OnIndustryChains): Promise<IndustryChainView> {
    try {
      return await this.dataSource.transaction(async (db) => {
        const rows = await db.getRepository(IndustryChainEntity).find();
        const events = industryChainDecider.decide(command, rows.map(chainView));
        for (const event of events) await apply(db, event);
        const name = command.data.name.trim();
        return chainView(await db.getRepository(IndustryChainEntity).findOneByOrFail({ name }));
      });
    } catch (error) {
      // The primary key decides between two concurrent additions of one name.
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION)
        throw industryChainErrors.alreadyExists(command.data.name.trim());
      throw error;
    }
  }
}

async function apply(db: EntityManager, event: IndustryChainEvent): Promise<void> {
  const repository = db.getRepository(IndustryChainEntity);
  switch (event.type) {
    case 'IndustryChainAdded':
      await repository.insert({ name: event.data.name, nameEn: event.data.nameEn ?? null });
      return;
    case 'IndustryChainNamedInEnglish':
      await repository.update({ name: event.data.name }, { nameEn: event.data.nameEn ?? null });
      return;
  }
}
