import type { ImportFailure, ImportFailureCode } from '../holdings/export-data';
import type { MessageKey, Translate } from './translate-from';

/** One sentence per reason an export file was refused. */
export const IMPORT_FAILURE_KEYS: Record<ImportFailureCode, MessageKey> = {
  'not-text': 'dataFailNotText',
  'too-large': 'dataTooLarge',
  empty: 'dataFailEmpty',
  'not-json': 'dataFailNotJson',
  'wrong-format': 'dataFailWrongFormat',
  'too-deep': 'dataFailTooDeep',
  'hostile-key': 'dataFailHostileKey',
  'newer-version': 'dataFailNewerVersion',
  invalid: 'dataFailInvalid',
};

/** Why an export file was not imported, in the reader's language (the options page's data section). */
export function importFailureText(failure: ImportFailure, t: Translate): string {
  switch (failure.code) {
    case 'too-large':
      return t(IMPORT_FAILURE_KEYS[failure.code], String(failure.limitKb));
    case 'too-deep':
      return t(IMPORT_FAILURE_KEYS[failure.code], String(failure.depth));
    case 'hostile-key':
      return t(IMPORT_FAILURE_KEYS[failure.code], [failure.key, failure.where]);
    case 'newer-version':
      return t(IMPORT_FAILURE_KEYS[failure.code], String(failure.version));
    case 'invalid':
      return failure.where === '' ? t('dataFailInvalidFile') : t(IMPORT_FAILURE_KEYS[failure.code], failure.where);
    default:
      return t(IMPORT_FAILURE_KEYS[failure.code]);
  }
}
