/**
 * A real local chain for tests and benches: spawns the anvil binary from @foundry-rs/anvil on a
 * free loopback port and gives it what the reserve check needs. Not shipped (only tests and
 * scripts import it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createPublicClient, createTestClient, encodeAbiParameters, http, keccak256, numberToHex, type Address, type Hex } from 'viem';
import { MULTICALL3_ADDRESS } from './reserve-addresses';

const anvilBinary = fileURLToPath(new URL('../../node_modules/.bin/anvil', import.meta.url));

/**
 * Multicall3's pre-signed deployment transaction (no chain id, nonce 0 of deployer
 * 0x05f32b3cc3888453ff71b01135b34ff8e41263f2, 1 000 000 gas at 100 gwei), published in
 * https://github.com/mds1/multicall/blob/19da7a56668b7b284901ef0551edb23905c6cd53/README.md
 * ("New Deployments"). Sending it puts the real contract at 0xcA11bde0…CA11, as on mainnet.
 */
const MULTICALL3_DEPLOYER: Address = '0x05f32b3cc3888453ff71b01135b34ff8e41263f2';
const MULTICALL3_SIGNED_DEPLOYMENT = ('0xf90f538085174876e800830f42408080b90f00608060405234801561001057600080fd5b50610ee0806100206000396000f3fe6080604052600436' +
  '106100f35760003560e01c80634d2301cc1161008a578063a8b0574e11610059578063a8b0574e1461025a578063bce38bd714610275578063c3077f' +
  'a914610288578063ee82ac5e1461029b57600080fd5b80634d2301cc146101ec57806372425d9d1461022157806382ad56cb1461023457806386d516' +
  'e81461024757600080fd5b80633408e470116100c65780633408e47014610191578063399542e9146101a45780633e64a696146101c657806342cbb1' +
  '5c146101d957600080fd5b80630f28c97d146100f8578063174dea711461011a578063252dba421461013a57806327e86d6e1461015b575b600080fd' +
  '5b34801561010457600080fd5b50425b6040519081526020015b60405180910390f35b61012d610128366004610a85565b6102ba565b604051610111' +
  '9190610bbe565b61014d610148366004610a85565b6104ef565b604051610111929190610bd8565b34801561016757600080fd5b50437fffffffffff' +
  'ffffffffffffffffffffffffffffffffffffffffffffffffffffff0140610107565b34801561019d57600080fd5b5046610107565b6101b76101b236' +
  '6004610c60565b610690565b60405161011193929190610cba565b3480156101d257600080fd5b5048610107565b3480156101e557600080fd5b5043' +
  '610107565b3480156101f857600080fd5b50610107610207366004610ce2565b73ffffffffffffffffffffffffffffffffffffffff163190565b3480' +
  '1561022d57600080fd5b5044610107565b61012d610242366004610a85565b6106ab565b34801561025357600080fd5b5045610107565b3480156102' +
  '6657600080fd5b50604051418152602001610111565b61012d610283366004610c60565b61085a565b6101b7610296366004610a85565b610a1a565b' +
  '3480156102a757600080fd5b506101076102b6366004610d18565b4090565b60606000828067ffffffffffffffff8111156102d8576102d8610d3156' +
  '5b60405190808252806020026020018201604052801561031e57816020015b6040805180820190915260008152606060208201528152602001906001' +
  '900390816102f65790505b5092503660005b8281101561047757600085828151811061034157610341610d60565b6020026020010151905087878381' +
  '811061035d5761035d610d60565b905060200281019061036f9190610d8f565b6040810135958601959093506103886020850185610ce2565b73ffff' +
  'ffffffffffffffffffffffffffffffffffff16816103ac6060870187610dcd565b6040516103ba929190610e32565b60006040518083038185875af1' +
  '925050503d80600081146103f7576040519150601f19603f3d011682016040523d82523d6000602084013e6103fc565b606091505b50602080850191' +
  '909152901515808452908501351761046d577f08c379a000000000000000000000000000000000000000000000000000000000600052602060045260' +
  '176024527f4d756c746963616c6c333a2063616c6c206661696c656400000000000000000060445260846000fd5b5050600101610325565b50823414' +
  '6104e6576040517f08c379a000000000000000000000000000000000000000000000000000000000815260206004820152601a60248201527f4d756c' +
  '746963616c6c333a2076616c7565206d69736d6174636800000000000060448201526064015b60405180910390fd5b50505092915050565b43606082' +
  '8067ffffffffffffffff81111561050c5761050c610d31565b60405190808252806020026020018201604052801561053f57816020015b6060815260' +
  '20019060019003908161052a5790505b5091503660005b8281101561068657600087878381811061056257610562610d60565b905060200281019061' +
  '05749190610e42565b92506105836020840184610ce2565b73ffffffffffffffffffffffffffffffffffffffff166105a66020850185610dcd565b60' +
  '40516105b4929190610e32565b6000604051808303816000865af19150503d80600081146105f1576040519150601f19603f3d011682016040523d82' +
  '523d6000602084013e6105f6565b606091505b5086848151811061060957610609610d60565b602090810291909101015290508061067d576040517f' +
  '08c379a000000000000000000000000000000000000000000000000000000000815260206004820152601760248201527f4d756c746963616c6c333a' +
  '2063616c6c206661696c656400000000000000000060448201526064016104dd565b50600101610546565b5050509250929050565b43804060606106' +
  'a086868661085a565b905093509350939050565b6060818067ffffffffffffffff8111156106c7576106c7610d31565b604051908082528060200260' +
  '20018201604052801561070d57816020015b6040805180820190915260008152606060208201528152602001906001900390816106e55790505b5091' +
  '503660005b828110156104e657600084828151811061073057610730610d60565b6020026020010151905086868381811061074c5761074c610d6056' +
  '5b905060200281019061075e9190610e76565b925061076d6020840184610ce2565b73ffffffffffffffffffffffffffffffffffffffff1661079060' +
  '40850185610dcd565b60405161079e929190610e32565b6000604051808303816000865af19150503d80600081146107db576040519150601f19603f' +
  '3d011682016040523d82523d6000602084013e6107e0565b606091505b506020808401919091529015158083529084013517610851577f08c379a000' +
  '000000000000000000000000000000000000000000000000000000600052602060045260176024527f4d756c746963616c6c333a2063616c6c206661' +
  '696c656400000000000000000060445260646000fd5b50600101610714565b6060818067ffffffffffffffff81111561087657610876610d31565b60' +
  '40519080825280602002602001820160405280156108bc57816020015b60408051808201909152600081526060602082015281526020019060019003' +
  '90816108945790505b5091503660005b82811015610a105760008482815181106108df576108df610d60565b60200260200101519050868683818110' +
  '6108fb576108fb610d60565b905060200281019061090d9190610e42565b925061091c6020840184610ce2565b73ffffffffffffffffffffffffffff' +
  'ffffffffffff1661093f6020850185610dcd565b60405161094d929190610e32565b6000604051808303816000865af19150503d806000811461098a' +
  '576040519150601f19603f3d011682016040523d82523d6000602084013e61098f565b606091505b506020830152151581528715610a07578051610a' +
  '07576040517f08c379a000000000000000000000000000000000000000000000000000000000815260206004820152601760248201527f4d756c7469' +
  '63616c6c333a2063616c6c206661696c656400000000000000000060448201526064016104dd565b506001016108c3565b5050509392505050565b60' +
  '00806060610a2b60018686610690565b919790965090945092505050565b60008083601f840112610a4b57600080fd5b50813567ffffffffffffffff' +
  '811115610a6357600080fd5b6020830191508360208260051b8501011115610a7e57600080fd5b9250929050565b60008060208385031215610a9857' +
  '600080fd5b823567ffffffffffffffff811115610aaf57600080fd5b610abb85828601610a39565b90969095509350505050565b6000815180845260' +
  '005b81811015610aed57602081850181015186830182015201610ad1565b81811115610aff576000602083870101525b50601f017fffffffffffffff' +
  'ffffffffffffffffffffffffffffffffffffffffffffffffe0169290920160200192915050565b600082825180855260208086019550808260051b84' +
  '010181860160005b84811015610bb1578583037fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe00189528151805115' +
  '1584528401516040858501819052610b9d81860183610ac7565b9a86019a9450505090830190600101610b4f565b5090979650505050505050565b60' +
  '2081526000610bd16020830184610b32565b9392505050565b600060408201848352602060408185015281855180845260608601915060608160051b' +
  '870101935082870160005b82811015610c52577fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa0888703018452610c' +
  '40868351610ac7565b95509284019290840190600101610c06565b509398975050505050505050565b600080600060408486031215610c7557600080' +
  'fd5b83358015158114610c8557600080fd5b9250602084013567ffffffffffffffff811115610ca157600080fd5b610cad86828701610a39565b9497' +
  '909650939450505050565b838152826020820152606060408201526000610cd96060830184610b32565b95945050505050565b600060208284031215' +
  '610cf457600080fd5b813573ffffffffffffffffffffffffffffffffffffffff81168114610bd157600080fd5b600060208284031215610d2a576000' +
  '80fd5b5035919050565b7f4e487b7100000000000000000000000000000000000000000000000000000000600052604160045260246000fd5b7f4e48' +
  '7b7100000000000000000000000000000000000000000000000000000000600052603260045260246000fd5b600082357fffffffffffffffffffffff' +
  'ffffffffffffffffffffffffffffffffffffffff81833603018112610dc357600080fd5b9190910192915050565b60008083357fffffffffffffffff' +
  'ffffffffffffffffffffffffffffffffffffffffffffffe1843603018112610e0257600080fd5b83018035915067ffffffffffffffff821115610e1d' +
  '57600080fd5b602001915036819003821315610a7e57600080fd5b8183823760009101908152919050565b600082357fffffffffffffffffffffffff' +
  'ffffffffffffffffffffffffffffffffffffffc1833603018112610dc357600080fd5b600082357fffffffffffffffffffffffffffffffffffffffff' +
  'ffffffffffffffffffffffa1833603018112610dc357600080fdfea2646970667358221220bb2b5c71a328032f97c676ae39a1ec2148d3e5d6f73d95' +
  'e9b17910152d61f16264736f6c634300080c00331ca0edce47092c0f398cebf3ffc267f05c8e7076e3b89445e0fe50f6332273d4569ba01b0b9d000e' +
  '19b24c5869b0fc3b22b0d6fa47cd63316875cbbd577d76e6fde086') as Hex;

/**
 * A minimal ERC-20 read surface, hand-assembled: `balanceOf(address)` returns storage at
 * keccak256(abi.encode(holder, 0)) — the slot Solidity uses for `mapping(address => uint256)` at
 * slot 0, as OpenZeppelin's ERC20 lays out `_balances` — and `decimals()` returns storage slot 1.
 * Anything else reverts.
 *
 *   PUSH1 0 CALLDATALOAD PUSH1 0xe0 SHR                     selector
 *   DUP1 PUSH4 0x70a08231 EQ PUSH1 0x1e JUMPI               balanceOf →
 *   DUP1 PUSH4 0x313ce567 EQ PUSH1 0x38 JUMPI               decimals →
 *   PUSH1 0 DUP1 REVERT
 *   0x1e: JUMPDEST PUSH1 4 CALLDATALOAD PUSH1 0 MSTORE PUSH1 0 PUSH1 0x20 MSTORE
 *         PUSH1 0x40 PUSH1 0 SHA3 SLOAD PUSH1 0 MSTORE PUSH1 0x20 PUSH1 0 RETURN
 *   0x38: JUMPDEST PUSH1 1 SLOAD PUSH1 0 MSTORE PUSH1 0x20 PUSH1 0 RETURN
 */
export const TEST_TOKEN_CODE = ('0x60003560e01c806370a0823114601e578063313ce567146038576000' + '80fd5b6004356000526000602052604060002054600052602060' + '00f35b60015460005260206000f3') as Hex;

/** The test token with its `decimals()` entry aimed at a selector nobody calls: `decimals()` reverts, `balanceOf` answers. */
export const NO_DECIMALS_TOKEN_CODE = TEST_TOKEN_CODE.replace('63313ce567', '63ffffffff') as Hex;

/** The test token whose `balanceOf` returns 16 bytes (PUSH1 0x10 for 0x20), short of the 32 any number takes: an answer, but no balance. */
export const SHORT_BALANCE_TOKEN_CODE = ('0x60003560e01c806370a0823114601e578063313ce567146038576000' + '80fd5b6004356000526000602052604060002054600052601060' + '00f35b60015460005260206000f3') as Hex;

/**
 * A token that fails in two ways, by holder: `balanceOf` reverts for a holder whose stored balance
 * is 0 (a failed call) and answers 16 bytes for any other (an answer that is no balance), so one
 * asset's reads fail for more than one reason. `decimals()` answers as the test token's does.
 *   0x1e: JUMPDEST … SHA3 SLOAD DUP1 ISZERO PUSH1 0x49 JUMPI PUSH1 0 MSTORE PUSH1 0x10 PUSH1 0 RETURN
 *   0x3d: JUMPDEST PUSH1 1 SLOAD PUSH1 0 MSTORE PUSH1 0x20 PUSH1 0 RETURN
 *   0x49: JUMPDEST PUSH1 0 DUP1 REVERT
 */
export const MIXED_FAILURE_TOKEN_CODE = ('0x60003560e01c806370a0823114601e578063313ce56714603d576000' +
  '80fd5b60043560005260006020526040600020548015604957600052601060' +
  '00f35b60015460005260206000f35b600080fd') as Hex;

export interface LocalChain {
  url: string;
  stop(): Promise<void>;
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface StartAnvilParameters {
  /** Chain id to report (anvil's default is 31337); 1 lets code that insists on mainnet run. */
  chainId?: number;
  /** A port to listen on (from `freePort`), for a test that has the node come up where a client already knocked; a free one when omitted. */
  port?: number;
}

/** Starts anvil on a free loopback port and resolves once it answers JSON-RPC. */
export async function startAnvil({ chainId, port: wanted }: StartAnvilParameters = {}): Promise<LocalChain> {
  const port = wanted ?? (await freePort());
  const args = ['--port', String(port), '--host', '127.0.0.1', '--silent', ...(chainId === undefined ? [] : ['--chain-id', String(chainId)])];
  const child: ChildProcess = spawn(anvilBinary, args, { stdio: 'ignore' });
  // A missing binary must fail the suite with a reason, not crash the runner with an unhandled 'error' event.
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const client = createPublicClient({ transport: http(url, { retryCount: 0 }) });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (spawnError !== undefined) throw new Error(`anvil could not start (${anvilBinary}): ${spawnError.message}. Run npm ci.`);
    try {
      await client.getChainId();
      return { url, stop };
    } catch {
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stop();
  throw new Error('anvil did not start within 30 seconds');
}

/** Deploys the real Multicall3 with its published signed transaction. */
export async function deployMulticall3(url: string): Promise<void> {
  const test = createTestClient({ mode: 'anvil', transport: http(url) });
  const client = createPublicClient({ transport: http(url) });
  await test.setBalance({ address: MULTICALL3_DEPLOYER, value: 10n ** 18n });
  const hash = await client.request({ method: 'eth_sendRawTransaction', params: [MULTICALL3_SIGNED_DEPLOYMENT] });
  await client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  const code = await client.getCode({ address: MULTICALL3_ADDRESS });
  if (code === undefined || code.length < 100) throw new Error('Multicall3 did not deploy');
}

/** Puts the test token's code (or a broken variant) at `address` with `decimals`. Storage first: a read between the two requests sees no contract, never a token with 0 decimals. */
export async function deployTestToken(url: string, address: Address, decimals: number, bytecode: Hex = TEST_TOKEN_CODE): Promise<void> {
  const test = createTestClient({ mode: 'anvil', transport: http(url) });
  await test.setStorageAt({ address, index: numberToHex(1, { size: 32 }), value: numberToHex(decimals, { size: 32 }) });
  await test.setCode({ address, bytecode });
}

/** Writes a holder's balance straight into the token's storage. */
export async function setTestTokenBalance(url: string, token: Address, holder: Address, amount: bigint): Promise<void> {
  const test = createTestClient({ mode: 'anvil', transport: http(url) });
  const slot = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [holder, 0n]));
  await test.setStorageAt({ address: token, index: slot, value: numberToHex(amount, { size: 32 }) });
}

export interface CountingProxy {
  url: string;
  /** HTTP requests forwarded since the start or the last `reset()`. */
  readonly requests: number;
  reset(): void;
  close(): Promise<void>;
}

/** Forwards JSON-RPC to `target` and counts the HTTP requests, independently of the code under test. */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  let requests = 0;
  const server = createHttpServer((req, res) => {
    requests += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) })
        .then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(await answer.text());
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`,
    get requests() {
      return requests;
    },
    reset() {
      requests = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
