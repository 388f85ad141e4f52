import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CATALOGS, type ReferenceCatalogs } from '#platform';
import { OfficialStatistics } from '#read-models';
import { OfficialStatisticsController } from './official-statistics.controller.js';
import { RevisionTriangleController } from './revision-triangle.controller.js';

@Module({
  controllers: [OfficialStatisticsController, RevisionTriangleController],
  providers: [
    {
      provide: OfficialStatistics,
      inject: [DataSource, CATALOGS],
      useFactory: (dataSource: DataSource, catalogs: ReferenceCatalogs) => new OfficialStatistics(dataSource, catalogs),
    },
  ],
  // The analysts' hotline and referral statistics are read from the released monthly reports.
  exports: [OfficialStatistics],
})
export class OfficialStatisticsModule {}
