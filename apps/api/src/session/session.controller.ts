import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, ROLES, type Actor, type AppConfig } from '#platform';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Access, AccessTable } from '../auth/access.js';
import { personalDataAccess, PUBLIC } from '../auth/endpoint-policy.js';
import { AuthConfigDto, ME_SCHEMA, SessionDto, SignInDto, type MeDto } from './session.dto.js';
import { SignIn } from './sign-in.js';

/** The console's session: who am I, how do I sign in, and the exchange of a local sign-in link for a token. */
@ApiTags('session')
@Controller()
export class SessionController {
  constructor(
    private readonly signIn: SignIn,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessTable,
  ) {}

  @Access({ roles: ROLES }) // any authenticated caller
  @Get('me')
  @ApiOperation({ summary: 'Quién soy y qué puedo llamar / Who I am and what I may call' })
  @ApiOkResponse({ description: 'Sin datos personales / no personal data', schema: ME_SCHEMA })
  me(@CurrentActor() actor: Actor): MeDto {
    return {
      subject: actor.subject,
      role: actor.role,
      departments: [...actor.departments],
      expiresAt: actor.expiresAt ?? '',
      allowed: this.access.allowedEndpoints(actor.role),
      personalData: personalDataAccess(actor.role),
    };
  }

  @Access({ roles: PUBLIC, note: "no token; a sign-in link's code" })
  @Post('auth/sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Canjear un enlace de acceso local (una vez) por un token / Exchange a local sign-in link (once) for a token' })
  @ApiOkResponse({ type: SessionDto })
  exchange(@Body() body: SignInDto): Promise<SessionDto> {
    return this.signIn.exchange(body.code);
  }

  @Access({ roles: PUBLIC, note: 'no token' })
  @Get('auth/config')
  @ApiOperation({ summary: 'Cómo inicia sesión la consola / How the console signs in' })
  @ApiOkResponse({ type: AuthConfigDto })
  authConfig(): AuthConfigDto {
    return { mode: this.config.oidc ? 'oidc' : 'local', oidc: this.config.oidc ? { ...this.config.oidc } : null };
  }
}
