import { addTypenameToDocument, print } from '@apollo/client/utilities';
import type { DocumentNode } from 'graphql';

/**
 * The query text Apollo's HttpLink sends for a document: InMemoryCache adds __typename to every
 * selection set, then the document is printed. Early requests (early.ts) must send the same text
 * to be claimed; vite.config.ts writes the Workspace query's into index.html with this.
 */
export function printForApollo(document: DocumentNode): string {
  return print(addTypenameToDocument(document));
}
