import { applyDecorators, Inject, Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#platform';
import { waitForPosition } from '#read-models';

/** `?minPosition=N` on list and statistics reads: wait (at most READ_YOUR_WRITES_WAIT_MS) for the projections behind them. */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async waitFor(minPosition: number | undefined, projections: readonly string[]): Promise<void> {
    if (minPosition === undefined) return;
    await waitForPosition(
      this.dataSource,
      minPosition,
      projections,
      this.config.readYourWritesWaitMs,
      this.config.eventStore === 'kurrentdb',
    );
  }
}

/** The `minPosition` query parameter, identical on every read that accepts it. */
export const MinPositionParam = () =>
  applyDecorators(
    ApiPropertyOptional({
      minimum: 0,
      description:
        'Espera a que las tablas de lectura incluyan el evento en esta posición global (el `position` de un comando) / ' +
        "wait until the read tables include the event at this global position (a command's `position`)",
    }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(Number.MAX_SAFE_INTEGER),
  );
