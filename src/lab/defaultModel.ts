import type {Model} from '@site/src/engine';
import {LAB_ZONES} from './edit';

/** A fresh model with the lab's zone names: two zones, two tasks, nothing broken yet. */
export const DEFAULT_LAB_MODEL: Model = {zones: LAB_ZONES.slice(0, 2), service: {desiredCount: 2}, durationSeconds: 3600};
