#!/usr/bin/env node
/*
 * nodes.js — start / stop / check the exchange's local chain dev nodes.
 *
 *   node nodes.js start  [ganache|bcoin|all] [--dir DIR]   start, wait until JSON-RPC answers
 *   node nodes.js stop   [ganache|bcoin|all] [--dir DIR]   SIGTERM, wait, SIGKILL after 10 s
 *   node nodes.js status [ganache|bcoin|all] [--dir DIR]   exit 0 only if all named answer
 *   node nodes.js env                                        print the settings as shell vars
 *
 * DIR (default $CHAIN_NODES_DIR or ./run) receives ganache.log, ganache.pid, bcoin.log,
 * bcoin.pid and bcoin's prefix folder (bcoin-data/). Both nodes keep their chain in memory:
 * every start is a fresh chain.
 *
 * With --keys DIR (the exchange's key folder), a fresh chain also pays the hot wallets whose
 * addresses DIR/eth-hot.address and DIR/btc-hot.address hold: 1000 ETH and 10 000 000 TestUSDT,
 * and two outputs of 50 BTC (mined), so the exchange has something to pay withdrawals from.
 *
 * Settings (environment, defaults in brackets):
 *   GANACHE_PORT [8545]   GANACHE_INTERNAL_PORT [GANACHE_PORT + 10000: ganache itself, behind
 *   ganache-serial.js's queue]   GANACHE_CHAIN_ID [1337]   GANACHE_MNEMONIC [test test … junk]
 *   GANACHE_ACCOUNTS [10] GANACHE_BALANCE_ETH [10000]
 *   BCOIN_RPC_PORT [18443]  BCOIN_P2P_PORT [18444]  BCOIN_WALLET_PORT [18445]
 *   BCOIN_API_KEY [exchange-dev]  BCOIN_WALLET [1] (0: no wallet plugin)
 *   NODES_READY_TIMEOUT [60] seconds
 * Only Node.js is needed: no curl, no shell tools.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');

const HERE = __dirname;
/** Where account #0's first contract lands on a fresh ganache chain with the default mnemonic. */
const TEST_TOKEN = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const SEGWIT_HEIGHT = 433;
const env = process.env;

const cfg = {
  ganachePort: Number(env.GANACHE_PORT || 8545),
  ganacheInternalPort: Number(env.GANACHE_INTERNAL_PORT || Number(env.GANACHE_PORT || 8545) + 10000),
  chainId: Number(env.GANACHE_CHAIN_ID || 1337),
  mnemonic: env.GANACHE_MNEMONIC || 'test test test test test test test test test test test junk',
  accounts: Number(env.GANACHE_ACCOUNTS || 10),
  balanceEth: Number(env.GANACHE_BALANCE_ETH || 10000),
  rpcPort: Number(env.BCOIN_RPC_PORT || 18443),
  p2pPort: Number(env.BCOIN_P2P_PORT || 18444),
  walletPort: Number(env.BCOIN_WALLET_PORT || 18445),
  apiKey: env.BCOIN_API_KEY || 'exchange-dev',
  wallet: (env.BCOIN_WALLET || '1') !== '0',
  readyTimeout: Number(env.NODES_READY_TIMEOUT || 60)
};

/** The hot wallet address of a chain family from the --keys folder, or null. */
function hotAddress(chain) {
  if (!cfg.keysDir)
    return null;
  try {
    return fs.readFileSync(path.join(cfg.keysDir, `${chain}-hot.address`), 'utf8').trim() || null;
  } catch (e) {
    return null;
  }
}

function word(hex) {
  return hex.replace(/^0x/, '').padStart(64, '0');
}

function log(msg) {
  console.log(`[chain-nodes] ${msg}`);
}

function fail(msg) {
  console.error(`[chain-nodes] ERROR: ${msg}`);
  process.exit(1);
}

// ---- JSON-RPC over plain HTTP/1.1 -------------------------------------------------------------

function rpc(port, method, params, auth, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: params || [] });
    const headers = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) };
    if (auth)
      headers.Authorization = 'Basic ' + Buffer.from(`x:${auth}`).toString('base64');
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers,
      agent: false, timeout: timeoutMs }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { data += d; });
      res.on('end', () => {
        try {
          const json = JSON.parse(data);
          if (json.error)
            reject(new Error(`${method}: ${JSON.stringify(json.error)}`));
          else
            resolve(json.result);
        } catch (e) {
          reject(new Error(`${method}: HTTP ${res.statusCode} ${data.slice(0, 200)}`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

// ---- the two nodes ----------------------------------------------------------------------------

const NODES = {
  ganache: {
    command(dir) {
      return {
        // ganache behind a queue for transaction submissions (ganache-serial.js says why).
        args: [
          path.join(HERE, 'ganache-serial.js'), String(cfg.ganachePort), String(cfg.ganacheInternalPort),
          JSON.stringify({
            chain: { chainId: cfg.chainId, networkId: cfg.chainId, hardfork: 'shanghai' },
            wallet: { mnemonic: cfg.mnemonic, totalAccounts: cfg.accounts, defaultBalance: cfg.balanceEth },
            miner: { blockTime: 0, instamine: 'eager' }
          })
        ],
        env: { ...env }
      };
    },
    ports: () => [cfg.ganachePort, cfg.ganacheInternalPort],
    async ready() {
      const id = await rpc(cfg.ganachePort, 'eth_chainId');
      return `chain id ${parseInt(id, 16)}`;
    },
    // The test token is the first transaction of account #0 on every fresh chain, so its address is
    // always the same (TEST_TOKEN) and the exchange can be configured with it before it starts.
    async prepare() {
      if (await rpc(cfg.ganachePort, 'eth_getCode', [TEST_TOKEN, 'latest']) !== '0x')
        return 'TestUSDT already deployed';
      const bin = fs.readFileSync(path.join(HERE, 'build', 'TestUSDT.bin'), 'utf8').trim();
      const [deployer] = await rpc(cfg.ganachePort, 'eth_accounts');
      const tx = await rpc(cfg.ganachePort, 'eth_sendTransaction',
        [{ from: deployer, data: bin.startsWith('0x') ? bin : `0x${bin}`, gas: '0x100000' }]);
      const receipt = await rpc(cfg.ganachePort, 'eth_getTransactionReceipt', [tx]);
      if (!receipt || receipt.status !== '0x1' || receipt.contractAddress.toLowerCase() !== TEST_TOKEN)
        throw new Error(`TestUSDT deploy went wrong: ${JSON.stringify(receipt)}`);
      const hot = hotAddress('eth');
      if (!hot)
        return `TestUSDT at ${TEST_TOKEN}`;
      const accounts = await rpc(cfg.ganachePort, 'eth_accounts');
      await rpc(cfg.ganachePort, 'eth_sendTransaction',
        [{ from: accounts[1], to: hot, value: '0x' + (10n ** 21n).toString(16) }]);
      // mint(address,uint256): selector 0x40c10f19; 10 000 000 USDT at 6 decimals
      const mint = '0x40c10f19' + word(hot) + word((10n ** 13n).toString(16));
      const minted = await rpc(cfg.ganachePort, 'eth_sendTransaction',
        [{ from: deployer, to: TEST_TOKEN, data: mint, gas: '0x30000' }]);
      const mintReceipt = await rpc(cfg.ganachePort, 'eth_getTransactionReceipt', [minted]);
      if (!mintReceipt || mintReceipt.status !== '0x1')
        throw new Error(`minting TestUSDT to the hot wallet failed: ${JSON.stringify(mintReceipt)}`);
      return `TestUSDT at ${TEST_TOKEN}; hot wallet ${hot} paid 1000 ETH and 10000000 USDT`;
    }
  },

  bcoin: {
    command(dir) {
      const args = [
        path.join(HERE, 'node_modules', 'bcoin', 'bin', 'node'),
        '--network=regtest',
        '--memory=true',
        '--index-tx=true',
        '--index-address=true',
        `--prefix=${path.join(dir, 'bcoin-data')}`,
        '--log-level=info',
        '--workers=false',
        '--listen=true',
        '--host=127.0.0.1',
        `--port=${cfg.p2pPort}`,
        '--http-host=127.0.0.1',
        `--http-port=${cfg.rpcPort}`,
        `--api-key=${cfg.apiKey}`
      ];
      if (cfg.wallet) {
        // witness: the "primary" wallet hands out bcrt1q… (P2WPKH) addresses, as Core does.
        args.push('--wallet-http-host=127.0.0.1', `--wallet-http-port=${cfg.walletPort}`,
          '--wallet-witness=true');
      } else {
        args.push('--no-wallet=true');
      }
      return { args, env: { ...env, NODE_BACKEND: 'js' } };
    },
    ports: () => (cfg.wallet ? [cfg.rpcPort, cfg.p2pPort, cfg.walletPort] : [cfg.rpcPort, cfg.p2pPort]),
    async ready() {
      const height = await rpc(cfg.rpcPort, 'getblockcount', [], cfg.apiKey);
      if (cfg.wallet)
        await rpc(cfg.walletPort, 'getwalletinfo', [], cfg.apiKey);
      return `height ${height}${cfg.wallet ? ', wallet up' : ''}`;
    },
    // bcoin's mempool takes witness transactions only once the tip is past segwit's activation
    // height (432 on regtest): mine there at start, to the wallet, which then has coins to send.
    async prepare() {
      const height = await rpc(cfg.rpcPort, 'getblockcount', [], cfg.apiKey);
      if (height >= SEGWIT_HEIGHT || !cfg.wallet)
        return `height ${height}`;
      const address = await rpc(cfg.walletPort, 'getnewaddress', [''], cfg.apiKey);
      await rpc(cfg.rpcPort, 'generatetoaddress', [SEGWIT_HEIGHT - height, address], cfg.apiKey, 60000);
      const hot = hotAddress('btc');
      if (!hot)
        return `mined to height ${SEGWIT_HEIGHT}`;
      // Two payments: a withdrawal larger than one output has to combine them.
      for (let i = 0; i < 2; i++)
        await rpc(cfg.walletPort, 'sendtoaddress', [hot, 50], cfg.apiKey, 30000);
      await rpc(cfg.rpcPort, 'generatetoaddress', [1, address], cfg.apiKey, 60000);
      return `mined to height ${SEGWIT_HEIGHT + 1}; hot wallet ${hot} paid 2 x 50 BTC`;
    }
  }
};

// ---- process handling -------------------------------------------------------------------------

function pidFile(dir, name) {
  return path.join(dir, `${name}.pid`);
}

function readPid(dir, name) {
  try {
    const pid = Number(fs.readFileSync(pidFile(dir, name), 'utf8').trim());
    return pid > 0 ? pid : null;
  } catch (e) {
    return null;
  }
}

function alive(pid) {
  if (!pid)
    return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch (e) {
    return '(no log)';
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = require('net').createServer();
    srv.once('error', () => resolve(false));
    srv.once('listening', () => srv.close(() => resolve(true)));
    srv.listen(port, '127.0.0.1');
  });
}

function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch (e) {
    return null;
  }
}

async function start(name, dir) {
  const node = NODES[name];
  const existing = readPid(dir, name);
  if (alive(existing)) {
    log(`${name} already running (pid ${existing})`);
    return;
  }
  for (const port of node.ports()) {
    if (!await portFree(port))
      fail(`${name}: port 127.0.0.1:${port} is already in use (another node running?)`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, `${name}.log`);
  const out = fs.openSync(logFile, 'a');
  fs.writeSync(out, `\n==== ${new Date().toISOString()} starting ${name}\n`);
  const { args, env: childEnv } = node.command(dir);
  const t0 = Date.now();
  const child = spawn(process.execPath, args, {
    cwd: dir, env: childEnv, detached: true, stdio: ['ignore', out, out]
  });
  fs.closeSync(out);
  fs.writeFileSync(pidFile(dir, name), `${child.pid}\n`);
  child.unref();

  const deadline = t0 + cfg.readyTimeout * 1000;
  let lastErr = null;
  while (Date.now() < deadline) {
    if (!alive(child.pid) || child.exitCode !== null) {
      console.error(tail(logFile));
      fs.rmSync(pidFile(dir, name), { force: true });
      fail(`${name} exited during startup (log: ${logFile})`);
    }
    try {
      const what = await node.ready();
      log(`${name} up in ${Date.now() - t0} ms (pid ${child.pid}, ${what}, `
        + `RSS ${rssMb(child.pid)} MB, log ${logFile})`);
      if (node.prepare)
        log(`${name}: ${await node.prepare()}`);
      return;
    } catch (e) {
      lastErr = e;
    }
    await sleep(100);
  }
  console.error(tail(logFile));
  await stop(name, dir);
  fail(`${name} not ready after ${cfg.readyTimeout} s: ${lastErr && lastErr.message}`);
}

async function stop(name, dir) {
  const pid = readPid(dir, name);
  if (!alive(pid)) {
    fs.rmSync(pidFile(dir, name), { force: true });
    log(`${name} not running`);
    return;
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch (e) { /* gone */ }
  const t0 = Date.now();
  while (alive(pid) && Date.now() - t0 < 10000)
    await sleep(100);
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch (e) { /* gone */ }
    while (alive(pid))
      await sleep(50);
    log(`${name} killed (pid ${pid}) after 10 s`);
  } else {
    log(`${name} stopped (pid ${pid}) in ${Date.now() - t0} ms`);
  }
  fs.rmSync(pidFile(dir, name), { force: true });
}

async function status(name, dir) {
  const pid = readPid(dir, name);
  try {
    const what = await NODES[name].ready();
    log(`${name} up (pid ${pid || '?'}, ${what}, RSS ${pid ? rssMb(pid) : '?'} MB)`);
    return true;
  } catch (e) {
    log(`${name} down${alive(pid) ? ` (pid ${pid} alive but not answering: ${e.message})` : ''}`);
    return false;
  }
}

// ---- command line -----------------------------------------------------------------------------

async function main() {
  const argv = process.argv.slice(2);
  let dir = env.CHAIN_NODES_DIR || path.join(HERE, 'run');
  const ki = argv.indexOf('--keys');
  if (ki !== -1) {
    cfg.keysDir = argv[ki + 1];
    argv.splice(ki, 2);
  }
  const di = argv.indexOf('--dir');
  if (di !== -1) {
    dir = argv[di + 1];
    argv.splice(di, 2);
    if (!dir)
      fail('--dir needs a folder');
  }
  dir = path.resolve(dir);
  const [cmd, which = 'all'] = argv;
  const names = which === 'all' ? ['ganache', 'bcoin'] : [which];
  for (const n of names) {
    if (!NODES[n])
      fail(`unknown node "${n}" (ganache, bcoin or all)`);
  }

  switch (cmd) {
    case 'start':
      if (names.includes('bcoin')) {
        const check = spawn(process.execPath, [path.join(HERE, 'patch-bcoin.js'), '--check'],
          { stdio: ['ignore', 'ignore', 'inherit'] });
        const code = await new Promise((r) => check.on('exit', r));
        if (code !== 0)
          fail('bcoin is not patched: run `node patch-bcoin.js` after npm ci --ignore-scripts');
      }
      for (const n of names)
        await start(n, dir);
      break;
    case 'stop':
      for (const n of names.slice().reverse())
        await stop(n, dir);
      break;
    case 'status': {
      let ok = true;
      for (const n of names)
        ok = (await status(n, dir)) && ok;
      process.exit(ok ? 0 : 1);
      break;
    }
    case 'env':
      console.log([
        `GANACHE_URL=http://127.0.0.1:${cfg.ganachePort}`,
        `GANACHE_CHAIN_ID=${cfg.chainId}`,
        `GANACHE_MNEMONIC='${cfg.mnemonic}'`,
        `BCOIN_RPC_URL=http://127.0.0.1:${cfg.rpcPort}/`,
        `BCOIN_WALLET_URL=http://127.0.0.1:${cfg.walletPort}/`,
        `BCOIN_P2P=127.0.0.1:${cfg.p2pPort}`,
        `BCOIN_API_KEY=${cfg.apiKey}`,
        `BCOIN_AUTH_HEADER='Basic ${Buffer.from(`x:${cfg.apiKey}`).toString('base64')}'`
      ].join('\n'));
      break;
    default:
      console.error('usage: node nodes.js start|stop|status [ganache|bcoin|all] [--dir DIR] | env');
      process.exit(2);
  }
}

main().catch((e) => fail(e.stack || e.message));
