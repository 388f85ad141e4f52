import { Module } from '@nestjs/common';
import { SessionController } from './session.controller.js';
import { SignIn } from './sign-in.js';

@Module({ controllers: [SessionController], providers: [SignIn] })
export class SessionModule {}
