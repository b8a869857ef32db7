#!/usr/bin/env bash
# smoke.sh — prove the running chain nodes work, over JSON-RPC with curl only.
#   node nodes.js start all && ./smoke.sh && node nodes.js stop all
# Needs: curl, node (only to read JSON and do nothing else), build/TestUSDT.bin (node compile.js).
# Expects fresh chains (both nodes keep their chain in memory: restart them to rerun).
# Prints one line per check and a closing "N passed, N failed"; exits 1 if any check failed.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GANACHE=http://127.0.0.1:${GANACHE_PORT:-8545}
BTC=http://127.0.0.1:${BCOIN_RPC_PORT:-18443}/
WALLET=http://127.0.0.1:${BCOIN_WALLET_PORT:-18445}/
AUTH="Authorization: Basic $(printf 'x:%s' "${BCOIN_API_KEY:-exchange-dev}" | base64 | tr -d '\n')"

PASS=0
FAIL=0
ok() { printf 'ok    %s\n' "$*"; PASS=$((PASS + 1)); }
bad() { printf 'FAIL  %s\n' "$*"; FAIL=$((FAIL + 1)); }
# expect DESCRIPTION ACTUAL EXPECTED
expect() { if [ "$2" = "$3" ]; then ok "$1 ($2)"; else bad "$1: got '$2', want '$3'"; fi; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# j EXPR: read JSON on stdin, print the JS expression EXPR of it (r = the parsed document)
j() {
  node -e 'let s = ""; process.stdin.on("data", (d) => { s += d; }).on("end", () => {
    let r; try { r = JSON.parse(s); } catch (e) { console.log("<not json: " + s.slice(0, 200) + ">"); return; }
    let v; try { v = (new Function("r", "return (" + process.argv[1] + ");"))(r); } catch (e) { v = "<" + e.message + ">"; }
    console.log(v !== null && typeof v === "object" ? JSON.stringify(v) : String(v)); });' "$1"
}

# eth METHOD PARAMS_JSON -> whole JSON-RPC response
eth() {
  curl -sS --max-time 30 -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":${2:-[]}}" "$GANACHE"
}
# btc URL METHOD PARAMS_JSON -> whole JSON-RPC response (HTTP/1.1, basic auth, api key as password)
btcrpc() {
  curl -sS --http1.1 --max-time 120 -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"1.0\",\"id\":\"smoke\",\"method\":\"$2\",\"params\":${3:-[]}}" "$1"
}
btc() { btcrpc "$BTC" "$@"; }
wal() { btcrpc "$WALLET" "$@"; }

hex_of() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }
pad_addr() { local a=${1#0x}; printf '%064s' "$a" | tr ' ' 0; }
pad_uint() { printf '%064x' "$1"; }
selector() { eth web3_sha3 "[\"0x$(hex_of "$1")\"]" | j 'r.result.slice(0, 10)'; }
receipt() {
  local i r
  for i in $(seq 1 50); do
    r=$(eth eth_getTransactionReceipt "[\"$1\"]")
    if [ "$(printf '%s' "$r" | j 'r.result === null')" = false ]; then printf '%s' "$r"; return; fi
    sleep 0.1
  done
  printf '%s' "$r"
}

echo "== ganache ($GANACHE)"
expect "eth_chainId" "$(eth eth_chainId | j 'parseInt(r.result, 16)')" 1337
expect "net_version" "$(eth net_version | j 'r.result')" 1337
ACCTS=$(eth eth_accounts)
expect "eth_accounts count" "$(printf '%s' "$ACCTS" | j 'r.result.length')" 10
A0=$(printf '%s' "$ACCTS" | j 'r.result[0]')
A1=$(printf '%s' "$ACCTS" | j 'r.result[1]')
A2=$(printf '%s' "$ACCTS" | j 'r.result[2]')
expect "account 0 from the fixed mnemonic" "$A0" 0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266
expect "account 1 from the fixed mnemonic" "$A1" 0x70997970c51812dc3a010c7d01b50e0d17dc79c8
expect "account 0 balance (wei)" "$(eth eth_getBalance "[\"$A0\",\"latest\"]" | j 'BigInt(r.result).toString()')" 10000000000000000000000

# value transfer: 1.5 ETH from account 0 to account 1
T0=$(now_ms)
TX=$(eth eth_sendTransaction "[{\"from\":\"$A0\",\"to\":\"$A1\",\"value\":\"0x14d1120d7b160000\"}]" | j 'r.result')
R=$(receipt "$TX")
expect "value transfer receipt status (tx $TX, $(( $(now_ms) - T0 )) ms)" "$(printf '%s' "$R" | j 'r.result.status')" 0x1
expect "account 1 balance after 1.5 ETH" "$(eth eth_getBalance "[\"$A1\",\"latest\"]" | j 'BigInt(r.result).toString()')" 10001500000000000000000
expect "block number after one tx (instamine)" "$(eth eth_blockNumber | j 'parseInt(r.result, 16)')" 1

# TestUSDT: deploy, mint, transfer, read the Transfer logs
BIN=$(tr -d '\n' < "$HERE/build/TestUSDT.bin")
T0=$(now_ms)
DEPLOY=$(eth eth_sendTransaction "[{\"from\":\"$A0\",\"data\":\"0x$BIN\",\"gas\":\"0x1e8480\"}]" | j 'r.result')
R=$(receipt "$DEPLOY")
TOKEN=$(printf '%s' "$R" | j 'r.result.contractAddress')
expect "TestUSDT deployed (at $TOKEN, gas $(printf '%s' "$R" | j 'parseInt(r.result.gasUsed, 16)'), $(( $(now_ms) - T0 )) ms)" \
  "$(printf '%s' "$R" | j 'r.result.status')" 0x1
SEL_MINT=$(selector 'mint(address,uint256)')
SEL_TRANSFER=$(selector 'transfer(address,uint256)')
SEL_BALANCE=$(selector 'balanceOf(address)')
SEL_DECIMALS=$(selector 'decimals()')
SEL_SUPPLY=$(selector 'totalSupply()')
TOPIC_TRANSFER=$(eth web3_sha3 "[\"0x$(hex_of 'Transfer(address,address,uint256)')\"]" | j 'r.result')
expect "selectors via web3_sha3" "$SEL_MINT $SEL_TRANSFER $SEL_BALANCE" "0x40c10f19 0xa9059cbb 0x70a08231"
expect "Transfer topic" "$TOPIC_TRANSFER" 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef
ethcall() { eth eth_call "[{\"to\":\"$TOKEN\",\"data\":\"$1\"},\"latest\"]" | j 'BigInt(r.result).toString()'; }
expect "decimals()" "$(ethcall "$SEL_DECIMALS")" 6

MINT=$(eth eth_sendTransaction "[{\"from\":\"$A0\",\"to\":\"$TOKEN\",\"data\":\"$SEL_MINT$(pad_addr "$A0")$(pad_uint 1000000000)\"}]" | j 'r.result')
expect "mint 1000 USDT to account 0" "$(receipt "$MINT" | j 'r.result.status')" 0x1
BADMINT=$(eth eth_sendTransaction "[{\"from\":\"$A1\",\"to\":\"$TOKEN\",\"gas\":\"0x30000\",\"data\":\"$SEL_MINT$(pad_addr "$A1")$(pad_uint 1)\"}]")
expect "mint by a non-deployer reverts (status 0x0, tx still mined)" \
  "$(receipt "$(printf '%s' "$BADMINT" | j 'r.result')" | j 'r.result.status')" 0x0
XFER=$(eth eth_sendTransaction "[{\"from\":\"$A0\",\"to\":\"$TOKEN\",\"data\":\"$SEL_TRANSFER$(pad_addr "$A2")$(pad_uint 250000000)\"}]" | j 'r.result')
XR=$(receipt "$XFER")
expect "transfer 250 USDT to account 2" "$(printf '%s' "$XR" | j 'r.result.status')" 0x1
expect "balanceOf(account 2)" "$(ethcall "$SEL_BALANCE$(pad_addr "$A2")")" 250000000
expect "balanceOf(account 0)" "$(ethcall "$SEL_BALANCE$(pad_addr "$A0")")" 750000000
expect "totalSupply()" "$(ethcall "$SEL_SUPPLY")" 1000000000
LOGS=$(eth eth_getLogs "[{\"address\":\"$TOKEN\",\"fromBlock\":\"0x0\",\"toBlock\":\"latest\",\"topics\":[\"$TOPIC_TRANSFER\"]}]")
expect "eth_getLogs Transfer count (mint + transfer)" "$(printf '%s' "$LOGS" | j 'r.result.length')" 2
expect "mint log: from 0x0 to account 0" "$(printf '%s' "$LOGS" | j 'r.result[0].topics[1] + " " + r.result[0].topics[2]')" \
  "0x$(pad_uint 0) 0x$(pad_addr "$A0")"
expect "transfer log: from, to, value, tx hash" \
  "$(printf '%s' "$LOGS" | j 'r.result[1].topics[1] + " " + r.result[1].topics[2] + " " + BigInt(r.result[1].data) + " " + r.result[1].transactionHash')" \
  "0x$(pad_addr "$A0") 0x$(pad_addr "$A2") 250000000 $XFER"
expect "receipt carries the same log" "$(printf '%s' "$XR" | j 'r.result.logs.length + " " + r.result.logs[0].address')" "1 $TOKEN"

echo "== bcoin regtest ($BTC, wallet $WALLET)"
INFO=$(btc getblockchaininfo)
expect "getblockchaininfo chain/blocks" "$(printf '%s' "$INFO" | j 'r.result.chain + " " + r.result.blocks')" "regtest 0"
expect "genesis = Bitcoin Core regtest genesis" "$(printf '%s' "$INFO" | j 'r.result.bestblockhash')" \
  0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206
expect "no auth -> HTTP 401" \
  "$(curl -s -o /dev/null -w '%{http_code}' -d '{"method":"getblockcount","params":[]}' "$BTC")" 401
expect "validateaddress of a bitcoinj/Core regtest P2PKH (key 1)" \
  "$(btc validateaddress '["mrCDrCybB6J1vRfbwM5hemdJz73FwDBC8r"]' | j 'r.result.isvalid')" true
expect "validateaddress of a Core regtest P2WPKH (key 1)" \
  "$(btc validateaddress '["bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080"]' | j 'r.result.isvalid')" true
expect "validateaddress rejects a mainnet bc1q" \
  "$(btc validateaddress '["bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"]' | j 'r.result.isvalid')" false

ADDR=$(wal getnewaddress '[""]' | j 'r.result')
case "$ADDR" in bcrt1q*) ok "wallet getnewaddress \"\" -> $ADDR" ;; *) bad "wallet getnewaddress: '$ADDR'" ;; esac
T0=$(now_ms)
GEN=$(btc generatetoaddress "[432,\"$ADDR\"]")
GEN_MS=$(( $(now_ms) - T0 ))
expect "generatetoaddress 432 ($GEN_MS ms)" "$(printf '%s' "$GEN" | j 'r.result.length')" 432
expect "getblockcount" "$(btc getblockcount | j 'r.result')" 432
expect "segwit status" "$(btc getblockchaininfo | j 'r.result.bip9_softforks.segwit.status')" active
TIP=$(btc getbestblockhash | j 'r.result')
expect "invalidateblock tip" "$(btc invalidateblock "[\"$TIP\"]" | j 'r.error')" null
expect "getblockcount after invalidateblock" "$(btc getblockcount | j 'r.result')" 431
# a reorg as the exchange's tests make one: a competing branch two blocks long replaces the tip
NEW=$(btc generatetoaddress "[2,\"$ADDR\"]" | j 'r.result[0]')
expect "getblockcount after mining 2 on the new branch" "$(btc getblockcount | j 'r.result')" 433
H432=$(btc getblockhash '[432]' | j 'r.result')
expect "height 432 is now the new branch's block, not the invalidated one" "$H432" "$NEW"
# bcoin forgets an invalidated block: getblock -> -1 "Block not found" (Core keeps it, confirmations -1)
expect "invalidated block gone (bcoin: getblock -> error)" \
  "$(btc getblock "[\"$TIP\"]" | j 'r.result === null ? r.error.code + " " + r.error.message : "confirmations " + r.result.confirmations')" \
  "-1 Block not found"
G=$(btc sendrawtransaction '["00112233deadbeef"]')
expect "sendrawtransaction garbage -> error code" "$(printf '%s' "$G" | j 'r.error.code + " " + r.error.message + " result=" + r.result')" \
  "-22 TX decode failed result=null"
expect "sendrawtransaction non-hex -> -22" "$(btc sendrawtransaction '["not-hex"]' | j 'r.error.code')" -22

# Core-style errors of the patched sendrawtransaction
DEST=$(wal getnewaddress '[""]' | j 'r.result')
SENT=$(wal sendtoaddress "[\"$DEST\",1.5]" | j 'r.result')
case "$SENT" in [0-9a-f]*) ok "wallet sendtoaddress 1.5 BTC (segwit spend) -> $SENT" ;; *) bad "wallet sendtoaddress: $SENT" ;; esac
RAW=$(btc getrawtransaction "[\"$SENT\"]" | j 'r.result')
expect "resubmit a tx already in the mempool -> its txid (as Core)" "$(btc sendrawtransaction "[\"$RAW\"]" | j 'r.result')" "$SENT"
DEC=$(btc decoderawtransaction "[\"$RAW\"]")
IN_TXID=$(printf '%s' "$DEC" | j 'r.result.vin[0].txid')
IN_VOUT=$(printf '%s' "$DEC" | j 'r.result.vin[0].vout')
CONFLICT=$(btc createrawtransaction "[[{\"txid\":\"$IN_TXID\",\"vout\":$IN_VOUT}],{\"$DEST\":1}]" | j 'r.result')
expect "double spend of a mempool input -> -26" \
  "$(btc sendrawtransaction "[\"$CONFLICT\"]" | j 'r.error.code + " " + r.error.message')" "-26 txn-mempool-conflict"
NOSUCH=$(btc createrawtransaction "[[{\"txid\":\"$(printf '11%.0s' $(seq 32))\",\"vout\":0}],{\"$DEST\":1}]" | j 'r.result')
expect "input that does not exist -> -25" \
  "$(btc sendrawtransaction "[\"$NOSUCH\"]" | j 'r.error.code + " " + r.error.message')" "-25 bad-txns-inputs-missingorspent"
OTHER=$(wal listunspent '[100]' | j "r.result.filter((u) => !(u.txid === '$IN_TXID' && u.vout === $IN_VOUT))[0]")
O_TXID=$(printf '%s' "$OTHER" | j 'r.txid')
O_VOUT=$(printf '%s' "$OTHER" | j 'r.vout')
UNSIGNED=$(btc createrawtransaction "[[{\"txid\":\"$O_TXID\",\"vout\":$O_VOUT}],{\"$DEST\":1}]" | j 'r.result')
expect "unsigned spend of a real coin -> -26" "$(btc sendrawtransaction "[\"$UNSIGNED\"]" | j 'r.error.code')" -26
MINED=$(btc generatetoaddress "[1,\"$ADDR\"]" | j 'r.result[0]')
expect "tx mined in the next block" "$(btc getrawtransaction "[\"$SENT\",1]" | j 'r.result.blockhash')" "$MINED"
expect "resubmit a confirmed tx -> -27" "$(btc sendrawtransaction "[\"$RAW\"]" | j 'r.error.code')" -27
expect "double spend of a confirmed-spent input -> -25" \
  "$(btc sendrawtransaction "[\"$CONFLICT\"]" | j 'r.error.code + " " + r.error.message')" "-25 bad-txns-inputs-missingorspent"
expect "mempool empty" "$(btc getrawmempool | j 'r.result.length')" 0

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
