import { Global, Module } from '@nestjs/common';
import { DataVersionRepository } from './data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, RESULT_CACHE_OPTIONS, ResultCache } from './result-cache';

/** Global: any feature's service may inject ResultCache. */
@Global()
@Module({
  providers: [
    DataVersionRepository,
    ResultCache,
    { provide: RESULT_CACHE_OPTIONS, useValue: DEFAULT_RESULT_CACHE_OPTIONS },
  ],
  exports: [ResultCache],
})
export class CacheModule {}
