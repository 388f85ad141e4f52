import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';

export class EraseSubjectDto {
  @ApiProperty({
    description: 'Base legal de la supresión / legal reason for the erasure (e.g. Ley 29733, art. 20)',
    minLength: 5,
    maxLength: 500,
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsDefined()
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason!: string;
}
