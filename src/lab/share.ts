/**
 * The share link: the whole model, in the URL. The model is JSON, compressed
 * (raw deflate, by fflate) and encoded as base64url behind a version prefix,
 * so a later format can still read (or clearly refuse) an old link: `v2.` is
 * compressed, `v1.` (plain JSON) links made before still open. Decoding never
 * throws: a tampered, outdated or oversized link comes back as a reason the
 * lab can show. The model itself is checked by the engine's validation,
 * including its cost bound.
 */
import {deflateSync, inflateSync} from 'fflate';
import {validateModel, ModelError, type Model} from '@site/src/engine';

/** The query parameter that carries the model. */
export const SHARE_PARAM = 'model';
/** The current format's prefix: compressed JSON. */
export const SHARE_VERSION = 'v2';
/** The first format's prefix: plain JSON, still read. */
const PLAIN_VERSION = 'v1';
/**
 * Longest share parameter read or written, in characters. CloudFront refuses
 * URLs over 8,192 bytes and servers answer 431 past about 16 KB of headers;
 * 6,000 leaves room for the address and the page's path under the lowest of
 * those. A compressed model of a few zones and a dozen faults takes 200–400.
 */
export const MAX_SHARE_LENGTH = 6000;
/**
 * Links longer than this still work but may be cut short by mail and chat
 * programs that wrap or truncate long lines (our own choice of a safe length):
 * "Copy share link" warns past it.
 */
export const SAFE_LINK_LENGTH = 2000;
/** Most bytes of JSON a link may unpack to: a small link cannot inflate into megabytes. */
const MAX_JSON_BYTES = 100_000;

/** What reading a link gave. */
export type DecodedShare = {ok: true; model: Model} | {ok: false; reason: string};

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The model as the value of the share parameter (it may be longer than {@link MAX_SHARE_LENGTH}: see `shareLinkProblem`). */
export function encodeModel(model: Model): string {
  const json = new TextEncoder().encode(JSON.stringify(model));
  return `${SHARE_VERSION}.${toBase64Url(deflateSync(json, {level: 9}))}`;
}

/** Unpacks the JSON text of a link's payload, or says why it cannot. */
function payloadText(version: string, payload: string): {ok: true; json: string} | {ok: false; reason: string} {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(payload);
  } catch {
    return {ok: false, reason: 'the link is not valid base64url text: it was cut short or edited by hand.'};
  }
  if (version === SHARE_VERSION) {
    const out = new Uint8Array(MAX_JSON_BYTES + 1);
    try {
      bytes = inflateSync(bytes, {out});
    } catch {
      return {ok: false, reason: 'the link does not unpack: it was cut short or edited by hand.'};
    }
    if (bytes.length > MAX_JSON_BYTES) {
      return {ok: false, reason: `the link unpacks to more than ${MAX_JSON_BYTES / 1000} KB, more than a model can be.`};
    }
  }
  try {
    return {ok: true, json: new TextDecoder('utf-8', {fatal: true}).decode(bytes)};
  } catch {
    return {ok: false, reason: 'the link does not hold text: it was cut short or edited by hand.'};
  }
}

/**
 * Reads a share parameter back into a model, checking it with the engine's own
 * validation. Never throws.
 */
export function decodeModel(value: string): DecodedShare {
  if (value.length > MAX_SHARE_LENGTH) {
    return {ok: false, reason: `the link's model is ${value.length} characters long, more than this site reads (${MAX_SHARE_LENGTH}).`};
  }
  const dot = value.indexOf('.');
  const version = dot === -1 ? '' : value.slice(0, dot);
  if (version !== SHARE_VERSION && version !== PLAIN_VERSION) {
    return {
      ok: false,
      reason: version
        ? `the link was made by a format this site does not know ("${version}").`
        : 'the link has no format version: it was cut short or edited by hand.',
    };
  }
  const text = payloadText(version, value.slice(dot + 1));
  if (!text.ok) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.json);
  } catch {
    return {ok: false, reason: 'the link does not hold a readable model (its JSON is broken).'};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {ok: false, reason: 'the link does not hold a model object.'};
  }
  try {
    validateModel(parsed as Model);
  } catch (error) {
    if (error instanceof ModelError) return {ok: false, reason: `the model in the link is invalid: ${error.message}`};
    return {ok: false, reason: 'the model in the link could not be read.'};
  }
  return {ok: true, model: parsed as Model};
}

/** `search` (as in `location.search`) with the model set. */
export function withModelParam(search: string, model: Model): string {
  const params = new URLSearchParams(search);
  params.set(SHARE_PARAM, encodeModel(model));
  return `?${params.toString()}`;
}

/**
 * What to tell a reader about to share `link`: null when it is fine; a warning
 * past {@link SAFE_LINK_LENGTH}; a refusal past what this site reads back.
 */
export function shareLinkProblem(link: string): {level: 'warning' | 'refused'; message: string} | null {
  const value = new URL(link, 'https://example.invalid').searchParams.get(SHARE_PARAM) ?? '';
  if (value.length > MAX_SHARE_LENGTH) {
    return {
      level: 'refused',
      message: `This model makes a link of ${link.length} characters, too long for the site to read back (its model part is limited to ${MAX_SHARE_LENGTH}). Share it with "Copy as TypeScript" instead.`,
    };
  }
  if (link.length > SAFE_LINK_LENGTH) {
    return {
      level: 'warning',
      message: `This link is ${link.length} characters long: some mail and chat programs cut links past about ${SAFE_LINK_LENGTH}. If it arrives broken, share the TypeScript instead.`,
    };
  }
  return null;
}
