import React, {type Ref} from 'react';

/**
 * True while the browser is hydrating the server's HTML of the page it opened:
 * Docusaurus renders `<html data-has-hydrated="false">` on the server and sets it
 * to "true" once hydrated. In development (no server HTML) and after a
 * client-side navigation there is nothing to keep.
 */
export function hydratingServerHtml(): boolean {
  return typeof document !== 'undefined' && document.documentElement.getAttribute('data-has-hydrated') === 'false';
}

/**
 * One object for every render: React sets `innerHTML` again whenever this prop is a different object, so a
 * fresh `{__html: ''}` emptied the server's copy the first time the component around it rendered again.
 */
const SERVER_MARKUP_KEPT = {__html: ''};

/** The attribute that marks a box holding the server's copy ("static") or its live content ("live"). */
export type BoxAttribute = 'data-widget' | 'data-code' | 'data-code-block';

/**
 * A box whose contents are the server's HTML, left as they are: React does not own its inner HTML, so it
 * neither hydrates nor replaces it. Render it only while hydrating (`hydratingServerHtml()`), with the same
 * element and attribute the server rendered around the content.
 */
export function ServerHtmlKept({attribute, boxRef}: {attribute: BoxAttribute; boxRef?: Ref<HTMLDivElement>}): React.JSX.Element {
  return <div ref={boxRef} {...{[attribute]: 'static'}} suppressHydrationWarning dangerouslySetInnerHTML={SERVER_MARKUP_KEPT} />;
}
