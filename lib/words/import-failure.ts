import type { ImportFailure, ImportFailureCode } from '../holdings/export-data';
import { formatByteSize } from './format';
import { importPlaceText } from './import-place';
import { subscribeFailureText } from './warning-list-words';
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
  'no-version': 'dataFailNoVersion',
  'unknown-version': 'dataFailUnknownVersion',
  invalid: 'dataFailInvalid',
  'unknown-kind': 'dataFailUnknownKind',
  'unknown-exchange': 'dataFailUnknownExchange',
  'too-many-lists': 'dataFailTooManyLists',
  'bad-warning-list': 'dataFailBadList',
  'warning-list-twice': 'dataFailListTwice',
};

/** Why an export file was not imported, in the reader's language (the options page's data section). */
export function importFailureText(failure: ImportFailure, t: Translate, locale = 'en'): string {
  switch (failure.code) {
    case 'too-large':
      return t(IMPORT_FAILURE_KEYS[failure.code], formatByteSize(failure.limitBytes, locale));
    case 'too-deep':
      return t(IMPORT_FAILURE_KEYS[failure.code], String(failure.depth));
    case 'hostile-key': {
      // The name as the file spells it (one of three we refuse), so the reader can find it; its place in words.
      const place = importPlaceText(failure.path.slice(0, -1), t);
      return place === '' ? t('dataFailHostileKeyTop', failure.key) : t(IMPORT_FAILURE_KEYS[failure.code], [failure.key, place]);
    }
    case 'newer-version':
      return t(IMPORT_FAILURE_KEYS[failure.code], String(failure.version));
    case 'invalid': {
      const place = importPlaceText(failure.path, t);
      return place === '' ? t('dataFailInvalidFile') : t(IMPORT_FAILURE_KEYS[failure.code], place);
    }
    case 'unknown-kind':
    case 'unknown-exchange':
      // The holding by its position only: what the file spells there is not repeated.
      return t(IMPORT_FAILURE_KEYS[failure.code], importPlaceText(failure.path, t));
    case 'too-many-lists':
      return t(IMPORT_FAILURE_KEYS[failure.code], String(failure.limit));
    case 'bad-warning-list':
      // The list by its position from 1, and the subscribe form's own reason: what the file spells is not repeated.
      return t(IMPORT_FAILURE_KEYS[failure.code], [String(Number(failure.path[1]) + 1), subscribeFailureText(failure.reason, t)]);
    case 'warning-list-twice':
      return t(IMPORT_FAILURE_KEYS[failure.code], String(Number(failure.path[1]) + 1));
    default:
      return t(IMPORT_FAILURE_KEYS[failure.code]);
  }
}
