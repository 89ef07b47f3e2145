import { useId, type ReactNode } from 'react';
import { Icon } from '../../app/components/Icon';
import { downloadCsv, fileName, toCsv, type CsvValue } from '../../export/csv';
import { MetricLabel } from '../../metrics/components/MetricLabel';
import type { MetricDefinition } from '../../metrics/definitions';

export interface Column<Row> {
  id: string;
  header: string;
  /** A metric column shows its definition on hover. */
  metric?: MetricDefinition;
  /** The raw value: what the CSV export writes. */
  value: (row: Row) => CsvValue;
  /** What the cell shows (formatted); default: the raw value. */
  render?: (row: Row) => ReactNode;
  numeric?: boolean;
}

export interface DataTableProps<Row> {
  /** Names the table for screen readers and the exported file. */
  title: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Makes rows activatable (click, Enter or Space): a drill-down or a detail. */
  onRowActivate?: (row: Row) => void;
  /** Which row is selected, if any. */
  selectedKey?: string | null;
  /** Below the table: "Load more" and the like. */
  footer?: ReactNode;
  /** Replaces the default CSV export of the rows shown (e.g. the server's export of all rows). */
  onExport?: () => void;
  exportLabel?: string;
  /** data-table attribute, for tests. */
  id?: string;
}

/**
 * Every table of the dashboard: headers with definitions, right-aligned numbers, rows that can be
 * activated from the keyboard, and a CSV export of exactly the rows and raw values shown.
 */
export function DataTable<Row>({
  title,
  columns,
  rows,
  rowKey,
  onRowActivate,
  selectedKey,
  footer,
  onExport,
  exportLabel = 'Export CSV',
  id,
}: DataTableProps<Row>) {
  const captionId = useId();
  const exportCsv =
    onExport ??
    (() =>
      downloadCsv(
        fileName(title),
        toCsv(
          columns.map((c) => c.header),
          rows.map((row) => columns.map((c) => c.value(row))),
        ),
      ));

  return (
    <div className="table-block" data-table={id ?? fileName(title, '').replace(/\.$/, '')}>
      <div className="table-tools">
        <span className="muted table-count">
          {rows.length} {rows.length === 1 ? 'row' : 'rows'}
        </span>
        <button type="button" className="link-button" onClick={exportCsv} disabled={rows.length === 0}>
          <Icon name="download" size={14} /> {exportLabel}
        </button>
      </div>
      <div className="table-scroll">
        <table className="data-table" aria-labelledby={captionId}>
          <caption id={captionId} className="visually-hidden">
            {title}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.id} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.metric ? <MetricLabel metric={{ ...c.metric, label: c.header }} as="span" /> : c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const key = rowKey(row);
              return (
                <tr
                  key={key}
                  className={onRowActivate ? 'is-activatable' : undefined}
                  aria-selected={selectedKey === undefined ? undefined : selectedKey === key}
                  tabIndex={onRowActivate ? 0 : undefined}
                  onClick={onRowActivate ? () => onRowActivate(row) : undefined}
                  onKeyDown={
                    onRowActivate
                      ? (event) => {
                          if (event.key === 'Enter' || event.key === ' ') {
                            event.preventDefault();
                            onRowActivate(row);
                          }
                        }
                      : undefined
                  }
                >
                  {columns.map((c) => (
                    <td key={c.id} className={c.numeric ? 'num' : undefined}>
                      {c.render ? c.render(row) : String(c.value(row) ?? '')}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {footer}
    </div>
  );
}
