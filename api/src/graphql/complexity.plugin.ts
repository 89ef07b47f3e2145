import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Cost budget of one operation: a field costs 1 unless its `complexity` says otherwise. */
export const MAX_COMPLEXITY = 500;

/** Refuses an operation whose estimated cost exceeds MAX_COMPLEXITY before anything is executed. */
@Plugin()
export class ComplexityPlugin implements ApolloServerPlugin {
  constructor(private readonly schemaHost: GraphQLSchemaHost) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const { schema } = this.schemaHost;
    return {
      async didResolveOperation({ request, document }) {
        let complexity: number;
        try {
          complexity = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch (error) {
          // Variables that do not fit their types: execution refuses them before any resolver
          // runs, as BAD_USER_INPUT; thrown from here they would be a 500.
          if (error instanceof GraphQLError) return;
          throw error;
        }
        if (complexity > MAX_COMPLEXITY) {
          throw new GraphQLError(`Query costs ${complexity}; the maximum is ${MAX_COMPLEXITY}`, {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
          });
        }
      },
    };
  }
}
