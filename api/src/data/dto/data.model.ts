import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageOf } from '../pagination';

@ObjectType({
  description: 'One load: where it read from, how it went, and counts that add up (read = loaded + rejected).',
})
export class IngestRun {
  @Field(() => ID)
  id!: string;

  @Field()
  source!: string;

  @Field(() => [String])
  files!: string[];

  @Field({ description: 'running, succeeded or failed.' })
  status!: string;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => Float, { description: 'Input rows read.' })
  rowsRead!: number;

  @Field(() => Float)
  rowsLoaded!: number;

  @Field(() => Float)
  rowsRejected!: number;

  @Field(() => Float, { description: 'Loaded rows left without a sentiment score (a language not scored).' })
  rowsUnscored!: number;

  @Field()
  message!: string;
}

export const IngestRunPage = PageOf(IngestRun, 'IngestRunPage');

@ObjectType({ description: 'An input row a load refused: where it was, why, and the row as read.' })
export class Reject {
  @Field()
  file!: string;

  @Field(() => Float, { description: 'Line (or record) number in the file, from 1.' })
  line!: number;

  @Field()
  reason!: string;

  @Field({ description: 'The raw input row.' })
  raw!: string;

  @Field(() => Date)
  rejectedAt!: Date;
}

export const RejectPage = PageOf(Reject, 'RejectPage');

@ObjectType({ description: 'A named model parameter or standard error.' })
export class ModelParameter {
  @Field()
  name!: string;

  @Field(() => Float)
  value!: number;
}

@ObjectType({ description: 'A fitted CLV model (BG/NBD or Gamma-Gamma) of one segment in one run.' })
export class ModelRun {
  @Field(() => ID)
  runId!: string;

  @Field({ description: "Customer segment; '*' is the whole workspace." })
  segment!: string;

  @Field({ description: 'bgnbd or gamma_gamma.' })
  model!: string;

  @Field(() => [ModelParameter])
  parameters!: ModelParameter[];

  @Field(() => [ModelParameter], { description: 'Standard errors where they could be computed.' })
  standardErrors!: ModelParameter[];

  @Field(() => Float)
  logLikelihood!: number;

  @Field(() => Int, { description: 'Customers the model was fitted on.' })
  customers!: number;

  @Field({ description: 'True when the segment was too small and uses the workspace-wide fit.' })
  pooled!: boolean;

  @Field(() => Date)
  calibrationEnd!: Date;

  @Field(() => Int)
  horizonMonths!: number;

  @Field(() => Float)
  monthlyDiscount!: number;

  @Field(() => Date)
  dataFrom!: Date;

  @Field(() => Date)
  dataTo!: Date;

  @Field(() => Date)
  fittedAt!: Date;

  @Field()
  note!: string;
}

export const ModelRunPage = PageOf(ModelRun, 'ModelRunPage');
