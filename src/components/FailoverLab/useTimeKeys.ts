/**
 * The lab's time actions as the reader gives them, by button or by key: step to the previous or
 * next event, frame the incident or the whole run, play and pause; each says what it did.
 */
import type React from 'react';
import type {SimulationResult} from '@site/src/engine';
import type {TimeWindow} from '@site/src/components/Timeline/chartData';
import {formatClock, logText} from '@site/src/utils/format';
import {SHORTCUTS} from './TimeControls';
import type {Playback} from './usePlayback';

export function useTimeKeys(playback: Playback, result: SimulationResult | null, incident: TimeWindow | null, announce: (text: string) => void) {
  const step = (direction: -1 | 1) => {
    const to = playback.step(direction);
    if (to === null) {
      announce(direction > 0 ? 'No later event.' : 'No earlier event.');
      return;
    }
    const first = result?.events.find((event) => event.t === to);
    announce(`${formatClock(to)}: ${first ? logText(first.message) : ''}`);
  };

  const zoom = () => {
    if (playback.view) {
      playback.setView(null);
      announce('The chart shows the whole run.');
    } else if (incident) {
      playback.setView(incident);
      if (playback.time < incident.from || playback.time > incident.to) playback.seek(incident.from);
      announce(`The chart frames the incident, ${formatClock(incident.from)} to ${formatClock(incident.to)}.`);
    } else {
      // Z pressed with nothing to frame still answers, so the reader knows the key was heard.
      announce(
        result?.model.faults.length
          ? 'The incident lasts most of the run: the chart shows the whole run.'
          : 'Nothing to frame yet: break something first, and the chart shows the whole run.',
      );
    }
  };

  /** The lab's keys, anywhere in it but in a field that takes text. */
  const onKeyDown = (event: React.KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.altKey || event.ctrlKey || event.metaKey || target.closest('input:not([type="range"]):not([type="checkbox"]), select, textarea, [contenteditable="true"]')) return;
    const key = event.key.toLowerCase();
    if (key === SHORTCUTS.play) playback.togglePlay();
    else if (key === SHORTCUTS.previous) step(-1);
    else if (key === SHORTCUTS.next) step(1);
    else if (key === SHORTCUTS.zoom) zoom();
    else return;
    event.preventDefault();
  };

  return {step, zoom, onKeyDown};
}
