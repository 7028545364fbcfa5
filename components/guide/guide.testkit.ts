import type { GuideState } from '../../lib/custody/steps';
import type { GuideProps } from './Guide';

/** The guide's props at `state` with nothing around it: no exchanges, network, address book or alerts, nothing under way, every handler inert. Tests spread it and override what they look at. */
export function quietGuide(state: GuideState): GuideProps {
  return {
    state,
    book: [],
    exchanges: [],
    rpcUrl: undefined,
    ensRpcUrl: undefined,
    alerts: [],
    drops: 0,
    resetReason: null,
    ens: { status: 'idle', name: '', address: null, errorCode: null },
    watch: { status: 'off', balance: null, increase: null, blockNumber: null, checkedAt: null, errorCode: null },
    onAction: () => undefined,
    onSaveAddress: () => Promise.resolve(),
    onRemoveAddress: () => Promise.resolve(),
    onResolveEns: () => undefined,
    rise: null,
    onTestSent: () => undefined,
    onTestRise: () => undefined,
    onOpenOptions: () => undefined,
  };
}
