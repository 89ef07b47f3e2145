import { Module } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyService } from './api-key.service';
import { HttpApiKeyGuard } from './http-api-key.guard';

/** Import it in every feature module whose resolvers use ApiKeyGuard. */
@Module({ providers: [ApiKeyService, ApiKeyGuard, HttpApiKeyGuard], exports: [ApiKeyService, ApiKeyGuard, HttpApiKeyGuard] })
export class AuthModule {}
