import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RoleName } from './api-key.model';

@ObjectType('Caller', {
  description:
    "Who is asking: the request's API key and its role, so a client shows each role what it may do (viewer: " +
    'aggregates; analyst: also rows, customers and uploads; admin: also keys).',
})
export class CallerInfo {
  @Field(() => ID, { description: "The key's id (ApiKeyInfo.id); never its secret." })
  keyId!: string;

  @Field(() => RoleName)
  role!: RoleName;
}
