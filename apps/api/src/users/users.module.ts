import { Module } from '@nestjs/common';
import { FirstAdminService } from './first-admin.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ controllers: [UsersController], providers: [UsersService, FirstAdminService], exports: [UsersService] })
export class UsersModule {}
