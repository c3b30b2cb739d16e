import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { IndustryChainEntity } from '@luodi/platform';
import { DataSource } from 'typeorm';
import { chainView, IndustryChainView } from './industry-chain-commands.handler';

export class ListIndustryChainsQuery extends Query<IndustryChainView[]> {}

@QueryHandler(ListIndustryChainsQuery)
export class ListIndustryChainsHandler implements IQueryHandler<ListIndustryChainsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<IndustryChainView[]> {
    const rows = await this.dataSource
      .getRepository(IndustryChainEntity)
      .find({ select: { name: true, nameEn: true }, order: { createdAt: 'ASC', name: 'ASC' } });
    return rows.map(chainView);
  }
}
