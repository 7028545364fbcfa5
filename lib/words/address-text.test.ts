import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addressErrorCodes, addressWarningCodes, validateAddress } from '../custody/validate-address';
import { parseAddressBook, type AddressBookProblem } from '../custody/address-book';
import type { NetworkId } from '../custody/networks';
import { addressBookProblemText, addressErrorText, addressWarningText } from './address-text';
import { ADDRESS_ERROR, ADDRESS_WARNING } from './guide-text';
import { translateFrom, type Messages } from './translate-from';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const messages = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
const english = translateFrom(messages('en'));

const BOUNCEABLE = 'EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF';
const NON_BOUNCEABLE = 'UQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPuwA';

/** Which TON form a sentence names first: the one it says the address is. */
const firstForm = (text: string) => /(UQ|EQ)…/.exec(text)?.[1];

describe('words for address checks', () => {
  it('has words for every address error and warning code in every locale, translated', () => {
    expect(locales).toHaveLength(8);
    for (const locale of locales) {
      const t = translateFrom(messages(locale));
      for (const code of addressErrorCodes) {
        const text = addressErrorText(t, { code, belongsTo: ['tron'] }, 'ethereum');
        expect(text.trim(), `${locale}: error ${code}`).not.toBe('');
        if (locale !== 'en') expect(text, `${locale}: error ${code} is English`).not.toBe(addressErrorText(english, { code, belongsTo: ['tron'] }, 'ethereum'));
      }
      for (const code of addressWarningCodes) {
        const text = addressWarningText(t, { code });
        expect(text.trim(), `${locale}: warning ${code}`).not.toBe('');
        if (locale !== 'en') expect(text, `${locale}: warning ${code} is English`).not.toBe(addressWarningText(english, { code }));
      }
    }
  });

  it('calls a non-bounceable (UQ…) TON address non-bounceable and a bounceable (EQ…) one bounceable, in every locale', () => {
    const uq = validateAddress({ network: 'ton', address: NON_BOUNCEABLE });
    const eq = validateAddress({ network: 'ton', address: BOUNCEABLE });
    expect(uq.warnings[0]!.code).not.toBe(eq.warnings[0]!.code);
    for (const locale of locales) {
      const t = translateFrom(messages(locale));
      const uqText = addressWarningText(t, uq.warnings[0]!);
      const eqText = addressWarningText(t, eq.warnings[0]!);
      expect(firstForm(uqText), `${locale}: ${uqText}`).toBe('UQ');
      expect(firstForm(eqText), `${locale}: ${eqText}`).toBe('EQ');
    }
  });

  it('names where a wrong-network address belongs: one network, one family, or the networks by name', () => {
    const check = (network: string, address: string) => addressErrorText(english, validateAddress({ network, address }).error!, network);
    expect(check('ethereum', 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8')).toBe('This looks like an address for Tron, but you chose Ethereum. Sending on the wrong network can lose the funds.');
    expect(check('solana', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe(
      'This looks like an address for an EVM network (Ethereum and similar), but you chose Solana. Sending on the wrong network can lose the funds.',
    );
    expect(check('dogecoin', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy')).toBe(
      'This looks like an address for a Bitcoin-style network, but you chose Dogecoin. Sending on the wrong network can lose the funds.',
    );
    expect(addressErrorText(english, { code: 'wrong-network', belongsTo: ['tron', 'xrp'] }, 'ethereum')).toBe(
      'This looks like an address for Tron or XRP Ledger, but you chose Ethereum. Sending on the wrong network can lose the funds.',
    );
  });

  it('Brazilian Portuguese says “da rede” before one network, and a list of networks reads as a choice among them', () => {
    const say = (belongsTo: NetworkId[]) => addressErrorText(translateFrom(messages('pt_BR')), { code: 'wrong-network', belongsTo }, 'ethereum', 'pt-BR');
    expect(say(['tron'])).toBe('Parece um endereço da rede Tron, mas você escolheu a rede Ethereum. Enviar pela rede errada pode fazer você perder os fundos.');
    expect(say(['bitcoin', 'litecoin'])).toContain('Parece um endereço de uma rede no estilo do Bitcoin, mas');
    expect(say(['tron', 'xrp'])).toContain('Parece um endereço de uma destas redes: Tron ou XRP Ledger. Mas você escolheu a rede Ethereum.');
  });

  it("joins the networks a wrong-network address may belong to as alternatives, in the reader's language", () => {
    const say = (locale: string, tag: string) => addressErrorText(translateFrom(messages(locale)), { code: 'wrong-network', belongsTo: ['tron', 'xrp', 'solana'] }, 'ethereum', tag);
    expect(say('de', 'de')).toContain('Tron, XRP Ledger oder Solana');
    expect(say('tr', 'tr')).toContain('Tron, XRP Ledger veya Solana');
    expect(say('zh_CN', 'zh-CN')).toContain('Tron、XRP Ledger或Solana');
  });

  it('words an address-book refusal by its field, and an address by the validator’s own words', () => {
    const problems: AddressBookProblem[] = [{ field: 'list' }, { field: 'entry' }, { field: 'label' }, { field: 'network' }, { field: 'addedAt' }];
    const texts = problems.map((problem) => addressBookProblemText(english, problem));
    expect(new Set(texts).size).toBe(problems.length);
    for (const text of texts) expect(text.length).toBeGreaterThan(10);
    const [burn] = parseAddressBook([{ label: 'Burn', network: 'xrp', address: 'rrrrrrrrrrrrrrrrrrrrrhoLvTp', addedAt: '2026-11-25T10:00:00Z' }]).rejected;
    expect(addressBookProblemText(english, burn!.problem)).toBe(english(ADDRESS_ERROR['burn-address']));
  });

  it('keeps each sentence in the messages files only: no source file under lib/, components/ or scripts/ repeats one', () => {
    const english = messages('en');
    const keys = [...Object.values(ADDRESS_ERROR), ...Object.values(ADDRESS_WARNING), 'addressWrongNetwork'];
    // The part before the first placeholder or sentence break: long enough to be unmistakable.
    const fragments = keys.map((key) => english[key]!.message.split(/\$\d|[.:;]/)[0]!.trim()).filter((fragment) => fragment.length >= 25);
    expect(fragments.length).toBeGreaterThan(15);
    const files = ['lib', 'components', 'scripts', 'entrypoints', 'utils'].flatMap((dir) =>
      readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.'))
        .map((entry) => join(entry.parentPath, entry.name)),
    );
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const fragment of fragments) expect(source.includes(fragment), `${file} repeats "${fragment}"`).toBe(false);
    }
  });
});
