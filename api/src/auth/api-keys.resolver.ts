import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyError, createApiKey, listApiKeys, revokeApiKey, type ApiKey, type Database } from '@resonance/sql';
import { ApiErrorCode, apiError } from '../common/domain.exception';
import { textProblem } from '../data/text-input';
import { InjectDatabase } from '../database/database.module';
import { ApiKeyGuard } from './api-key.guard';
import { CurrentWorkspace } from './current-workspace.decorator';
import { ApiKeyInfo, CreatedApiKey, RoleName } from './dto/api-key.model';
import { RequireRole } from './require-role.decorator';

function info(key: ApiKey): ApiKeyInfo {
  return {
    id: key.keyId,
    name: key.name,
    role: key.role as RoleName,
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
  };
}

/**
 * The workspace's API keys, for admins (DESIGN.md "API": admin, also keys). The same operations as
 * `resonance keys`; always within the caller's workspace.
 */
@Resolver()
@UseGuards(ApiKeyGuard)
@RequireRole('admin')
export class ApiKeysResolver {
  constructor(@InjectDatabase() private readonly db: Database) {}

  @Query(() => [ApiKeyInfo], {
    description: "The workspace's API keys, revoked ones included, oldest first. Admin role.",
  })
  async apiKeys(@CurrentWorkspace() workspaceId: string): Promise<ApiKeyInfo[]> {
    return (await listApiKeys(this.db, workspaceId)).map(info);
  }

  @Mutation(() => CreatedApiKey, {
    description: 'Creates a key of the workspace; its secret is in the answer only. Admin role.',
  })
  async createApiKey(
    @CurrentWorkspace() workspaceId: string,
    @Args('role', { type: () => RoleName }) role: RoleName,
    @Args('name', { type: () => String }) name: string,
  ): Promise<CreatedApiKey> {
    const problem = textProblem(name, 200);
    if (problem)
      throw apiError(`The key name ${problem}`, ApiErrorCode.BAD_USER_INPUT, { reason: 'INVALID_KEY_REQUEST' });
    try {
      const { keyId, secret } = await createApiKey(this.db, { workspaceId, role, name });
      const key = (await listApiKeys(this.db, workspaceId)).find((k) => k.keyId === keyId)!;
      return { key: info(key), secret };
    } catch (error) {
      if (error instanceof ApiKeyError)
        throw apiError(error.message, ApiErrorCode.BAD_USER_INPUT, { reason: 'INVALID_KEY_REQUEST' });
      throw error;
    }
  }

  @Mutation(() => Boolean, {
    description:
      'Revokes a key of the workspace (false: no such key). The api may accept it until its key cache expires. Admin role.',
  })
  revokeApiKey(@CurrentWorkspace() workspaceId: string, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return revokeApiKey(this.db, workspaceId, id);
  }
}
