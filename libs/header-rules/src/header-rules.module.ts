import { Module } from '@nestjs/common';
import { HeaderRulesService } from './header-rules.service.js';

@Module({ providers: [HeaderRulesService], exports: [HeaderRulesService] })
export class HeaderRulesModule {}
