#!/usr/bin/env node
/*
 * p2p-check.js — check bcoin's P2P port the way bitcoinj uses it (optional, beside smoke.sh).
 *
 *   node p2p-check.js        (bcoin running: node nodes.js start bcoin)
 *
 * 1. mines 101 blocks over RPC to a fresh P2PKH key and signs a spend of its first coinbase
 *    (bcoin's library signs; nothing is sent over RPC),
 * 2. connects to 127.0.0.1:18444 as a foreign peer: version/verack with the regtest magic
 *    fabfb5da (Bitcoin Core's), answers pings,
 * 3. pushes the tx as an unannounced `tx` message — what bitcoinj's broadcastTransaction does
 *    (unpatched bcoin 1.0.2 disconnects such a peer),
 * 4. checks over RPC that the tx is in the mempool and that the peer is still connected.
 * Prints "N passed, N failed"; exit 1 on failure.
 */
'use strict';

process.env.NODE_BACKEND = process.env.NODE_BACKEND || 'js';

const net = require('net');
const http = require('http');
const path = require('path');
const B = path.join(__dirname, 'node_modules', 'bcoin');
const bcoin = require(B);
const Framer = require(path.join(B, 'lib/net/framer'));
const Parser = require(path.join(B, 'lib/net/parser'));
const packets = require(path.join(B, 'lib/net/packets'));

const RPC_PORT = Number(process.env.BCOIN_RPC_PORT || 18443);
const P2P_PORT = Number(process.env.BCOIN_P2P_PORT || 18444);
const API_KEY = process.env.BCOIN_API_KEY || 'exchange-dev';
const network = bcoin.Network.get('regtest');

let passed = 0;
let failed = 0;
function expect(what, got, want) {
  if (got === want) {
    console.log(`ok    ${what} (${got})`);
    passed++;
  } else {
    console.log(`FAIL  ${what}: got ${got}, want ${want}`);
    failed++;
  }
}

function rpc(method, params) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ method, params, id: 1 });
    const req = http.request({
      host: '127.0.0.1', port: RPC_PORT, method: 'POST', path: '/', agent: false,
      headers: {
        'Content-Type': 'application/json',
        Authorization: 'Basic ' + Buffer.from(`x:${API_KEY}`).toString('base64')
      }
    }, (res) => {
      let data = '';
      res.on('data', (d) => { data += d; });
      res.on('end', () => {
        const json = JSON.parse(data);
        if (json.error)
          reject(new Error(`${method}: ${json.error.message} (${json.error.code})`));
        else
          resolve(json.result);
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main() {
  // 1. a spendable coin for a key of ours, and a signed spend of it
  const key = bcoin.KeyRing.generate(true);
  const addr = key.getKeyAddress('base58', network);
  const hashes = await rpc('generatetoaddress', [101, addr]);
  const block = await rpc('getblock', [hashes[0], true]);
  const cbHex = await rpc('getrawtransaction', [block.tx[0], false]);
  const cb = bcoin.TX.fromRaw(Buffer.from(cbHex, 'hex'));
  const coin = bcoin.Coin.fromTX(cb, 0, block.height);
  const mtx = new bcoin.MTX();
  mtx.addCoin(coin);
  mtx.addOutput(bcoin.KeyRing.generate(true).getKeyAddress(null, network), coin.value - 10000);
  mtx.sign(key);
  const tx = mtx.toTX();
  expect('signed spend of a mature coinbase', mtx.verify(), true);

  // 2. handshake as a foreign peer
  const framer = new Framer(network);
  const parser = new Parser(network);
  const sock = net.connect(P2P_PORT, '127.0.0.1');
  let closed = false;
  let handshake = null;
  const done = new Promise((resolve) => { handshake = resolve; });
  let gotVersion = false;
  let gotVerack = false;
  const send = (pkt) => sock.write(framer.packet(pkt.cmd, pkt.toRaw()));
  sock.on('close', () => { closed = true; });
  sock.on('error', (e) => console.error(`socket: ${e.message}`));
  sock.on('data', (d) => parser.feed(d));
  parser.on('error', (e) => console.error(`parser: ${e.message}`));
  parser.on('packet', (pkt) => {
    if (pkt.cmd === 'version') {
      gotVersion = true;
      send(new packets.VerackPacket());
    } else if (pkt.cmd === 'verack') {
      gotVerack = true;
    } else if (pkt.cmd === 'ping') {
      send(new packets.PongPacket(pkt.nonce));
    }
    if (gotVersion && gotVerack)
      handshake();
  });
  await new Promise((r) => sock.once('connect', r));
  const version = new packets.VersionPacket({
    version: 70015, services: 0, height: 0, agent: '/p2p-check:1/', noRelay: false,
    nonce: Buffer.from('0102030405060708', 'hex')
  });
  send(version);
  await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
  expect('P2P handshake on 127.0.0.1:18444 (magic fabfb5da)', gotVersion && gotVerack, true);
  expect('network magic bytes', Buffer.from(framer.packet('verack', Buffer.alloc(0))).slice(0, 4)
    .toString('hex'), 'fabfb5da');

  // 3. push the tx without announcing it first
  send(new packets.TXPacket(tx));
  let inPool = false;
  for (let i = 0; i < 50 && !inPool; i++) {
    await new Promise((r) => setTimeout(r, 100));
    inPool = (await rpc('getrawmempool', [])).includes(tx.txid());
  }
  expect('unannounced tx accepted into the mempool', inPool, true);
  const peers = await rpc('getpeerinfo', []);
  expect('peer still connected after pushing it', !closed && peers.some((p) => /p2p-check/.test(p.subver)), true);
  const mined = await rpc('generatetoaddress', [1, addr]);
  const verbose = await rpc('getrawtransaction', [tx.txid(), true]);
  expect('pushed tx mined', verbose.blockhash, mined[0]);
  sock.destroy();

  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e.stack);
  process.exit(1);
});
