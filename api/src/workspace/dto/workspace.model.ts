import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A brand the workspace tracks: its own or a competitor.' })
export class Brand {
  @Field({ description: 'Id used in Filter.brands.' })
  brand!: string;

  @Field()
  name!: string;

  @Field()
  isOwn!: boolean;
}

@ObjectType({ description: "The caller's workspace (from the API key) and what its data covers." })
export class Workspace {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'ISO 4217 code of money figures.' })
  currency!: string;

  @Field({ description: 'IANA time zone.' })
  timezone!: string;

  @Field(() => Float, { description: 'Unanswered messages younger than this are pending, older ones missed.' })
  slaHours!: number;

  @Field(() => [Brand])
  brands!: Brand[];

  @Field(() => [String])
  segments!: string[];

  @Field(() => [String], { description: 'Channels present in the interaction data.' })
  channels!: string[];

  @Field(() => Date, { nullable: true, description: 'First inbound message.' })
  dataFrom!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last inbound message.' })
  dataTo!: Date | null;
}
