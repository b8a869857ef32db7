#!/usr/bin/env node
/*
 * ganache-serial.js — ganache 7 with its transaction submissions taken one at a time.
 *
 *   node ganache-serial.js <public port> <internal port> <ganache options as JSON>
 *
 * Why: ganache 7.9.2 (the last release; the project is archived) wedges an account for good when
 * two transactions are submitted at the same moment in eager instamine mode: one of them gets "the
 * tx doesn't have the correct nonce", the other never answers and stays pending in the pool, and
 * no evm_mine ever includes it, so every later transaction of that account waits behind it
 * (ganache#2509; reproduced here by sending from two accounts at once, and seen in the chaos run,
 * where the exchange's hot wallet sends while the test pays deposit addresses). A real node takes
 * concurrent submissions; this dev node gets them in a queue. Reads pass straight through.
 *
 * ganache runs in this process on the internal port; this server, on the public port, forwards
 * every request body unchanged and waits for the answer of a submitting request before it
 * forwards the next one.
 */
'use strict';

const http = require('http');
const ganache = require('ganache');

const [publicPort, internalPort, optionsJson] = process.argv.slice(2);

/** Methods that submit a transaction or make a block: never two at once. */
const SERIAL = new Set(['eth_sendTransaction', 'eth_sendRawTransaction', 'evm_mine', 'evm_snapshot',
  'evm_revert', 'evm_setTime', 'evm_increaseTime', 'evm_setAccountNonce', 'evm_setAccountBalance',
  'miner_start', 'miner_stop', 'personal_sendTransaction']);
/** How long a submission holds the queue at most (see below). */
const HOLD_MS = 2000;
/** ganache's own answer can take as long as a nonce gap lasts; the caller's timeout decides. */
const FORWARD_TIMEOUT_MS = 300_000;

let queue = Promise.resolve();

function submits(body) {
  try {
    const json = JSON.parse(body);
    return (Array.isArray(json) ? json : [json]).some((r) => r && SERIAL.has(r.method));
  } catch (e) {
    return false; // ganache answers the parse error itself
  }
}

function forward(body, headers) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port: Number(internalPort), method: 'POST', path: '/',
      headers: { 'Content-Type': headers['content-type'] || 'application/json', 'Content-Length': body.length },
      agent: false, timeout: FORWARD_TIMEOUT_MS }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body: Buffer.concat(chunks) }));
      res.on('error', (e) => resolve({ status: 502, type: 'text/plain', body: Buffer.from(String(e)) }));
    });
    req.on('timeout', () => req.destroy(new Error('ganache did not answer')));
    req.on('error', (e) => resolve({ status: 502, type: 'text/plain', body: Buffer.from(String(e)) }));
    req.end(body);
  });
}

async function main() {
  const node = ganache.server(JSON.parse(optionsJson));
  await node.listen(Number(internalPort), '127.0.0.1');
  http.createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const chunks = [];
    req.on('data', (d) => chunks.push(d));
    req.on('error', () => res.destroy());
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      let answer;
      if (submits(body.toString('utf8'))) {
        const previous = queue;
        const turn = previous.then(() => forward(body, req.headers));
        // The next submission waits for this one's answer, or HOLD_MS at most from when this one
        // was forwarded (not from when it arrived: else several held back together would go
        // together): in eager instamine mode a transaction whose nonce leaves a gap answers only
        // once the gap is filled, which the next submission may be the one to do. The race is in
        // accepting and mining, which take milliseconds.
        queue = previous.then(() => Promise.race([turn, new Promise((r) => setTimeout(r, HOLD_MS))])).then(() => undefined, () => undefined);
        answer = await turn;
      } else {
        answer = await forward(body, req.headers);
      }
      try {
        res.writeHead(answer.status, { 'Content-Type': answer.type || 'application/json' }).end(answer.body);
      } catch (e) {
        // the caller went away meanwhile: nothing to answer
      }
    });
  }).listen(Number(publicPort), '127.0.0.1');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
