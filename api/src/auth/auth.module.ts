import { Module } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyService } from './api-key.service';
import { ApiKeysResolver } from './api-keys.resolver';
import { CallerResolver } from './caller.resolver';
import { HttpApiKeyGuard } from './http-api-key.guard';

/** Import it in every feature module whose resolvers use ApiKeyGuard. Holds the admins' key resolver and the caller query. */
@Module({
  providers: [ApiKeyService, ApiKeyGuard, HttpApiKeyGuard, ApiKeysResolver, CallerResolver],
  exports: [ApiKeyService, ApiKeyGuard, HttpApiKeyGuard],
})
export class AuthModule {}
