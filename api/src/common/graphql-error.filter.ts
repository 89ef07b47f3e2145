import { Catch, type ExceptionFilter } from '@nestjs/common';
import { GraphQLError } from 'graphql';

/**
 * A GraphQLError raised outside a resolver body (an argument pipe, a guard) already carries its
 * client code and message. Without this filter Nest's fallback handler logs it at ERROR with a
 * stack, as if the server had failed, for every bad page size or forged cursor a client sends.
 * It goes on to the client unchanged; formatError still masks anything without a client code.
 */
@Catch(GraphQLError)
export class GraphQLErrorFilter implements ExceptionFilter<GraphQLError> {
  catch(error: GraphQLError): GraphQLError {
    throw error;
  }
}
