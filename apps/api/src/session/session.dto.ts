import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '#platform';
import { arrayOf, closedObject, string } from '../shared/openapi-schema.js';

const DEPARTMENTS: ApiPropertyOptions = {
  type: [String],
  example: ['08'],
  description: 'Departamentos (UBIGEO, 2 dígitos); vacío: nacional / departments; empty: national',
};

/** GET /api/v1/me: who the token says the caller is, and what it may call. */
export interface MeDto {
  subject: string;
  role: Role;
  departments: string[];
  expiresAt: string;
  allowed: string[];
  /** Which records' personal fields this role may receive (with X-Purpose), and whether it may search by document. */
  personalData: { case: boolean; hotline_call: boolean; documentSearch: boolean };
}

/** Closed like every schema an analyst can reach (test/e2e/analyst-responses). */
export const ME_SCHEMA = closedObject<MeDto>({
  subject: string({ description: 'Sujeto opaco del token / opaque subject' }),
  role: string({ enum: [...ROLES] }),
  departments: arrayOf(string({ pattern: '^\\d{2}$', description: 'UBIGEO, 2 dígitos; vacío: nacional / empty: national' })),
  expiresAt: string({ format: 'date-time', description: 'Vencimiento del token (exp) / token expiry' }),
  allowed: arrayOf(
    string({ example: 'POST /api/v1/hotline-calls', description: 'Endpoint permitido a este rol / endpoint this role may call' }),
  ),
  personalData: closedObject<MeDto['personalData']>(
    {
      case: {
        type: 'boolean',
        description:
          "Recibe los datos personales de las víctimas de un caso (con X-Purpose) / receives victims' personal fields (with X-Purpose)",
      },
      hotline_call: {
        type: 'boolean',
        description: "Recibe el resumen de una llamada (con X-Purpose) / receives a call's summary (with X-Purpose)",
      },
      documentSearch: {
        type: 'boolean',
        description: 'Puede buscar casos por documento (POST /cases/search) / may search cases by document',
      },
    },
    { description: 'Necesidad de conocer / need to know (PERSONAL_DATA_READERS)' },
  ),
});

export class SignInDto {
  @ApiProperty({ description: "El código del enlace de acceso (tras #code=) / the sign-in link's code (after #code=)" })
  @IsDefined()
  @IsString()
  @MaxLength(4096)
  code: string;
}

/** POST /api/v1/auth/sign-in: a bearer token for the session the link opened. */
export class SessionDto {
  @ApiProperty({ description: 'Token de acceso (Authorization: Bearer …) / bearer token' }) token: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty(DEPARTMENTS) departments: string[];
  @ApiProperty() subject: string;
}

export class OidcSettingsDto {
  @ApiProperty({ example: 'https://sso.example.gob.pe/realms/registro', description: 'Emisor (issuer) / issuer URL' }) authority: string;
  @ApiProperty({ example: 'registro-console' }) clientId: string;
  @ApiProperty({ example: 'openid' }) scope: string;
}

/** GET /api/v1/auth/config: how the console signs users in. */
export class AuthConfigDto {
  @ApiProperty({ enum: ['local', 'oidc'], description: 'local: enlaces de `npm run cli -- login-url`; oidc: el proveedor de identidad' })
  mode: 'local' | 'oidc';
  @ApiProperty({ type: OidcSettingsDto, nullable: true }) oidc: OidcSettingsDto | null;
}
