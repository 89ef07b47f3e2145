/** The schema's `input Filter` (DateTime as ISO-8601 strings; `to` is exclusive). */
export interface Filter {
  from: string;
  to: string;
  brands?: string[];
  channels?: string[];
  segments?: string[];
  agents?: string[];
  publicOnly?: boolean;
  compareFrom?: string;
}
