import { UseGuards } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import type { Caller } from '../graphql/graphql-context';
import { ApiKeyGuard } from './api-key.guard';
import { CurrentCaller } from './current-caller.decorator';
import { CallerInfo } from './dto/caller.model';
import type { RoleName } from './dto/api-key.model';

/** The caller's own key and role: what the dashboard asks before offering uploads or key management. */
@Resolver()
@UseGuards(ApiKeyGuard)
export class CallerResolver {
  @Query(() => CallerInfo, { description: "The request's API key and its role. Any role." })
  caller(@CurrentCaller() caller: Caller): CallerInfo {
    return { keyId: caller.keyId, role: caller.role as RoleName };
  }
}
