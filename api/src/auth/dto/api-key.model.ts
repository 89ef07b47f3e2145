import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES } from '@resonance/sql';

export enum RoleName {
  VIEWER = 'viewer',
  ANALYST = 'analyst',
  ADMIN = 'admin',
}
registerEnumType(RoleName, {
  name: 'Role',
  description: 'viewer: aggregates; analyst: also message texts and customer details; admin: also API keys.',
});
// The GraphQL enum and the stored roles are one list.
if (Object.values(RoleName).join() !== ROLES.join()) throw new Error('RoleName is out of step with ROLES');

@ObjectType({ description: "An API key of the caller's workspace; never its secret, which only its holder has." })
export class ApiKeyInfo {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => RoleName)
  role!: RoleName;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'A key just created: the secret is shown here once; only its hash is stored.' })
export class CreatedApiKey {
  @Field(() => ApiKeyInfo)
  key!: ApiKeyInfo;

  @Field({ description: 'Send as "Authorization: Bearer <secret>". Shown only now.' })
  secret!: string;
}
