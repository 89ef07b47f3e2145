import { Field, InputType, Int } from '@nestjs/graphql';
import { HOURS_OF_WEEK, MAX_TERM_LENGTH } from '@resonance/sql';
import { SentimentClass } from '../../terms/dto/top-terms.model';
import { ServiceExperience } from '../../value/dto/service-value.model';

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

  @Field(() => [Int], {
    nullable: true,
    description: `Only messages written in these hours of the week, in the workspace's time zone: 0 = Monday 00:00–01:00 … ${HOURS_OF_WEEK - 1} = Sunday 23:00 (the cells of response(groupBy: HOUR_OF_WEEK), key "D-HH" = (D − 1) × 24 + HH). At most ${HOURS_OF_WEEK}.`,
  })
  hoursOfWeek?: number[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Only messages using any of these words, split as topTerms splits texts (lower case, no spaces or punctuation, 1…${MAX_TERM_LENGTH} characters each; at most 100).`,
  })
  terms?: string[] | null;

  @Field(() => [SentimentClass], { nullable: true, description: 'Only messages of these sentiment classes.' })
  sentiments?: SentimentClass[] | null;

  @Field(() => [ServiceExperience], {
    nullable: true,
    description:
      'Only customers with these service experiences over the period. Narrows valueCustomers (and its CSV); other queries refuse it.',
  })
  experiences?: ServiceExperience[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only customers whose first purchase month ("YYYY-MM") is one of these. Narrows valueCustomers(population: PURCHASE_COHORTS) (and its CSV); other queries refuse it.',
  })
  cohorts?: string[] | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Start of the compare period, which has the length of the period. Default: the period just before.',
  })
  compareFrom?: Date | null;
}
