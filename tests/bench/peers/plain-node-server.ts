// Peer for scenario f: plain node:http answering every request with one cached body (the bytes
// of our public page, read from BODY_FILE) — the ceiling for any Node server on this machine.
// Started by tests/bench as a child process: PORT, BODY_FILE; prints "ready <port>".
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

const body = readFileSync(process.env.BODY_FILE!)
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length })
  response.end(body)
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`ready ${(server.address() as AddressInfo).port}`)
})
