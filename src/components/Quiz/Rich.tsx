import React from 'react';

interface Props {
  text: string;
}

/** Plain quiz text in which `backticks` mark inline code (see src/quiz/types.ts). */
export default function Rich({text}: Props): React.JSX.Element {
  const parts = text.split(/`([^`]+)`/);
  return <>{parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>;
}
