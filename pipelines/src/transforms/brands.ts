import type { Database } from '@resonance/sql';

interface BrandRow {
  brand: string;
  name: string;
  is_own: boolean;
  handles: string[];
}

/**
 * The workspace's brands (table `brands`), looked up by normalised handle (lower case, no '@'),
 * by key or by name. Social sources attribute a message to a brand through it.
 */
export class BrandDirectory {
  private readonly byHandle = new Map<string, string>();
  private readonly known = new Set<string>();

  private constructor(readonly rows: readonly BrandRow[]) {
    for (const row of rows) {
      this.known.add(row.brand);
      this.byHandle.set(row.brand.toLowerCase(), row.brand);
      this.byHandle.set(row.name.toLowerCase(), row.brand);
      for (const handle of row.handles) this.byHandle.set(handle.replace(/^@/, '').toLowerCase(), row.brand);
    }
  }

  static async load(db: Database, workspaceId: string): Promise<BrandDirectory> {
    const result = await db.client.query({
      query:
        'SELECT brand, name, is_own, handles FROM brands FINAL WHERE workspace_id = {workspace_id:String} ORDER BY brand',
      query_params: { workspace_id: workspaceId },
      format: 'JSONEachRow',
    });
    return new BrandDirectory(await result.json<BrandRow>());
  }

  /** The brand a handle (with or without '@', any case) belongs to. */
  brandOf(handle: string): string | undefined {
    return this.byHandle.get(handle.replace(/^@/, '').toLowerCase());
  }

  has(brand: string): boolean {
    return this.known.has(brand);
  }

  /** The workspace's own brand when it has exactly one (help-desk exports carry no brand handle). */
  ownBrand(): string | undefined {
    const own = this.rows.filter((r) => r.is_own);
    return own.length === 1 ? own[0]!.brand : undefined;
  }

  get size(): number {
    return this.rows.length;
  }

  /**
   * Records brands a source discovered (twcs: the authors of outbound tweets). Only new ones are
   * written: an existing brand keeps its name and ownership.
   */
  async addDiscovered(db: Database, workspaceId: string, handles: Iterable<string>, version: number): Promise<number> {
    const rows = [];
    for (const raw of handles) {
      const handle = raw.replace(/^@/, '').toLowerCase();
      if (this.byHandle.has(handle)) continue;
      this.byHandle.set(handle, handle);
      this.known.add(handle);
      rows.push({
        workspace_id: workspaceId,
        brand: handle,
        name: raw.replace(/^@/, ''),
        is_own: false,
        handles: [handle],
        version,
      });
    }
    if (rows.length > 0) await db.client.insert({ table: 'brands', values: rows, format: 'JSONEachRow' });
    return rows.length;
  }
}
