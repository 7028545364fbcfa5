import { rpcChains } from '../chain/rpc-chains';
import { getExchange } from '../exchanges/registry';
import type { ImportPath } from '../holdings/export-data';
import type { MessageKey, Translate } from './translate-from';

/**
 * A holding's or a watched address's fields, by the labels the options page gives them. A field the
 * page never shows (an id, a timestamp) names only its item.
 */
const HOLDING_FIELDS: Readonly<Record<string, MessageKey>> = {
  kind: 'holdingsKind',
  custodian: 'holdingsWhere',
  asset: 'holdingsAsset',
  amount: 'holdingsAmount',
  currency: 'holdingsCurrency',
  value: 'holdingsValue',
};
const ADDRESS_FIELDS: Readonly<Record<string, MessageKey>> = { address: 'holdingsAddress', label: 'holdingsAddressLabel', chainIds: 'holdingsChains' };
/** Settings by the headings the options page shows them under; the rest are "your settings". */
const SETTING_LABELS: Readonly<Record<string, MessageKey>> = {
  nudgePolicy: 'nudgePolicy',
  autoExpandOnDanger: 'autoExpandOnDanger',
  lookalikeProtection: 'lookalikeProtectionTitle',
  language: 'languageTitle',
  snoozes: 'snoozesTitle',
  rpcUrl: 'rpcLabel',
  chainRpcUrls: 'rpcChainsTitle',
  reminders: 'remindersTitle',
  runAlertNotifications: 'runNotifyTitle',
};

const labelOf = (table: Readonly<Record<string, MessageKey>>, key: string | number | undefined) => (typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined);

/**
 * Where in an export file a value sits, in the reader's words: the labels and headings the options
 * page shows, an item by its position counted from 1 ("holding 4"), an exchange and a chain by
 * their names. Nothing the file spells reaches the sentence: keys are only looked up in our own
 * tables. '' for the file as a whole, or a place no page shows.
 */
export function importPlaceText(path: ImportPath, t: Translate): string {
  const quoted = (text: string) => t('importQuoted', text);
  const within = (inner: string, place: string) => t('importFieldIn', [inner, place]);
  const [section, first, second] = path;
  switch (section) {
    case 'holdings':
    case 'addresses': {
      const holdings = section === 'holdings';
      if (typeof first !== 'number') return quoted(t(holdings ? 'holdingsTitle' : 'holdingsAddresses'));
      // A position, not a count: "holding 4" reads the same for every number.
      const item = t(holdings ? 'importPlaceHolding' : 'importPlaceAddress', String(first + 1));
      const field = labelOf(holdings ? HOLDING_FIELDS : ADDRESS_FIELDS, second);
      return field === undefined ? item : within(quoted(t(field)), item);
    }
    case 'history':
      // A day by its entry counted from 1: a day the file spells wrong cannot be written as a date.
      return typeof first === 'number' ? within(t('importPlaceHistoryEntry', String(first + 1)), quoted(t('holdingsHistory'))) : quoted(t('holdingsHistory'));
    case 'goal':
      return quoted(t('holdingsGoal'));
    case 'limits': {
      if (first === 'currency') return quoted(t('holdingsCurrencyChoice'));
      const table = quoted(t('holdingsLimitsCaption'));
      const row = first === 'default' ? t('holdingsEveryExchange') : first === 'exchanges' && typeof second === 'string' ? getExchange(second)?.name : undefined;
      return row === undefined ? table : within(quoted(row), table);
    }
    case 'settings': {
      const settings = t('importPlaceSettings');
      const chain = first === 'chainRpcUrls' ? rpcChains.find(({ chainId }) => String(chainId) === second) : undefined;
      if (chain !== undefined) return within(quoted(t('rpcChainLabel', chain.name)), settings);
      const label = labelOf(SETTING_LABELS, first);
      return label === undefined ? settings : within(quoted(t(label)), settings);
    }
    case 'warningLists': {
      const section = quoted(t('listsTitle'));
      return typeof first === 'number' ? within(t('importPlaceWarningList', String(first + 1)), section) : section;
    }
    case 'exportedAt':
      return t('importPlaceExportDate');
    default:
      return '';
  }
}
