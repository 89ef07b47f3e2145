import { ArgsType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';

export enum SentimentClass {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
}

registerEnumType(SentimentClass, {
  name: 'SentimentClass',
  description: 'Positive: score ≥ 0.05; negative: ≤ −0.05; neutral: between.',
});

export const MAX_TERMS = 200;
export const DEFAULT_TERMS = 50;

@ArgsType()
export class TopTermsArgs {
  @Field(() => SentimentClass, { nullable: true, description: 'Only messages of this class; default: all messages.' })
  @IsOptional()
  @IsEnum(SentimentClass)
  sentiment?: SentimentClass | null;

  @Field(() => Int, { nullable: true, description: `How many terms, 1…${MAX_TERMS} (default ${DEFAULT_TERMS}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TERMS)
  limit?: number | null;
}

@ObjectType({ description: 'A word of inbound messages and how many messages use it.' })
export class Term {
  @Field({ description: 'Lower case.' })
  term!: string;

  @Field(() => Int, { description: 'Messages containing the term (once per message).' })
  messages!: number;
}

@ObjectType({
  description:
    'Most used terms of inbound messages, for a word cloud: stop words, @handles, links and numbers left out.',
})
export class TopTerms {
  @Field(() => SentimentClass, { nullable: true })
  sentiment!: SentimentClass | null;

  @Field(() => [Term], { description: 'Most used first, then alphabetical.' })
  terms!: Term[];
}
