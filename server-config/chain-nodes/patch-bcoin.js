#!/usr/bin/env node
/*
 * patch-bcoin.js — make npm bcoin@1.0.2's "regtest" behave like Bitcoin Core's regtest.
 *
 * Run after `npm ci --ignore-scripts` (or `npm install --ignore-scripts`):
 *     node patch-bcoin.js            # patch (idempotent: a second run changes nothing)
 *     node patch-bcoin.js --check    # only verify that every patch is applied (exit 1 if not)
 *
 * Every patch is an exact-text replacement. For each one the script finds either the original
 * text exactly once (then replaces it) or the patched text exactly once (already applied);
 * anything else — a different bcoin version, a half-edited file — stops the script with an error
 * naming the file and the patch. Nothing is written unless every patch of a file matched.
 *
 * Patches:
 *  networks.js  regtest: no seeds (it dialled itself), P2P 18444, RPC 18443, wallet RPC 18445,
 *               bech32 HRP "bcrt", base58 P2PKH 0x6f / P2SH 0xc4, WIF 0xef, tpub/tprv.
 *  rpc.js       sendrawtransaction: waits for mempool acceptance; Core-style errors
 *               (-22 decode, -25 missing inputs, -26 rejected/conflict, -27 already in chain;
 *               a tx already in the mempool returns its txid like Core). No "broadcast anyway".
 *  fullnode.js  a tx the mempool refused (wallet sendtoaddress path) is no longer broadcast to
 *               peers anyway: like Core, only mempool-accepted txs are relayed.
 *  wallet/rpc.js getnewaddress / getrawchangeaddress / dumpwallet used the main network's
 *               prefixes (bc1q…, 1…) whatever the node's network: now the node's network.
 *  pool.js      no external-IP discovery: at every start bcoin asked OpenDNS's resolvers
 *               (myip.opendns.com via 208.67.222.222 …) for its public IP; now it never does.
 *               And a peer pushing an unannounced `tx` (bitcoinj's broadcastTransaction) is no longer
 *               disconnected: the tx goes to the mempool as Bitcoin Core would take it.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const checkOnly = process.argv.includes('--check');
const root = path.join(__dirname, 'node_modules', 'bcoin');

function die(msg) {
  console.error(`patch-bcoin: ERROR: ${msg}`);
  process.exit(1);
}

if (!fs.existsSync(path.join(root, 'package.json')))
  die(`bcoin is not installed at ${root} (run npm ci --ignore-scripts first)`);

const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
if (version !== '1.0.2')
  die(`expected bcoin 1.0.2, found ${version}: the patches were written for 1.0.2 only`);

function count(haystack, needle) {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1))
    n++;
  return n;
}

const MARK = '/* patched by exchange patch-bcoin.js */';

const patches = {
  'lib/protocol/networks.js': [
    {
      name: 'regtest seeds (none: it dialled 127.0.0.1, i.e. itself)',
      from: "regtest.seeds = [\n  '127.0.0.1'\n];\n",
      to: `regtest.seeds = []; ${MARK}\n`
    },
    {
      name: 'regtest P2P port 18444',
      from: 'regtest.port = 48444;\n',
      to: `regtest.port = 18444; ${MARK}\n`
    },
    {
      name: 'regtest key prefixes (WIF 0xef, tpub/tprv)',
      from: 'regtest.keyPrefix = {\n'
        + '  privkey: 0x5a,\n'
        + '  xpubkey: 0xeab4fa05,\n'
        + '  xprivkey: 0xeab404c7,\n'
        + "  xpubkey58: 'rpub',\n"
        + "  xprivkey58: 'rprv',\n"
        + '  coinType: 1\n'
        + '};\n',
      to: `regtest.keyPrefix = { ${MARK}\n`
        + '  privkey: 0xef,\n'
        + '  xpubkey: 0x043587cf,\n'
        + '  xprivkey: 0x04358394,\n'
        + "  xpubkey58: 'tpub',\n"
        + "  xprivkey58: 'tprv',\n"
        + '  coinType: 1\n'
        + '};\n'
    },
    {
      name: 'regtest address prefixes (0x6f / 0xc4, bech32 bcrt)',
      from: 'regtest.addressPrefix = {\n'
        + '  pubkeyhash: 0x3c,\n'
        + '  scripthash: 0x26,\n'
        + '  witnesspubkeyhash: 0x7a,\n'
        + '  witnessscripthash: 0x14,\n'
        + "  bech32: 'rb'\n"
        + '};\n',
      to: `regtest.addressPrefix = { ${MARK}\n`
        + '  pubkeyhash: 0x6f,\n'
        + '  scripthash: 0xc4,\n'
        + '  witnesspubkeyhash: 0x03,\n'
        + '  witnessscripthash: 0x28,\n'
        + "  bech32: 'bcrt'\n"
        + '};\n'
    },
    {
      name: 'regtest RPC port 18443',
      from: 'regtest.rpcPort = 48332;\n',
      to: `regtest.rpcPort = 18443; ${MARK}\n`
    },
    {
      name: 'regtest wallet RPC port 18445',
      from: 'regtest.walletPort = 48334;\n',
      to: `regtest.walletPort = 18445; ${MARK}\n`
    }
  ],

  'lib/node/rpc.js': [
    {
      name: 'sendrawtransaction: wait for the mempool, Core-style errors',
      from: '    const valid = new Validator(args);\n'
        + '    const data = valid.buf(0);\n'
        + '\n'
        + '    if (!data)\n'
        + "      throw new RPCError(errs.TYPE_ERROR, 'Invalid hex string.');\n"
        + '\n'
        + '    const tx = TX.fromRaw(data);\n'
        + '\n'
        + '    this.node.relay(tx);\n'
        + '\n'
        + '    return tx.txid();\n'
        + '  }\n',
      to: `    ${MARK}\n`
        + '    // Like Bitcoin Core: decode strictly (-22), wait for mempool acceptance and\n'
        + '    // report rejections as JSON-RPC errors instead of returning the txid.\n'
        + '    let tx;\n'
        + '    try {\n'
        + '      const hex = args[0];\n'
        + "      if (typeof hex !== 'string' || hex.length === 0 || hex.length % 2 !== 0\n"
        + '          || !/^[0-9a-fA-F]*$/.test(hex))\n'
        + "        throw new Error('not hex');\n"
        + "      const data = Buffer.from(hex, 'hex');\n"
        + '      tx = TX.fromRaw(data);\n'
        + '      if (tx.getSize() !== data.length)\n'
        + "        throw new Error('trailing data');\n"
        + '    } catch (e) {\n'
        + "      throw new RPCError(errs.DESERIALIZATION_ERROR, 'TX decode failed');\n"
        + '    }\n'
        + '\n'
        + '    if (!this.mempool) {\n'
        + '      this.node.relay(tx);\n'
        + '      return tx.txid();\n'
        + '    }\n'
        + '\n'
        + '    let missing;\n'
        + '    try {\n'
        + '      missing = await this.mempool.addTX(tx);\n'
        + '    } catch (err) {\n'
        + "      if (err.type !== 'VerifyError')\n"
        + '        throw err;\n'
        + "      if (err.reason === 'txn-already-in-mempool')\n"
        + '        return tx.txid();\n'
        + "      if (err.reason === 'txn-already-known') {\n"
        + '        throw new RPCError(errs.VERIFY_ALREADY_IN_CHAIN,\n'
        + "          'Transaction outputs already in utxo set');\n"
        + '      }\n'
        + "      if (err.reason === 'bad-txns-inputs-spent')\n"
        + "        throw new RPCError(errs.VERIFY_REJECTED, 'txn-mempool-conflict');\n"
        + '      throw new RPCError(errs.VERIFY_REJECTED, err.reason);\n'
        + '    }\n'
        + '\n'
        + '    if (missing) {\n'
        + "      // Core keeps no orphan from RPC: drop it from bcoin's orphan pool.\n"
        + "      this.mempool.removeOrphan(tx.hash('hex'));\n"
        + "      throw new RPCError(errs.VERIFY_ERROR, 'bad-txns-inputs-missingorspent');\n"
        + '    }\n'
        + '\n'
        + '    if (this.pool.options.selfish)\n'
        + '      this.node.broadcast(tx);\n'
        + '\n'
        + '    return tx.txid();\n'
        + '  }\n'
    }
  ],

  'lib/node/fullnode.js': [
    {
      name: 'never relay a tx the mempool rejected (was: "Attempting to broadcast anyway...")',
      from: "        this.logger.warning('Verification failed for tx: %s.', tx.txid());\n"
        + "        this.logger.warning('Attempting to broadcast anyway...');\n"
        + '        this.broadcast(tx);\n'
        + '        return;\n',
      to: `        ${MARK}\n`
        + "        this.logger.warning('Verification failed for tx (not relayed): %s.', tx.txid());\n"
        + '        return;\n'
    },
    {
      name: 'never relay an orphan tx (missing inputs)',
      from: "      this.logger.warning('TX was orphaned in mempool: %s.', tx.txid());\n"
        + "      this.logger.warning('Attempting to broadcast anyway...');\n"
        + '      this.broadcast(tx);\n'
        + '      return;\n',
      to: `      ${MARK}\n`
        + "      this.logger.warning('TX was orphaned in mempool (not relayed): %s.', tx.txid());\n"
        + '      return;\n'
    }
  ],

  'lib/wallet/rpc.js': [
    {
      name: 'wallet getnewaddress/getrawchangeaddress/dumpwallet print regtest addresses, not mainnet',
      // bcoin 1.0.2 formats these with the default network (main): bc1q…/1… on regtest.
      from: "getAddress('string');",
      to: "getAddress('string', this.network);",
      times: 3
    }
  ],

  'lib/net/pool.js': [
    {
      name: 'never ask OpenDNS (208.67.222.222) for the external IP: a dev node stays on loopback',
      from: '    // Try not to hit this if we can avoid it.\n'
        + '    if (this.hosts.local.size > 0)\n'
        + '      return;\n',
      to: `    // Try not to hit this if we can avoid it. ${MARK}\n`
        + '    // A local dev node must not send DNS queries to the internet.\n'
        + '    return;\n'
    },
    {
      name: 'accept an unannounced tx from a peer (Core does; bitcoinj pushes them)',
      from: '    if (!this.resolveTX(peer, hash)) {\n'
        + '      this.logger.warning(\n'
        + "        'Peer sent unrequested tx: %s (%s).',\n"
        + '        tx.txid(), peer.hostname());\n'
        + '      peer.destroy();\n'
        + '      return;\n'
        + '    }\n',
      to: `    if (!this.resolveTX(peer, hash)) { ${MARK}\n`
        + '      this.logger.debug(\n'
        + "        'Peer sent unrequested tx (accepted): %s (%s).',\n"
        + '        tx.txid(), peer.hostname());\n'
        + '    }\n'
    }
  ]
};

let changed = 0;
let pending = 0;
for (const [rel, list] of Object.entries(patches)) {
  const file = path.join(root, rel);
  let text = fs.readFileSync(file, 'utf8');
  let fileChanged = false;
  for (const p of list) {
    const times = p.times || 1;
    const nFrom = count(text, p.from);
    const nTo = count(text, p.to);
    if (nTo === times && nFrom === 0) {
      console.log(`patch-bcoin: already applied  ${rel}: ${p.name}`);
      continue;
    }
    if (nFrom !== times || nTo !== 0) {
      die(`${rel}: patch "${p.name}": expected the original text ${times}x (found ${nFrom}) `
        + `or the patched text ${times}x (found ${nTo}); not touching this file`);
    }
    if (checkOnly) {
      console.error(`patch-bcoin: NOT applied      ${rel}: ${p.name}`);
      pending++;
      continue;
    }
    text = text.split(p.from).join(p.to);
    fileChanged = true;
    console.log(`patch-bcoin: applied          ${rel}: ${p.name}`);
  }
  if (fileChanged) {
    fs.writeFileSync(file, text);
    changed++;
  }
}

if (checkOnly && pending > 0)
  die(`${pending} patch(es) not applied`);

// Self-check on the patched library (fresh require: nothing was loaded before).
process.env.NODE_BACKEND = process.env.NODE_BACKEND || 'js';
const bcoin = require(root);
const net = bcoin.Network.get('regtest');
const expect = (what, got, want) => {
  if (got !== want)
    die(`self-check ${what}: got ${got}, want ${want}`);
};
expect('port', net.port, 18444);
expect('rpcPort', net.rpcPort, 18443);
expect('walletPort', net.walletPort, 18445);
expect('seeds', net.seeds.length, 0);
expect('bech32', net.addressPrefix.bech32, 'bcrt');
expect('pubkeyhash', net.addressPrefix.pubkeyhash, 0x6f);
expect('scripthash', net.addressPrefix.scripthash, 0xc4);
expect('privkey', net.keyPrefix.privkey, 0xef);
expect('xpubkey58', net.keyPrefix.xpubkey58, 'tpub');
// Private key 1 (compressed): well-known test-network strings.
const key = bcoin.KeyRing.fromPrivate(Buffer.from('00'.repeat(31) + '01', 'hex'), true);
const h160 = key.getKeyHash();
expect('P2PKH of key 1', bcoin.Address.fromPubkeyhash(h160).toString('regtest'),
  'mrCDrCybB6J1vRfbwM5hemdJz73FwDBC8r');
expect('P2WPKH of key 1', bcoin.Address.fromWitnessPubkeyhash(h160).toString('regtest'),
  'bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080');
expect('WIF of key 1', key.toSecret('regtest'),
  'cMahea7zqjxrtgAbB7LSGbcQUr1uX1ojuat9jZodMN87JcbXMTcA');
expect('rpc.js patched', fs.readFileSync(path.join(root, 'lib/node/rpc.js'), 'utf8').includes(MARK), true);

console.log(`patch-bcoin: ok (${changed} file(s) changed; regtest = Bitcoin Core regtest parameters)`);
