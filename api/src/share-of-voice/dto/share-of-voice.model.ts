import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    "One brand's voice. Shares are of all listed brands' mentions (of that class); null when there are none.",
})
export class BrandVoice {
  @Field({ description: 'Id used in Filter.brands.' })
  brand!: string;

  @Field({ description: 'Display name; the id for a brand the workspace does not track.' })
  name!: string;

  @Field()
  isOwn!: boolean;

  @Field(() => Int, { description: 'Inbound mentions.' })
  mentions!: number;

  @Field(() => Float, { nullable: true, description: "mentions ÷ all brands' mentions, 0…1." })
  share!: number | null;

  @Field(() => Int)
  positive!: number;

  @Field(() => Int)
  neutral!: number;

  @Field(() => Int)
  negative!: number;

  @Field(() => Float, { nullable: true, description: "positive ÷ all brands' positive mentions." })
  positiveShare!: number | null;

  @Field(() => Float, { nullable: true, description: "neutral ÷ all brands' neutral mentions." })
  neutralShare!: number | null;

  @Field(() => Float, { nullable: true, description: "negative ÷ all brands' negative mentions." })
  negativeShare!: number | null;

  @Field(() => Float, { nullable: true, description: '(positive − negative) ÷ (positive + negative) × 100.' })
  netSentiment!: number | null;
}

@ObjectType({
  description: "Share of voice across the workspace's brands (Filter.brands, else all), most mentioned first.",
})
export class ShareOfVoice {
  @Field(() => Int)
  totalMentions!: number;

  @Field(() => [BrandVoice])
  brands!: BrandVoice[];
}
