/**
 * Course progress, one entry for its three parts: the stored shape, scoring
 * and answer events (./progressModel); reading stored or imported data and its
 * migrations (./progressFormat); the store on localStorage (./progressStore).
 */
export * from './progressModel';
export * from './progressFormat';
export * from './progressStore';
