import React, {useCallback, useEffect, useId, useMemo, useRef, useState} from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {
  getPreset,
  PRESET_IDS,
  PRESETS,
  selectSegmentAt,
  upgradeModel,
  type Model,
  type PresetId,
  type SimulationResult,
} from '@site/src/engine';
import {addEntry, LAB_ZONES} from '@site/src/lab/edit';
import {decodeModel, SHARE_PARAM, shareLinkProblem, withModelParam} from '@site/src/lab/share';
import {modelToCode} from '@site/src/lab/codegen';
import {useSimulation} from '@site/src/lab/useSimulation';
import {formatClock} from '@site/src/utils/format';
import Timeline from '@site/src/components/Timeline';
import ZoneDiagram, {type BreakTarget} from '@site/src/components/ZoneDiagram';
import SummaryFigures from '@site/src/components/SummaryFigures';
import EventLog from '@site/src/components/EventLog';
import CostOfResilience from '@site/src/components/CostOfResilience';
import WidgetBoundary from '@site/src/components/WidgetBoundary';
import MountWhenNear from '@site/src/components/MountWhenNear';
import BuildPanel from './BuildPanel';
import BreakPanel from './BreakPanel';
import styles from './styles.module.css';
import {controlClassName} from '@site/src/components/Fields';

interface Props {
  /** Preset to start from. Default: two stateless tasks in two zones. */
  preset?: PresetId;
  /** A model to start from (wins over `preset`). */
  model?: Model;
  /** Keep the model in the page URL and read it from there on load (the playground). */
  syncUrl?: boolean;
  /** Heading of the lab. */
  title?: string;
  /** Show the Build controls unfolded. Default true. */
  buildOpen?: boolean;
  /** Controlled mode: the model to show; every edit goes to `onModelChange` (a quiz challenge uses this). */
  value?: Model;
  /** Called with the new model on every edit, in both modes. */
  onModelChange?: (model: Model) => void;
  /** Hide the preset picker (a challenge starts from its own model). */
  hidePresets?: boolean;
}

/** A fresh model with the lab's zone names: two zones, two tasks, nothing broken yet. */
export const DEFAULT_LAB_MODEL: Model = {zones: LAB_ZONES.slice(0, 2), service: {desiredCount: 2}, durationSeconds: 3600};

/** Seconds of real time a full run takes to play. */
const PLAY_SECONDS = 30;

/**
 * The failover lab: build a model, break it, and see the timeline, the zones
 * at any second, the summary, the cost and the event log. All failover numbers
 * come from the engine; this component only edits the model and draws results.
 */
export default function FailoverLab(props: Props): React.JSX.Element {
  const lab = (
    <WidgetBoundary name="the failover lab">
      <Lab {...props} />
    </WidgetBoundary>
  );
  // A chapter's lab is usually far down the page: it runs when the reader gets near it. The playground's
  // (which reads the page's link) and a quiz challenge's (whose model the quiz holds) are live from the start.
  if (props.syncUrl || props.value !== undefined) return lab;
  return <MountWhenNear>{lab}</MountWhenNear>;
}

function initialModel({model, preset}: Props): Model {
  if (model) return model;
  if (preset) return getPreset(preset).model;
  return DEFAULT_LAB_MODEL;
}

function Lab(props: Props): React.JSX.Element {
  const {syncUrl = false, title = 'Failover lab', buildOpen = true, value, onModelChange, hidePresets = false} = props;
  const [ownModel, setOwnModel] = useState<Model>(() => initialModel(props));
  const model = value ?? ownModel;
  const controlled = value !== undefined;
  const setModel = useCallback(
    (next: Model) => {
      if (!controlled) setOwnModel(next);
      onModelChange?.(next);
    },
    [controlled, onModelChange],
  );
  const [presetId, setPresetId] = useState<string>(props.model ? '' : (props.preset ?? ''));
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const [linkNotices, setLinkNotices] = useState<string[]>([]);
  // A refused link stays in the address bar (a reload shows the message again) until the reader edits.
  const keepLink = useRef(false);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [shared, setShared] = useState<{kind: 'link' | 'code'; text: string} | null>(null);
  const outcome = useSimulation(model);
  const lastGood = useRef<SimulationResult | null>(null);
  if (outcome.ok) lastGood.current = outcome.result;
  const result = outcome.ok ? outcome.result : lastGood.current;
  const duration = result?.model.durationSeconds ?? model.durationSeconds ?? 3600;
  const playgroundPath = useBaseUrl('/playground');
  const isBrowser = useIsBrowser();
  const headingId = useId();

  // The playground reads its model from the link once, in the browser.
  useEffect(() => {
    if (!syncUrl) return;
    const value = new URLSearchParams(window.location.search).get(SHARE_PARAM);
    if (value === null) return;
    const decoded = decodeModel(value);
    if (decoded.ok) {
      // An older link opens brought up to date, with a word on what changed.
      const upgraded = upgradeModel(decoded.model);
      setModel(upgraded.model);
      setLinkNotices(upgraded.notices);
      setPresetId('');
    } else {
      keepLink.current = true;
      setLinkProblem(decoded.reason);
    }
  }, [syncUrl, setModel]);

  // …and keeps the link up to date as the reader changes the model.
  useEffect(() => {
    if (!syncUrl || keepLink.current) return;
    const search = withModelParam(window.location.search, model);
    window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  }, [syncUrl, model, linkProblem]);

  useEffect(() => {
    if (time > duration - 1) setTime(Math.max(0, duration - 1));
  }, [duration, time]);

  // Play: move the scrubber through the run in PLAY_SECONDS of real time.
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const step = (now: number) => {
      const advance = ((now - last) / 1000) * (duration / PLAY_SECONDS);
      last = now;
      setTime((current) => {
        const next = current + advance;
        if (next >= duration - 1) {
          setPlaying(false);
          return duration - 1;
        }
        return next;
      });
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [playing, duration]);

  const change = useCallback(
    (next: Model) => {
      setModel(next);
      setPresetId('');
      setLinkProblem(null);
      keepLink.current = false;
    },
    [setModel],
  );

  const choosePreset = (id: string) => {
    setPresetId(id);
    setLinkProblem(null);
    keepLink.current = false;
    if (id === '') return;
    const preset = getPreset(id as PresetId);
    setModel(preset.model);
    setTime(0);
    setAnnouncement(`Loaded the preset "${preset.title}".`);
  };

  const breakNow = (target: BreakTarget) => {
    const at = Math.floor(time);
    if (target.kind === 'zone') {
      change({...model, faults: [...(model.faults ?? []), {kind: 'zoneOutage', zone: target.zone, at, duration: Math.min(900, duration - at)}]});
      setAnnouncement(`Zone ${target.zone} fails at ${formatClock(at)} for ${Math.min(900, duration - at)} seconds.`);
    } else if (target.kind === 'task') {
      change({...model, faults: [...(model.faults ?? []), {kind: 'taskCrash', task: target.task, at}]});
      setAnnouncement(`Task ${target.task} crashes at ${formatClock(at)}.`);
    } else {
      change(addEntry(model, 'primaryFailure', at));
      setAnnouncement(`The database primary fails at ${formatClock(at)}.`);
    }
  };

  const copy = async (kind: 'link' | 'code', text: string) => {
    const tooLong = kind === 'link' ? shareLinkProblem(text) : null;
    if (tooLong?.level === 'refused') {
      setShared(null);
      setAnnouncement(tooLong.message);
      return;
    }
    setShared({kind, text});
    try {
      await navigator.clipboard.writeText(text);
      setAnnouncement(kind === 'link' ? `Link copied to the clipboard.${tooLong ? ` ${tooLong.message}` : ''}` : 'TypeScript copied to the clipboard.');
    } catch {
      setAnnouncement(`Your browser did not allow copying: select the text below and copy it.${tooLong ? ` ${tooLong.message}` : ''}`);
    }
  };

  const shareLink = () => `${window.location.origin}${playgroundPath}${withModelParam('', model)}`;
  const state = result ? selectSegmentAt(result, time) : null;
  const taskIds = useMemo(() => (result ? (result.segments[0]?.targets ?? []).map((t) => t.id) : []), [result]);

  return (
    <section className={styles.lab} aria-labelledby={headingId}>
      <div className={styles.toolbar}>
        <h3 id={headingId} className={styles.title}>
          {title}
        </h3>
        <div className={styles.toolbarControls}>
          {hidePresets ? null : (
            <label className={styles.presetLabel}>
              Preset{' '}
              <select className={controlClassName} value={presetId} onChange={(event) => choosePreset(event.target.value)}>
                <option value="">Your own model</option>
                {PRESET_IDS.map((id) => (
                  <option key={id} value={id}>
                    {PRESETS[id].title}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="button button--secondary button--sm" onClick={() => copy('link', shareLink())}>
            Copy share link
          </button>
          <button type="button" className="button button--secondary button--sm" onClick={() => copy('code', modelToCode(model))}>
            Copy as TypeScript
          </button>
        </div>
      </div>
      <p className={styles.status} role="status" aria-live="polite">
        {announcement}
      </p>
      {linkProblem ? (
        <div className={styles.problemBox} role="alert">
          <strong>This link could not be opened:</strong> {linkProblem} The lab shows its default model instead; the link stays in the address bar as it was.
        </div>
      ) : null}
      {linkNotices.length > 0 ? (
        <div className={styles.noticeBox} role="status">
          <strong>This link was made with an older version of the lab.</strong> {linkNotices.join(' ')}
        </div>
      ) : null}
      {presetId && presetId in PRESETS ? <p className={styles.lesson}>{PRESETS[presetId as PresetId].lesson}</p> : null}
      {shared ? (
        <div className={styles.shared}>
          <label htmlFor={`${headingId}-shared`}>{shared.kind === 'link' ? 'Share link' : 'TypeScript for a live code block'}</label>
          <textarea
            id={`${headingId}-shared`}
            className={controlClassName}
            readOnly
            rows={shared.kind === 'link' ? 2 : 8}
            value={shared.text}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : null}

      {!result && outcome.running ? <p className={styles.hint}>Simulating…</p> : null}
      {outcome.ok || !outcome.problem ? null : (
        <div className={styles.problemBox} role="alert">
          <strong>This model cannot run:</strong> {outcome.problem}
          {result ? ' The results below are from the last model that ran.' : ''}
        </div>
      )}

      {result && state ? (
        <div className={styles.results} data-stale={!outcome.ok}>
          <div className={styles.summaryRow}>
            <div>
              <h4 className={styles.subheading}>Summary</h4>
              <SummaryFigures summary={result.summary} hasDatabase={result.model.database.kind !== 'none'} />
            </div>
            <CostOfResilience model={model} />
          </div>
          <h4 className={styles.subheading}>Timeline</h4>
          <Timeline result={result} currentTime={time} onSeek={setTime} title="Offered, served and failed requests per second" />
          <div className={`${styles.scrubber} fl-print-hide`}>
            <button
              type="button"
              className="button button--primary button--sm"
              onClick={() => {
                if (!playing && time >= duration - 1) setTime(0);
                setPlaying(!playing);
              }}
              aria-pressed={playing}>
              {playing ? 'Pause' : 'Play'}
            </button>
            <label className={styles.scrubberLabel}>
              <span>
                Time <span className={styles.clock}>{formatClock(time)}</span>
              </span>
              <input
                type="range"
                min={0}
                max={Math.max(0, duration - 1)}
                step={1}
                value={Math.floor(time)}
                aria-valuetext={`${formatClock(time)} of ${formatClock(duration)}`}
                onChange={(event) => {
                  setPlaying(false);
                  setTime(Number(event.target.value));
                }}
              />
            </label>
          </div>
          {/* The clickable diagram is for breaking things on screen; on paper the figures and the log say what happened. */}
          <div className="fl-print-hide">
            <h4 className={styles.subheading}>Zones at {formatClock(time)}</h4>
            <p className={styles.hint}>
              Click a zone, a task or the database primary (or focus it and press Enter) to break it at this moment.
            </p>
            <ZoneDiagram state={state} flowing={playing} onBreak={breakNow} label={`Zones at ${formatClock(time)}`} />
          </div>
        </div>
      ) : null}

      <div className={`${styles.columns} fl-print-hide`}>
        <details className={styles.panel} open={buildOpen}>
          <summary>Build</summary>
          <BuildPanel model={model} onChange={change} />
        </details>
        <details className={styles.panel} open>
          <summary>Break</summary>
          <BreakPanel model={model} taskIds={taskIds} currentTime={time} onChange={change} />
        </details>
      </div>

      {result ? (
        <>
          <h4 className={styles.subheading}>Event log</h4>
          <EventLog events={result.events} currentTime={time} onSeek={setTime} />
          {/* Timing differs between the server render and the browser: show it only once hydrated. The line
              is there (empty) in the server's HTML too, so the lab does not grow when it comes to life. */}
          <p className={styles.timing}>
            {outcome.running ? 'Simulating…' : outcome.ok && isBrowser ? `Simulated ${formatClock(duration)} in ${outcome.milliseconds.toFixed(1)} ms.` : '\u00a0'}
          </p>
        </>
      ) : null}
    </section>
  );
}
