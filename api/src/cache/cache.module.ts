import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataVersionScopeInterceptor } from './data-version-scope.interceptor';
import { DataVersionRepository } from './data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, RESULT_CACHE_OPTIONS, ResultCache } from './result-cache';

/** Global: any feature's service may inject ResultCache. Every request gets a data-version scope. */
@Global()
@Module({
  providers: [
    DataVersionRepository,
    ResultCache,
    { provide: RESULT_CACHE_OPTIONS, useValue: DEFAULT_RESULT_CACHE_OPTIONS },
    { provide: APP_INTERCEPTOR, useClass: DataVersionScopeInterceptor },
  ],
  exports: [ResultCache],
})
export class CacheModule {}
