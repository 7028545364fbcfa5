import { MAX_ASSETS, MAX_PATH_LENGTH } from '../proofs/schema';
import { proofFormats, type InclusionProofFailed, type ProofFailureCode, type ProofFormat, type ProofSchemaProblem } from '../proofs/types';
import { formatByteSize, formatList } from './format';
import { pluralText } from './plural';
import type { MessageKey, Translate } from './translate-from';

/** The exchange each format belongs to, as a name (the same in every language). */
const EXCHANGE_NAME: Record<ProofFormat, string> = { 'okx-v1': 'OKX v1', bybit: 'Bybit', bitget: 'Bitget' };

/** One sentence per failure code; the figures go in as $1, $2… in the order `proofFailureText` passes them. */
export const PROOF_FAILURE_KEYS: Record<ProofFailureCode, MessageKey> = {
  cancelled: 'verifyProofFailCancelled',
  'unknown-format': 'verifyProofFailUnknownFormat',
  'too-large': 'verifyProofFailTooLarge',
  'not-text': 'verifyProofFailNotText',
  empty: 'verifyProofFailEmpty',
  'not-json': 'verifyProofFailNotJson',
  'not-object': 'verifyProofFailNotObject',
  'too-many-values': 'verifyProofFailTooManyValues',
  'text-too-long': 'verifyProofFailTextTooLong',
  'too-deep': 'verifyProofFailTooDeep',
  'not-a-proof': 'verifyProofFailNotAProof',
  'root-length': 'verifyProofFailRootLength',
  unexpected: 'verifyProofUnexpected',
  schema: 'verifyProofFailSchema',
  'same-side': 'verifyProofFailSameSide',
  'asset-twice': 'verifyProofFailAssetTwice',
  'node-height': 'verifyProofFailNodeHeight',
  'node-level': 'verifyProofFailNodeLevel',
  'mixed-amounts': 'verifyProofFailMixedAmounts',
  'leaf-not-decimal': 'verifyProofFailLeafNotDecimal',
  'node-not-decimal': 'verifyProofFailNodeNotDecimal',
  'leaf-missing-balance': 'verifyProofFailLeafMissingBalance',
  'node-missing-balance': 'verifyProofFailNodeMissingBalance',
  'leaf-extra-assets': 'verifyProofFailLeafExtraAssets',
  'node-extra-assets': 'verifyProofFailNodeExtraAssets',
  'sibling-asset-count': 'verifyProofFailSiblingAssetCount',
  'sibling-asset-order': 'verifyProofFailSiblingAssetOrder',
  'leaf-hash': 'verifyProofFailLeafHash',
  'root-hash': 'verifyProofFailRootHash',
  'root-sums': 'verifyProofFailRootSums',
  'root-height': 'verifyProofFailRootHeight',
};

/** What is wrong with one field of the file, worded for the schema failure. */
export const PROOF_PROBLEM_KEYS: Record<ProofSchemaProblem, MessageKey> = {
  'hash-text': 'verifyProofProblemHashText',
  'hash-hex64': 'verifyProofProblemHashHex64',
  'hash-hex16': 'verifyProofProblemHashHex16',
  'balance-text': 'verifyProofProblemBalanceText',
  'balance-decimal': 'verifyProofProblemBalanceDecimal',
  amount: 'verifyProofProblemAmount',
  'asset-symbol': 'verifyProofProblemAssetSymbol',
  'text-empty': 'verifyProofProblemTextEmpty',
  'text-long': 'verifyProofProblemTextLong',
  'no-balances': 'verifyProofProblemNoBalances',
  'too-many-assets': 'verifyProofProblemTooManyAssets',
  'path-list': 'verifyProofProblemPathList',
  'path-short': 'verifyProofProblemPathShort',
  'path-long': 'verifyProofProblemPathLong',
  'leaf-side': 'verifyProofProblemLeafSide',
  'node-type': 'verifyProofProblemNodeType',
  'node-role': 'verifyProofProblemNodeRole',
  'okx-balances': 'verifyProofProblemOkxBalances',
  'missing-fields': 'verifyProofProblemMissingFields',
  invalid: 'verifyProofProblemInvalid',
};

/** The problem with one field, without the field's name. */
function problemText(problem: ProofSchemaProblem, t: Translate): string {
  if (problem === 'too-many-assets') return t(PROOF_PROBLEM_KEYS[problem], String(MAX_ASSETS));
  if (problem === 'path-long') return t(PROOF_PROBLEM_KEYS[problem], String(MAX_PATH_LENGTH));
  return t(PROOF_PROBLEM_KEYS[problem]);
}

/**
 * Why a proof was not verified, in the reader's language: the verify page shows it under "Not
 * verified", and `radar verify-proof` prints it in English (scripts/radar/words/english.ts).
 */
export function proofFailureText({ failure, format }: Pick<InclusionProofFailed, 'failure' | 'format'>, t: Translate, locale = 'en'): string {
  const key = PROOF_FAILURE_KEYS[failure.code];
  switch (failure.code) {
    case 'unknown-format':
      // The known formats after a colon: an enumeration, without "and" where the language allows.
      return t(key, [failure.requested, formatList(proofFormats, locale, { style: 'narrow' })]);
    // Each key handed a number is written out, so the plural guard (./plural.test.ts) sees which message gets it.
    case 'too-large':
      return t('verifyProofFailTooLarge', formatByteSize(failure.maxBytes, locale));
    case 'root-length':
      return t('verifyProofFailRootLength', [format === undefined ? '' : EXCHANGE_NAME[format], String(failure.length)]);
    case 'schema': {
      const exchange = format === undefined ? '' : EXCHANGE_NAME[format];
      const problem = problemText(failure.problem, t);
      return failure.field === '' ? t('verifyProofFailSchema', [exchange, problem]) : t('verifyProofFailSchemaField', [exchange, failure.field, problem]);
    }
    case 'node-height':
      return t('verifyProofFailNodeHeight', [String(failure.node), String(failure.found), String(failure.expected)]);
    case 'node-level':
      return t('verifyProofFailNodeLevel', [String(failure.node), String(failure.found), String(failure.expected)]);
    case 'node-not-decimal':
      return t('verifyProofFailNodeNotDecimal', String(failure.node));
    case 'node-extra-assets':
      return t('verifyProofFailNodeExtraAssets', String(failure.node));
    case 'leaf-missing-balance':
      return t(key, failure.asset);
    case 'node-missing-balance':
      return t('verifyProofFailNodeMissingBalance', [String(failure.node), failure.asset]);
    case 'sibling-asset-count':
      // A balance list may hold a single asset: "lists 1 asset".
      return pluralText(failure.found, { one: 'verifyProofFailSiblingAssetCountOne', other: 'verifyProofFailSiblingAssetCount' }, t, locale, [
        String(failure.step),
        String(failure.found),
        String(failure.expected),
      ]);
    case 'sibling-asset-order':
      return t('verifyProofFailSiblingAssetOrder', [String(failure.step), failure.asset]);
    case 'leaf-hash':
    case 'root-hash':
      return t(key, [failure.computed, failure.written]);
    case 'root-height':
      return t('verifyProofFailRootHeight', [String(failure.written), String(failure.computed)]);
    default:
      return t(key);
  }
}
