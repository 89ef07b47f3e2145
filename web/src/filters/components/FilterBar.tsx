import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { formatPeriod } from '../../format/format';
import { useFilters } from '../hooks/useFilters';
import { channelLabel, segmentLabel } from '../labels';
import {
  addDays,
  COMPARE_MODES,
  compareFits,
  dayOf,
  DEFAULT_FILTER_STATE,
  isDay,
  isDefaultFilterState,
  PERIOD_PRESETS,
  PRESET_DAYS,
  type CompareMode,
  type FilterState,
} from '../url-state';
import { MultiSelect } from './MultiSelect';

const COMPARE_LABELS: Record<CompareMode, string> = {
  previous: 'vs previous period',
  year: 'vs same period last year',
  none: 'no comparison',
};

export function FilterBar() {
  const workspace = useWorkspace();
  const { state, setState, range, compareRange } = useFilters();
  const update = (patch: Partial<FilterState>) => setState({ ...state, ...patch });

  // The custom period starts from what is on screen, so switching to it changes nothing yet.
  const shownFrom = dayOf(range.from);
  const shownTo = addDays(dayOf(range.to), -1);
  const minDay = workspace.dataFrom ? dayOf(new Date(workspace.dataFrom)) : undefined;
  const maxDay = workspace.dataTo ? dayOf(new Date(workspace.dataTo)) : undefined;

  const setCustom = (from: string, to: string) => {
    if (isDay(from) && isDay(to) && from <= to) update({ period: { kind: 'custom', from, to } });
  };

  return (
    <section className="filter-bar" aria-label="Filters">
      <div className="filter-row">
        <div className="segmented" role="group" aria-label="Period">
          {PERIOD_PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              aria-pressed={state.period.kind === 'preset' && state.period.preset === preset}
              onClick={() => update({ period: { kind: 'preset', preset } })}
            >
              {PRESET_DAYS[preset]} days
            </button>
          ))}
          <button
            type="button"
            aria-pressed={state.period.kind === 'custom'}
            onClick={() => setCustom(shownFrom, shownTo)}
          >
            Custom
          </button>
        </div>

        {state.period.kind === 'custom' && (
          <div className="date-range">
            <label>
              <span className="visually-hidden">From</span>
              <input
                type="date"
                value={state.period.from}
                min={minDay}
                max={state.period.to}
                onChange={(e) => setCustom(e.target.value, shownTo)}
              />
            </label>
            <span aria-hidden="true">–</span>
            <label>
              <span className="visually-hidden">To</span>
              <input
                type="date"
                value={state.period.to}
                min={state.period.from}
                max={maxDay}
                onChange={(e) => setCustom(shownFrom, e.target.value)}
              />
            </label>
          </div>
        )}

        <label className="compare-select">
          <span className="visually-hidden">Compare</span>
          <select value={state.compare} onChange={(e) => update({ compare: e.target.value as CompareMode })}>
            {COMPARE_MODES.map((mode) => (
              <option key={mode} value={mode} disabled={!compareFits(range, mode)}>
                {COMPARE_LABELS[mode]}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="filter-row">
        <MultiSelect
          label="Brands"
          options={workspace.brands.map((b) => ({
            value: b.brand,
            label: b.name,
            ...(b.isOwn ? {} : { note: 'competitor' }),
          }))}
          selected={state.brands}
          onChange={(brands) => update({ brands })}
        />
        <MultiSelect
          label="Channels"
          options={workspace.channels.map((c) => ({ value: c, label: channelLabel(c) }))}
          selected={state.channels}
          onChange={(channels) => update({ channels })}
        />
        <MultiSelect
          label="Segments"
          options={workspace.segments.map((s) => ({ value: s, label: segmentLabel(s) }))}
          selected={state.segments}
          onChange={(segments) => update({ segments })}
        />
        {!isDefaultFilterState(state) && (
          <button type="button" className="link-button" onClick={() => setState(DEFAULT_FILTER_STATE)}>
            Reset filters
          </button>
        )}
        <p className="filter-range" aria-live="polite">
          <strong>{formatPeriod(range.from, range.to)}</strong>
          {compareRange && <span> · vs {formatPeriod(compareRange.from, compareRange.to)}</span>}
        </p>
      </div>
    </section>
  );
}
