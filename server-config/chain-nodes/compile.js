#!/usr/bin/env node
/*
 * compile.js — compile contracts/TestUSDT.sol with the npm solc (pure JS/wasm, no download:
 * the compiler ships inside the package, so this works offline once installed).
 * Writes build/TestUSDT.abi (JSON array) and build/TestUSDT.bin (creation bytecode, hex, no 0x).
 * evmVersion "paris" (no PUSH0): runs on ganache's default hardfork (shanghai) and older ones.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const solc = require('solc');

const name = 'TestUSDT';
const src = path.join(__dirname, 'contracts', `${name}.sol`);
const outDir = path.join(__dirname, 'build');

const input = {
  language: 'Solidity',
  sources: { [`${name}.sol`]: { content: fs.readFileSync(src, 'utf8') } },
  settings: {
    evmVersion: 'paris',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } }
  }
};

const t0 = Date.now();
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || [])
  console.error(e.formattedMessage);
if (errors.length > 0) {
  console.error(`compile.js: ${errors.length} error(s)`);
  process.exit(1);
}

const c = output.contracts[`${name}.sol`][name];
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(c.abi, null, 2) + '\n');
fs.writeFileSync(path.join(outDir, `${name}.bin`), c.evm.bytecode.object + '\n');
console.log(`compile.js: solc ${solc.version()} -> build/${name}.abi, build/${name}.bin `
  + `(${c.evm.bytecode.object.length / 2} bytes creation code) in ${Date.now() - t0} ms`);
