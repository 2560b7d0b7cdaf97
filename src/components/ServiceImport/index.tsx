import React, {useEffect, useRef, useState} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import type {Model} from '@site/src/engine';
import type {GameDayTargets} from '@site/src/import/gameDay';
import type {ImportInput, ImportResult} from '@site/src/import/types';
import type {ChapterLink, Report, ReportOutcome} from '@site/src/import/report';
import {MAX_INPUT_BYTES} from '@site/src/import/limits';
import {NumberField} from '@site/src/components/Fields';
import {formatCount} from '@site/src/utils/format';
import {zoneList} from '@site/src/import/zoneIds';
import ImportMapping from '@site/src/components/ImportMapping';
import GameDayReport from '@site/src/components/GameDayReport';
import ImportTargets from '@site/src/components/ImportTargets';
import ImportExport from '@site/src/components/ImportExport';
import ImportServicePicker from '@site/src/components/ImportServicePicker';
import styles from './styles.module.css';

type Lib = typeof import('@site/src/import/report');

/** The importer, the engine and the YAML parser load only when the reader imports something (or opens a shared link). */
const loadLib = (): Promise<Lib> => import('@site/src/import/report');

const FALLBACK_TARGETS: GameDayTargets = {availability: 0.995, rtoSeconds: 300, rpoSeconds: 0, sessionsLost: 0};

/** A model handed over in the address by a team lead. */
interface Shared {
  model: Model;
  chapters: ChapterLink[];
  /** Zone name → zone ID, when the link carries them. */
  zoneIds: Record<string, string>;
}

async function readFiles(files: FileList): Promise<{inputs: ImportInput[]; tooBig: string[]}> {
  const inputs: ImportInput[] = [];
  const tooBig: string[] = [];
  for (const file of Array.from(files)) {
    // Checked before reading, so a huge file never reaches memory.
    if (file.size > MAX_INPUT_BYTES) tooBig.push(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_INPUT_BYTES / 1024 / 1024} MB limit this page reads.`);
    else inputs.push({name: file.name, text: await file.text()});
  }
  return {inputs, tooBig};
}

/**
 * Import a service from AWS CLI output, a CloudFormation template or a
 * Terraform plan, read the mapping, run a game day against targets, and take
 * the model to the lab, to paper or to a new engineer.
 */
export default function ServiceImport(): React.JSX.Element {
  const [lib, setLib] = useState<Lib | null>(null);
  const [pasted, setPasted] = useState('');
  const [files, setFiles] = useState<ImportInput[]>([]);
  const [fileProblems, setFileProblems] = useState<string[]>([]);
  const [requestsPerSecond, setRequestsPerSecond] = useState<number | undefined>(undefined);
  const [capacityPerTask, setCapacityPerTask] = useState<number | undefined>(undefined);
  const [egressPercent, setEgressPercent] = useState<number | undefined>(undefined);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [shared, setShared] = useState<Shared | null>(null);
  const [sharedProblem, setSharedProblem] = useState<string | null>(null);
  const [targets, setTargets] = useState<GameDayTargets>(FALLBACK_TARGETS);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState<'import' | 'game-day' | null>(null);
  const [gameDayProblem, setGameDayProblem] = useState<string | null>(null);
  const [gameDayMs, setGameDayMs] = useState<number | null>(null);
  /** Cancels the game day running in the worker, if one is. */
  const cancelGameDay = useRef<(() => void) | null>(null);
  const stopGameDay = () => {
    cancelGameDay.current?.();
    cancelGameDay.current = null;
  };
  useEffect(() => stopGameDay, []);

  // A shared onboarding link: read the model, targets and chapters from the address.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const value = params.get('model');
    if (!value) return;
    void loadLib().then((loaded) => {
      setLib(loaded);
      const decoded = loaded.decodeModel(value);
      if (!decoded.ok) {
        setSharedProblem(`This link’s model could not be read: ${decoded.reason}`);
        return;
      }
      setShared({model: decoded.model, chapters: loaded.chapterLinks((params.get('chapters') ?? '').split(',')), zoneIds: loaded.decodeZoneIds(params.get('zoneIds'))});
      setTargets(loaded.decodeTargets(params.get('targets')) ?? loaded.DEFAULT_TARGETS);
    });
  }, []);

  const model = result?.model ?? shared?.model ?? null;
  const zoneIds = (result?.model ? result.zoneIds : shared?.zoneIds) ?? {};

  const runImport = async (service?: string) => {
    stopGameDay();
    setGameDayProblem(null);
    setBusy('import');
    const loaded = lib ?? (await loadLib());
    setLib(loaded);
    const inputs = [...files, ...(pasted.trim() ? [{name: 'pasted text', text: pasted}] : [])];
    const imported = loaded.importInputs(inputs, {requestsPerSecond, capacityPerTask, service, egressShare: egressPercent === undefined ? undefined : egressPercent / 100});
    const extra = fileProblems.map((message) => ({severity: 'error' as const, message}));
    setResult({...imported, model: extra.length ? null : imported.model, problems: [...extra, ...imported.problems]});
    setShared(null);
    setReport(null);
    setBusy(null);
  };

  const runGameDay = () => {
    if (!lib || !model) return;
    stopGameDay();
    setBusy('game-day');
    setGameDayProblem(null);
    // Every run happens in the shared simulation worker; the page only draws the report.
    cancelGameDay.current = lib.startGameDay(model, targets, zoneIds, (outcome: ReportOutcome) => {
      cancelGameDay.current = null;
      setBusy(null);
      if (outcome.ok) {
        setReport(outcome.report);
        setGameDayMs(outcome.milliseconds);
      } else {
        setGameDayProblem(`The game day did not finish: ${outcome.problem}`);
      }
    });
  };

  const cancelRun = () => {
    stopGameDay();
    setBusy(null);
    setGameDayProblem('The game day was stopped. Run it again when you are ready.');
  };

  const picker =
    result && result.services.length > 1 ? (
      <ImportServicePicker key={result.serviceName ?? ''} services={result.services} current={result.serviceName} onChoose={(service) => void runImport(service)} disabled={busy !== null} />
    ) : null;

  return (
    <div className={styles.tool}>
      {sharedProblem ? (
        <p role="alert" className={styles.alert}>
          {sharedProblem}
        </p>
      ) : null}
      {shared ? (
        <section aria-labelledby="shared-heading" className={styles.shared}>
          <Heading as="h2" id="shared-heading">
            Your team’s service
          </Heading>
          <p>
            Someone on your team shared this service’s model: {shared.model.zones.length} zones ({zoneList(shared.model.zones, zoneIds)}). Run the game day below to see what a zone loss does to it, then take these
            chapters:
          </p>
          <ol>
            {shared.chapters.map((c) => (
              <li key={c.slug}>
                <Link to={c.href}>{c.title}</Link>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="import-heading" className="fl-print-hide">
        <Heading as="h2" id="import-heading">
          {shared ? 'Or import another service' : 'Import'}
        </Heading>
        <div className={styles.inputs}>
          <label className={styles.field}>
            <span>Paste AWS CLI output, a CloudFormation template or Terraform JSON</span>
            <textarea className={styles.textarea} rows={10} spellCheck={false} value={pasted} onChange={(event) => setPasted(event.target.value)} />
          </label>
          <label className={styles.field}>
            <span>…or choose files (JSON or YAML, at most {MAX_INPUT_BYTES / 1024 / 1024} MB each)</span>
            <input
              type="file"
              multiple
              accept=".json,.yaml,.yml,.template,.txt"
              className={styles.file}
              onChange={(event) => {
                const list = event.target.files;
                if (!list) return;
                void readFiles(list).then(({inputs, tooBig}) => {
                  setFiles(inputs);
                  setFileProblems(tooBig);
                });
              }}
            />
          </label>
        </div>
        <p className={styles.hint}>No AWS description holds your traffic, what one task serves or how many requests call out to the internet; set them, or the model uses its illustrative 100 req/s and assumes every request calls out.</p>
        <div className={styles.figures}>
          <NumberField label="Peak requests per second" value={requestsPerSecond} defaultValue={100} defaultSource="illustrative" unit="req/s" hint="Your busiest minute." min={0} onChange={setRequestsPerSecond} />
          <NumberField label="One task serves" value={capacityPerTask} defaultValue={100} defaultSource="illustrative" unit="req/s" hint="From a load test." min={1} onChange={setCapacityPerTask} />
          <NumberField
            label="Requests that call the internet"
            value={egressPercent}
            defaultValue={100}
            defaultSource="assumed"
            unit="%"
            hint="Through a NAT gateway: used when one gateway serves tasks in several zones."
            min={0}
            max={100}
            onChange={setEgressPercent}
          />
        </div>
        <button type="button" className={clsx('button button--primary', styles.button)} onClick={() => void runImport()} disabled={busy !== null}>
          {busy === 'import' ? 'Importing…' : 'Import'}
        </button>
      </section>

      {result ? (
        <section aria-labelledby="result-heading">
          <Heading as="h2" id="result-heading" className="fl-print-hide">
            What was imported
          </Heading>
          {result.model ? (
            <p className="fl-print-hide">
              {result.serviceName ? `Service ${result.serviceName}: ` : ''}
              {result.model.zones.length} zone{result.model.zones.length === 1 ? '' : 's'} ({zoneList(result.model.zones, zoneIds)}), from {result.formats.map((f) => FORMAT_NAMES[f]).join(' and ')}.
            </p>
          ) : null}
          {/* Before the mapping once a service is imported; after the message that asks for a choice before that. */}
          {result.model ? picker : null}
          <ImportMapping result={result} />
          {result.model ? null : picker}
        </section>
      ) : null}

      {model && lib ? (
        <section aria-labelledby="game-day-heading" className={styles.report}>
          <Heading as="h2" id="game-day-heading">
            Game day{result?.serviceName ? `: ${result.serviceName}` : ''}
          </Heading>
          <p className={styles.printOnly}>
            Failover Lab report card{result?.serviceName ? ` for ${result.serviceName}` : ''}: {model.zones.length} zones ({zoneList(model.zones, zoneIds)}). Targets in every scenario: availability at least{' '}
            {(targets.availability * 100).toFixed(2).replace(/\.?0+$/, '')} %, recovered within {targets.rtoSeconds} s, at most {targets.rpoSeconds} s of writes and {targets.sessionsLost} sessions lost. Each
            scenario: one hour, the fault at minute {lib.GAME_DAY_TIMING.at / 60} for {lib.GAME_DAY_TIMING.duration / 60} minutes.
          </p>
          <p className="fl-print-hide">
            Each scenario runs one hour in the engine, with the fault at minute {lib.GAME_DAY_TIMING.at / 60} lasting {lib.GAME_DAY_TIMING.duration / 60} minutes: each zone lost in turn, a gray failure in
            each zone ({Math.round(lib.GRAY_FAILURE_ERROR_SHARE * 100)} % of the requests served there fail while health checks pass, an illustrative share), the database primary failing, and each zone
            cut off from the others where the engine models it.
          </p>
          <div className="fl-print-hide">
            <ImportTargets targets={targets} onChange={setTargets} />
          </div>
          <div className={clsx('fl-print-hide', styles.runRow)}>
            <button type="button" className={clsx('button button--primary', styles.button)} onClick={runGameDay} disabled={busy !== null}>
              {busy === 'game-day' ? 'Running…' : report ? 'Run the game day again' : 'Run the game day'}
            </button>
            {busy === 'game-day' ? (
              <button type="button" className={clsx('button button--secondary', styles.button)} onClick={cancelRun}>
                Stop the game day
              </button>
            ) : null}
            <span role="status" className={styles.runStatus} data-testid="game-day-status">
              {busy === 'game-day'
                ? 'Running every scenario in the background; the page stays usable.'
                : report && gameDayMs !== null && !gameDayProblem
                  ? `Game day and recommendations run in ${formatCount(Math.round(gameDayMs))} ms, ${typeof Worker === 'undefined' ? 'on this page (this browser starts no workers)' : 'in a background worker'}.`
                  : ''}
            </span>
          </div>
          {gameDayProblem ? (
            <p role="alert" className={clsx('fl-print-hide', styles.alert)}>
              {gameDayProblem}
            </p>
          ) : null}
          {report ? <GameDayReport report={report} labHref={lib.labHref} /> : null}
          <ImportExport lib={lib} model={model} targets={targets} chapters={report?.chapters ?? shared?.chapters ?? []} zoneIds={zoneIds} />
        </section>
      ) : null}
    </div>
  );
}

const FORMAT_NAMES = {'aws-cli': 'AWS CLI output', cloudformation: 'a CloudFormation template', terraform: 'Terraform JSON'} as const;
