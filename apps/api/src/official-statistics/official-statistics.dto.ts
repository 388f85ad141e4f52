import { MinPositionParam } from '../shared/read-your-writes.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export const FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof FORMATS)[number];

export class ExportOptionsDto {
  @ApiPropertyOptional({ description: 'Posición del registro: la respuesta es la que se habría dado cuando el registro terminaba allí' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  asOf?: number;

  @ApiPropertyOptional({ enum: FORMATS, default: 'json' }) @IsOptional() @IsIn(FORMATS) format?: ExportFormat;

  @ApiPropertyOptional({ enum: ['es', 'en'], default: 'es', description: 'Idioma de encabezados en CSV y XLSX' })
  @IsOptional()
  @IsIn(['es', 'en'])
  lang?: 'es' | 'en';
}

export class MonthlyReportQueryDto extends ExportOptionsDto {
  @ApiProperty({ example: 2025 }) @Type(() => Number) @IsInt() @Min(1990) @Max(2100) year!: number;
  @ApiProperty({ example: 3 }) @Type(() => Number) @IsInt() @Min(1) @Max(12) month!: number;
  @ApiPropertyOptional({ example: '15', description: 'Departamento (2 dígitos UBIGEO INEI)' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  department?: string;
  @MinPositionParam() minPosition?: number;
}

export class IneiYearParamDto {
  @ApiProperty({ example: 2025 }) @Type(() => Number) @IsInt() @Min(1990) @Max(2100) year!: number;
}

export class PublishDto {
  @ApiPropertyOptional({ description: 'Id generado por el cliente: un reintento con el mismo id devuelve la misma publicación' })
  @IsOptional()
  @IsUUID()
  publicationId?: string;

  @ApiProperty({ enum: ['monthly', 'inei-annual'] }) @IsIn(['monthly', 'inei-annual']) kind!: 'monthly' | 'inei-annual';

  @ApiProperty({ example: '2025-03', description: 'YYYY-MM (monthly) o YYYY (inei-annual)' })
  @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/)
  period!: string;

  @ApiPropertyOptional({ example: '15', description: 'Solo para monthly: limita el reporte a un departamento' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  department?: string;
}
