import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ConsistentReadQuery } from '../common/consistent-read.dto';
import { AddIndustryChainDto, NameIndustryChainInEnglishDto } from './industry-chain.dto';
import { IndustryChainView, OnIndustryChains } from './industry-chain-commands.handler';
import { ListIndustryChainsQuery } from './list-industry-chains.handler';

@ApiTags('industry-chains')
@Controller('industry-chains')
export class IndustryChainsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Adds a chain (admin). 201 with the chain; 409 INDUSTRY_CHAIN_ALREADY_EXISTS. */
  @Post()
  add(@Body() body: AddIndustryChainDto): Promise<IndustryChainView> {
    return this.commands.execute(
      new OnIndustryChains({ type: 'AddIndustryChain', data: body, metadata: { now: new Date().toISOString() } }),
    );
  }

  /** Gives, changes or clears (null) a chain's English name (admin); `:name` is the Chinese name. 404 INDUSTRY_CHAIN_NOT_FOUND. */
  @Patch(':name')
  nameInEnglish(@Param('name') name: string, @Body() body: NameIndustryChainInEnglishDto): Promise<IndustryChainView> {
    return this.commands.execute(
      new OnIndustryChains({
        type: 'NameIndustryChainInEnglish',
        data: { name, nameEn: body.nameEn },
        metadata: { now: new Date().toISOString() },
      }),
    );
  }

  /** Every chain, seeded ones first in their order, then in the order they were added. */
  @Get()
  list(@Query() _query: ConsistentReadQuery): Promise<IndustryChainView[]> {
    return this.queries.execute(new ListIndustryChainsQuery());
  }
}
