import { Module } from '@nestjs/common';
import { DisplayTokensController } from './display-tokens.controller';
import { DisplayTokens } from './display-tokens.service';

/** Wall screens' display tokens; the authenticator (AuthModule) checks them. */
@Module({ controllers: [DisplayTokensController], providers: [DisplayTokens], exports: [DisplayTokens] })
export class DisplayModule {}
