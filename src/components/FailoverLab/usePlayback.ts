/**
 * The lab's clock: the moment shown, playback at a chosen speed, stepping from
 * event to event and the stretch of the run the chart frames (zoom). It only
 * moves a cursor through a result; it computes nothing about failover.
 */
import {useCallback, useEffect, useMemo, useState} from 'react';
import type {SimulationResult} from '@site/src/engine';
import type {TimeWindow} from '@site/src/components/Timeline/chartData';

/** Playback speeds: simulated seconds per real second, or the whole run (or zoomed stretch) in 30 s. */
export const SPEEDS = [
  {value: '1', label: '1× speed'},
  {value: '10', label: '10× speed'},
  {value: '60', label: '60× speed'},
  {value: 'run', label: 'Run in 30 s'},
] as const;

export type Speed = (typeof SPEEDS)[number]['value'];

/** Real seconds "whole run" playback takes. */
const RUN_SECONDS = 30;

/** Times at which something is logged, without repeats, in order. */
export function eventTimes(result: SimulationResult | null): number[] {
  if (!result) return [];
  const times: number[] = [];
  for (const event of result.events) if (times[times.length - 1] !== event.t) times.push(event.t);
  return times;
}

export interface Playback {
  time: number;
  playing: boolean;
  speed: Speed;
  view: TimeWindow | null;
  setSpeed: (speed: Speed) => void;
  setView: (view: TimeWindow | null) => void;
  /** Moves to `t`, pausing, and pans a zoomed chart so that `t` is in it. */
  seek: (t: number) => void;
  togglePlay: () => void;
  /** Moves to the previous (-1) or next (+1) logged event; returns its time, or null if there is none. */
  step: (direction: -1 | 1) => number | null;
}

/** The clock of a lab showing `result`, whose run lasts `duration` seconds. */
export function usePlayback(result: SimulationResult | null, duration: number, initialView: TimeWindow | null): Playback {
  const [time, setTime] = useState(() => initialView?.from ?? 0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>('10');
  const [view, setView] = useState<TimeWindow | null>(initialView);
  const times = useMemo(() => eventTimes(result), [result]);
  const last = Math.max(0, duration - 1);

  useEffect(() => {
    if (time > last) setTime(last);
  }, [last, time]);

  // Play: advance at the chosen speed; a zoomed chart plays its own stretch and stops at its end.
  useEffect(() => {
    if (!playing) return undefined;
    const end = view ? Math.min(last, view.to) : last;
    const rate = speed === 'run' ? (view ? view.to - view.from : duration) / RUN_SECONDS : Number(speed);
    let frame = 0;
    let before = performance.now();
    const tick = (now: number) => {
      const advance = ((now - before) / 1000) * rate;
      before = now;
      setTime((current) => {
        const next = current + advance;
        if (next >= end) {
          setPlaying(false);
          return end;
        }
        return next;
      });
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, view, duration, last]);

  const seek = useCallback(
    (t: number) => {
      const at = Math.max(0, Math.min(last, t));
      setPlaying(false);
      setTime(at);
      setView((current) => {
        if (!current || (at >= current.from && at <= current.to)) return current;
        const width = current.to - current.from;
        const from = Math.max(0, Math.min(duration - width, at - width / 2));
        return {from, to: from + width};
      });
    },
    [last, duration],
  );

  const togglePlay = useCallback(() => {
    if (playing) {
      setPlaying(false);
      return;
    }
    const start = view ? view.from : 0;
    const end = view ? Math.min(last, view.to) : last;
    setTime((current) => (current >= end || current < start ? start : current));
    setPlaying(true);
  }, [playing, view, last]);

  const step = useCallback(
    (direction: -1 | 1) => {
      const found =
        direction > 0 ? times.find((t) => t > Math.floor(time) + 1e-9) : [...times].reverse().find((t) => t < Math.floor(time) - 1e-9);
      if (found === undefined) return null;
      seek(found);
      return found;
    },
    [times, time, seek],
  );

  return {time, playing, speed, view, setSpeed, setView, seek, togglePlay, step};
}
