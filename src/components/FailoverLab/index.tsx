import React, {Suspense, lazy, useCallback, useEffect, useId, useMemo, useRef, useState} from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {getPreset, PRESETS, selectMechanismAt, selectSegmentAt, type Model, type PresetId, type SimulationResult} from '@site/src/engine';
import {addEntry} from '@site/src/lab/edit';
import {DEFAULT_LAB_MODEL} from '@site/src/lab/defaultModel';
import {withModelParam} from '@site/src/lab/share';
import {modelToCode} from '@site/src/lab/codegen';
import type {LabGoal} from '@site/src/lab/goal';
import {clientFiguresMatter, lowestGoodput} from '@site/src/lab/figures';
import {stopSlowRun, useSimulation} from '@site/src/lab/useSimulation';
import {TIME_LIMIT_MS} from '@site/src/lab/simulationRunner';
import {formatClock} from '@site/src/utils/format';
import {incidentWindow} from '@site/src/components/Timeline/chartData';
import Timeline from '@site/src/components/Timeline';
import ZoneDiagram, {type BreakTarget} from '@site/src/components/ZoneDiagram';
import SummaryFigures from '@site/src/components/SummaryFigures';
import EventLog from '@site/src/components/EventLog';
import WidgetBoundary from '@site/src/components/WidgetBoundary';
import MountWhenNear from '@site/src/components/MountWhenNear';
import BuildPanel from './BuildPanel';
import GoalBox from './GoalBox';
import TimeControls from './TimeControls';
import Toolbar from './Toolbar';
import {TabList, TabPanel} from './Tabs';
import {usePlayback} from './usePlayback';
import {followStripHeight, headingSlug, hideBackToTopWhileVisible} from './page';
import {useSteadyControl} from './useSteadyControl';
import {useCopy, useModelLink} from './useModelLink';
import {useTimeKeys} from './useTimeKeys';
import {useIncidentFraming} from './useIncidentFraming';
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
  /**
   * What the reader should try to achieve, stated above the lab. With targets (`LabGoal`, e.g. from
   * `src/content/labGoals.ts`) the lab checks its own run against them after every edit.
   */
  goal?: string | LabGoal;
  /** Id of the lab's heading, for links to it. Default: made from the title. */
  id?: string;
}

export {DEFAULT_LAB_MODEL};

// Tabs a reader opens by choice load their code then (the lab's first view is the Build tab or the log).
const BreakPanel = lazy(() => import('./BreakPanel'));
const CostOfResilience = lazy(() => import('@site/src/components/CostOfResilience'));

type Tab = 'build' | 'break' | 'log' | 'cost';

const TABS: readonly {id: Tab; label: string}[] = [
  {id: 'build', label: 'Build'},
  {id: 'break', label: 'Break'},
  {id: 'log', label: 'Event log'},
  {id: 'cost', label: 'Cost'},
];

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
  const {syncUrl = false, title = 'Failover lab', buildOpen = true, value, onModelChange, hidePresets = false, goal} = props;
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
  const [announcement, setAnnouncement] = useState('');
  const {shared, setShared, copy} = useCopy(setAnnouncement);
  const [tab, setTab] = useState<Tab>(buildOpen ? 'build' : 'log');
  const outcome = useSimulation(model);
  const lastGood = useRef<SimulationResult | null>(null);
  if (outcome.ok) lastGood.current = outcome.result;
  const result = outcome.ok ? outcome.result : lastGood.current;
  const duration = result?.model.durationSeconds ?? model.durationSeconds ?? 3600;
  const incident = useMemo(() => (result ? incidentWindow(result) : null), [result]);
  const playback = usePlayback(result, duration, incident);
  const {time, playing} = playback;
  const playgroundPath = useBaseUrl('/playground');
  const glossaryPath = useBaseUrl('/docs/reference/glossary');
  const isBrowser = useIsBrowser();
  const headingId = props.id ?? headingSlug(title);
  const fieldId = useId();
  const tabsId = useId();

  // The playground opens the model in its link (the preset menu then shows "Your own model").
  const opened = useCallback(
    (linked: Model) => {
      setModel(linked);
      setPresetId('');
    },
    [setModel],
  );
  const link = useModelLink(syncUrl, model, opened);
  const {release} = link;

  // Docusaurus's floating back-to-top button would cover the lab's controls: it steps aside while a lab is on screen.
  const section = useRef<HTMLElement>(null);
  const resultsPane = useRef<HTMLDivElement>(null);
  // On the wide lab the results pane scrolls on its own (to the diagram): using a control brings its top, the
  // figures and the chart, back into view, so the control's effect is on screen. Elsewhere it is not a box: no-op.
  const showEffect = useCallback(() => resultsPane.current?.scrollTo({top: 0}), []);
  const steady = useSteadyControl(outcome.running === true);
  useEffect(() => hideBackToTopWhileVisible(section.current), []);
  // Controls reached by keyboard scroll in below the stuck strip, however tall it is (see the CSS).
  const hasResult = result !== null;
  useEffect(() => (hasResult ? followStripHeight(section.current) : undefined), [hasResult]);

  const {startAtIncident, readerPlayback} = useIncidentFraming(result, incident, playback, setAnnouncement);
  // The clients' figures: always on the playground (its results pane scrolls on its own); in a chapter
  // lab when its model starts with clients that matter, decided again on a preset or a reset, so that an
  // edit never grows the stuck strip over the control the reader is using.
  const [clientsShown, setClientsShown] = useState(syncUrl);
  const decideClients = useRef(!syncUrl);
  useEffect(() => {
    if (!result || !decideClients.current) return;
    decideClients.current = false;
    setClientsShown(clientFiguresMatter(result));
  }, [result]);
  const change = useCallback(
    (next: Model) => {
      setModel(next);
      setPresetId('');
      release();
    },
    [setModel, release],
  );

  const choosePreset = (id: string) => {
    setPresetId(id);
    release();
    if (id === '') return;
    const preset = getPreset(id as PresetId);
    setModel(preset.model);
    startAtIncident();
    decideClients.current = !syncUrl;
    setAnnouncement(`Loaded the preset "${preset.title}".`);
  };

  const reset = () => {
    setModel(initialModel(props));
    setPresetId(props.model ? '' : (props.preset ?? ''));
    release();
    setShared(null);
    startAtIncident();
    decideClients.current = !syncUrl;
    setAnnouncement('Back to the lab’s starting model.');
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

  // The diagram's handler stays the same function while the model changes, so the diagram is drawn again only for a new moment.
  const latestBreak = useRef(breakNow);
  latestBreak.current = breakNow;
  const onBreak = useCallback((target: BreakTarget) => latestBreak.current(target), []);

  const {step, zoom, onKeyDown} = useTimeKeys(readerPlayback, result, incident, setAnnouncement);

  const shareLink = () => `${window.location.origin}${playgroundPath}${withModelParam('', model)}`;
  const state = result ? selectSegmentAt(result, time) : null;
  const mechanism = useMemo(() => (result ? selectMechanismAt(result, time) : undefined), [result, time]);
  const figures = useMemo(() => (result && clientsShown ? {lowestGoodput: lowestGoodput(result)} : undefined), [result, clientsShown]);
  const taskIds = useMemo(() => (result ? (result.segments[0]?.targets ?? []).map((t) => t.id) : []), [result]);

  return (
    <section
      ref={section}
      className={styles.lab}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      onPointerDownCapture={steady}
      onKeyDownCapture={steady}
      onInputCapture={steady}>
      <Toolbar
        headingId={headingId}
        title={title}
        presetId={hidePresets ? null : presetId}
        onPreset={choosePreset}
        onReset={controlled ? undefined : reset}
        onCopyLink={() => copy('link', shareLink())}
        onCopyCode={() => copy('code', modelToCode(model))}
      />
      {goal ? <GoalBox goal={goal} start={initialModel(props)} model={model} result={outcome.ok ? outcome.result : null} /> : null}
      <p className={styles.status} role="status" aria-live="polite">
        {announcement}
      </p>
      {link.problem ? (
        <div className={styles.problemBox} role="alert">
          <strong>This link could not be opened:</strong> {link.problem} The lab shows its default model instead; the link stays in the address bar as it was.
        </div>
      ) : null}
      {link.notices.length > 0 ? (
        <div className={styles.noticeBox} role="status">
          <strong>This link was made with an older version of the lab.</strong> {link.notices.join(' ')}
        </div>
      ) : null}
      {/* The preset's whole title here too: a narrow preset menu shows only its start. */}
      {presetId && presetId in PRESETS ? (
        <p className={styles.lesson}>
          <strong>{PRESETS[presetId as PresetId].title}.</strong> {PRESETS[presetId as PresetId].lesson}
        </p>
      ) : null}
      {shared ? (
        <div className={styles.shared}>
          <label htmlFor={`${fieldId}-shared`}>{shared.kind === 'link' ? 'Share link' : 'TypeScript for a live code block'}</label>
          <textarea
            id={`${fieldId}-shared`}
            className={controlClassName}
            readOnly
            rows={shared.kind === 'link' ? 2 : 8}
            value={shared.text}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : null}

      {!result && outcome.running ? <p className={styles.hint}>Simulating…</p> : null}
      {outcome.running && outcome.slow ? (
        <p className={styles.hint} role="status">
          Still simulating after {TIME_LIMIT_MS / 1000} s: the machine is busy (the model is within the lab's limits). It runs off the
          page, so the page stays usable, and your model is kept.{' '}
          <button type="button" className="button button--secondary button--sm" onClick={stopSlowRun}>
            Stop this run
          </button>
        </p>
      ) : null}
      {outcome.ok || !outcome.problem ? null : (
        <div className={styles.problemBox} role="alert">
          <strong>This model cannot run:</strong> {outcome.problem}
          {result ? ' The results below are from the last model that ran.' : ''}
        </div>
      )}

      <div className={styles.body}>
        {result && state ? (
          <div className={styles.results} data-stale={!outcome.ok} ref={resultsPane}>
            {/* Summary, chart and clock stay in view while the reader works the controls below (or beside) them. */}
            <div className={styles.strip} data-testid="lab-strip">
              <SummaryFigures summary={result.summary} hasDatabase={result.model.database.kind !== 'none'} compact glossaryPath={glossaryPath} clients={figures} />
              <Timeline
                result={result}
                currentTime={time}
                onSeek={readerPlayback.seek}
                view={playback.view}
                height={170}
                title="Offered, served and failed requests per second"
              />
              <TimeControls playback={readerPlayback} duration={duration} incident={incident} onStep={step} onZoom={zoom} />
            </div>
            {/* The clickable diagram is for breaking things on screen; on paper the figures and the log say what happened. */}
            <div className={`${styles.zonesNow} fl-print-hide`}>
              <h4 className={styles.subheading}>Zones at {formatClock(time)}</h4>
              <p className={styles.hint}>
                Click a zone, a task or the database primary (or focus it and press Enter) to break it at this moment.
              </p>
              <ZoneDiagram state={state} flowing={playing} onBreak={onBreak} mechanism={mechanism} label={`Zones at ${formatClock(time)}`} />
            </div>
          </div>
        ) : null}

        <div className={styles.controls} onInputCapture={showEffect} onClickCapture={showEffect}>
          <TabList tabs={TABS} selected={tab} onSelect={setTab} idPrefix={tabsId} label="Lab controls" />
          {tab === 'build' ? (
            <TabPanel idPrefix={tabsId} tab="build" className="fl-print-hide">
              <BuildPanel model={model} onChange={change} />
            </TabPanel>
          ) : null}
          {tab === 'break' ? (
            <TabPanel idPrefix={tabsId} tab="break" className="fl-print-hide">
              <Suspense fallback={<p className={styles.hint} aria-busy="true">Loading…</p>}>
                <BreakPanel model={model} taskIds={taskIds} currentTime={time} onChange={change} />
              </Suspense>
            </TabPanel>
          ) : null}
          {/* The log is always there (hidden unless chosen), so it prints. */}
          <TabPanel idPrefix={tabsId} tab="log" hidden={tab !== 'log'} className={styles.logPanel}>
            {result ? <EventLog events={result.events} currentTime={time} onSeek={readerPlayback.seek} /> : null}
          </TabPanel>
          {tab === 'cost' ? (
            <TabPanel idPrefix={tabsId} tab="cost" className="fl-print-hide">
              <Suspense fallback={<p className={styles.hint} aria-busy="true">Loading…</p>}>
                <CostOfResilience model={model} />
              </Suspense>
            </TabPanel>
          ) : null}
        </div>
      </div>

      {result ? (
        /* Timing differs between the server render and the browser: show it only once hydrated. The line
           is there (empty) in the server's HTML too, so the lab does not grow when it comes to life. */
        <p className={styles.timing}>
          {outcome.running ? 'Simulating…' : outcome.ok && isBrowser ? simulatedLine(duration, outcome) : '\u00a0'}
        </p>
      ) : null}
    </section>
  );
}

/** How long the run took: on the reader's machine, or, for a first view computed with the site, when it was built. */
function simulatedLine(duration: number, outcome: {milliseconds: number; atBuild?: boolean}): string {
  return outcome.atBuild
    ? `Simulated ${formatClock(duration)} when the site was built.`
    : `Simulated ${formatClock(duration)} in ${outcome.milliseconds.toFixed(1)} ms.`;
}
