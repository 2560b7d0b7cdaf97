import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import type {Props} from '@theme/CodeBlock/Line';
import LineToken from '@theme/CodeBlock/Line/Token';
import styles from './styles.module.css';

// Docusaurus's own line (theme-classic 3.10) is a <div> inside <code>, which HTML does not allow
// (phrasing content only): the HTML validator in `npm test` flags every code block. This one is
// the same line as a <span> laid out as a block, so the page looks and copies the same.

/** A line holding only "\n" would break twice (its newline and the <br>): keep the <br> alone. */
function withoutLoneNewline(line: Props['line']): Props['line'] {
  const only = line.length === 1 && line[0]!.content === '\n' ? line[0]! : undefined;
  return only ? [{...only, content: ''}] : line;
}

export default function CodeBlockLine({line: lineProp, classNames, showLineNumbers, getLineProps, getTokenProps}: Props): ReactNode {
  const line = withoutLoneNewline(lineProp);
  const lineProps = getLineProps({line, className: clsx(classNames, styles.line, showLineNumbers && styles.numbered)});
  const tokens = line.map((token, key) => {
    const tokenProps = getTokenProps({token});
    return (
      <LineToken key={key} {...tokenProps} line={line} token={token}>
        {tokenProps.children}
      </LineToken>
    );
  });
  return (
    <span {...lineProps}>
      {showLineNumbers ? (
        <>
          <span className={styles.number} />
          <span className={styles.content}>{tokens}</span>
        </>
      ) : (
        tokens
      )}
      {/* Keeps an empty line from collapsing. */}
      <br />
    </span>
  );
}
