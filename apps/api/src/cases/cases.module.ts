import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CaseList } from './case-list.js';
import { CaseTimeline } from './case-timeline.js';
import { CaseUseCases } from './case-use-cases.js';
import { CasesController } from './cases.controller.js';
import { CaseCatalogsController } from '../reference/case-catalogs.controller.js';

@Module({
  imports: [AuthModule],
  controllers: [CasesController, CaseCatalogsController],
  providers: [CaseUseCases, CaseTimeline, CaseList],
})
export class CasesModule {}
