import { browser } from 'wxt/browser';
import { typedSender, type SendRequest } from './messaging';

/** The one way our scripts and pages talk to the background. Rejects when the background cannot be reached. */
export const send: SendRequest = typedSender((message) => browser.runtime.sendMessage(message));
