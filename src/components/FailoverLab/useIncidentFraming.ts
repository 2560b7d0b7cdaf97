/**
 * Where the lab's clock goes when a new result arrives. A fault added (in the panel, the diagram or a preset)
 * frames the chart on the incident it causes; a reset or a preset starts again from the new model's incident,
 * with the scrubber at its start, unless the reader moved the clock while that run was on its way: then their
 * moment stays, framed by the incident only if it lies in it.
 */
import {useCallback, useEffect, useRef, type Dispatch, type SetStateAction} from 'react';
import type {SimulationResult} from '@site/src/engine';
import type {TimeWindow} from '@site/src/components/Timeline/chartData';
import {formatClock} from '@site/src/utils/format';
import type {Playback} from './usePlayback';

type Restart = 'none' | 'incident' | 'keepTime';

export function useIncidentFraming(result: SimulationResult | null, incident: TimeWindow | null, playback: Playback, setAnnouncement: Dispatch<SetStateAction<string>>) {
  const {time, seek, setView} = playback;
  const faultCount = useRef(result?.model.faults.length ?? 0);
  const restart = useRef<Restart>('none');
  const timeNow = useRef(time);
  timeNow.current = time;

  useEffect(() => {
    if (!result) return;
    const count = result.model.faults.length;
    if (restart.current === 'incident') {
      setView(incident);
      seek(incident?.from ?? 0);
    } else if (restart.current === 'keepTime') {
      const at = timeNow.current;
      setView(incident && at >= incident.from && at <= incident.to ? incident : null);
    } else if (count > faultCount.current && incident) {
      setView(incident);
      setAnnouncement((current) => `${current} The chart now frames the incident, ${formatClock(incident.from)} to ${formatClock(incident.to)}.`);
    }
    restart.current = 'none';
    faultCount.current = count;
  }, [result, incident, setView, seek, setAnnouncement]);

  const readerMoved = useCallback(() => {
    if (restart.current === 'incident') restart.current = 'keepTime';
  }, []);
  // The same function from render to render, so that the chart and the log are not drawn again for a new one.
  const readerSeek = useCallback(
    (t: number) => {
      readerMoved();
      seek(t);
    },
    [readerMoved, seek],
  );

  return {
    /** Call with a preset or a reset: the next result opens on its incident. */
    startAtIncident: () => {
      restart.current = 'incident';
    },
    /** The clock as the reader moves it (scrubber, chart, log, time controls and keys). */
    readerPlayback: {
      ...playback,
      seek: readerSeek,
      togglePlay: () => {
        readerMoved();
        playback.togglePlay();
      },
      step: (direction: -1 | 1) => {
        readerMoved();
        return playback.step(direction);
      },
      setView: (view: TimeWindow | null) => {
        readerMoved();
        setView(view);
      },
    } satisfies Playback,
  };
}
