// Peer for the benchmarks: the y-websocket reference server (setupWSConnection from
// @y/websocket-server 0.1.1; 0.1.5 needs yjs 14). It is the same loop as the package's own
// bin/server.js, bound to loopback. It persists nothing (YPERSISTENCE unset): documents live in
// memory until their last connection closes.
// Started by tests/bench as a child process: PORT; prints "ready <port>".
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

const port = Number(process.env.PORT ?? 0)
const wss = new WebSocketServer({ noServer: true })
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' })
  response.end('okay')
})
wss.on('connection', setupWSConnection)
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})
server.listen(port, '127.0.0.1', () => {
  console.log(`ready ${(server.address() as AddressInfo).port}`)
})
