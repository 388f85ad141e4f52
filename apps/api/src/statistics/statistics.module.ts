import { Module } from '@nestjs/common';
import { OfficialStatisticsModule } from '../official-statistics/official-statistics.module.js';
import { StatisticsController } from './statistics.controller.js';

@Module({ imports: [OfficialStatisticsModule], controllers: [StatisticsController] })
export class StatisticsModule {}
