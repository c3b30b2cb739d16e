import { Module } from '@nestjs/common';
import { CreditCodeRegistry } from '../enterprises/credit-code-registry.service';
import { ImportsController } from './imports.controller';
import { ProjectImportService } from './project-import.service';

@Module({ controllers: [ImportsController], providers: [ProjectImportService, CreditCodeRegistry] })
export class ImportsModule {}
