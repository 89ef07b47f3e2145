import { Field, InputType } from '@nestjs/graphql';

@InputType('Filter', {
  description: 'What to measure: a period and optional restrictions. The workspace comes from the API key.',
})
export class FilterInput {
  @Field(() => Date, { description: 'Start of the period, inclusive.' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period, exclusive.' })
  to!: Date;

  @Field(() => [String], {
    nullable: true,
    description:
      "Only these brands (ids as in Workspace.brands). Absent: for figures of the workspace's own service (Overview), its own brands (all when none is marked own). []: all brands.",
  })
  brands?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only these channels (phone, email, chat, twitter, …).' })
  channels?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only customers in these segments.' })
  segments?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only messages handled by these agents.' })
  agents?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only public messages (social posts, reviews).' })
  publicOnly?: boolean | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Start of the compare period, which has the length of the period. Default: the period just before.',
  })
  compareFrom?: Date | null;
}
