/**
 * The failure converter of every Temporal client and worker, workflow sandbox included (it is loaded by path:
 * `failureConverterPath` in temporal-data-converter.ts, bundled into the workflow code). `encodeCommonAttributes` moves a
 * failure's message and stack trace into a payload (`encodedAttributes`), which the payload codec then encrypts: an
 * error that quotes customer text (a data error, a check's message) never sits in clear in a history. Histories show
 * "Encoded failure"; the SDK, the Temporal CLI and UI with the codec server give the message back. A failure without
 * encoded attributes (histories from before) decodes as it always did.
 *
 * Imports only `@temporalio/common`: this module runs inside the workflow sandbox too.
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
