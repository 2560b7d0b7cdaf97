import React from 'react';

/**
 * Everything in this object is a global inside `tsx live` code blocks
 * (imports are not available there). The failover model and its display
 * components are added here as they land.
 */
const ReactLiveScope: Record<string, unknown> = {
  React,
  ...React,
};

export default ReactLiveScope;
