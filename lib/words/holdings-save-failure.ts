import { MAX_ADDRESSES, MAX_HOLDINGS, type HoldingsProblem } from '../holdings/model';
import type { Translate } from './translate-from';

/**
 * Why a change to the holdings was not saved, in the reader's language (the holdings section of
 * the options page). The codes the forms also catch share their sentences with the forms.
 */
export function holdingsSaveFailureText(code: HoldingsProblem | 'invalid', t: Translate): string {
  switch (code) {
    case 'bad-id':
      return t('holdingsSaveBadId');
    case 'bad-asset':
      return t('holdingsInvalidAsset');
    case 'bad-currency':
      return t('holdingsInvalidCurrency');
    case 'bad-amount':
      return t('holdingsInvalidAmount');
    case 'amount-too-large':
      return t('holdingsSaveAmountTooLarge');
    case 'bad-address':
      return t('holdingsInvalidAddress');
    case 'bad-share':
      return t('holdingsInvalidShare');
    case 'bad-day':
      return t('holdingsSaveBadDay');
    case 'too-many-holdings':
      return t('holdingsSaveTooManyHoldings', String(MAX_HOLDINGS));
    case 'too-many-addresses':
      return t('holdingsSaveTooManyAddresses', String(MAX_ADDRESSES));
    case 'too-much-history':
      return t('holdingsSaveTooMuchHistory');
    case 'invalid':
      return t('holdingsSaveInvalid');
  }
}
