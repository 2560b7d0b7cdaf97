/**
 * Course progress, one entry for its parts: the stored shape and scoring
 * (./progressModel); the answer events (./progressEvents); reading stored or imported data and its
 * migrations (./progressFormat); what the pages show (./progressState); the
 * store on localStorage (./progressStore), which pages load when they need it
 * (./progressOnDemand). Modules that every page loads import the parts they
 * use, not this entry.
 */
export * from './progressModel';
export * from './progressEvents';
export * from './progressFormat';
export * from './progressState';
export * from './progressStore';
