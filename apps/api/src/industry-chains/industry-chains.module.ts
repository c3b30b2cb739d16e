import { Module } from '@nestjs/common';
import { IndustryChainCommandsHandler } from './industry-chain-commands.handler';
import { IndustryChainsController } from './industry-chains.controller';
import { ListIndustryChainsHandler } from './list-industry-chains.handler';

@Module({
  controllers: [IndustryChainsController],
  providers: [IndustryChainCommandsHandler, ListIndustryChainsHandler],
})
export class IndustryChainsModule {}
