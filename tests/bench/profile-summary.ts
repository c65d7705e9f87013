// Prints where a V8 CPU profile (node --cpu-prof) spent its time: self time by function and by
// file, top entries. Usage: npx tsx tests/bench/profile-summary.ts <file.cpuprofile> [top] [skip-seconds]
// (skip-seconds leaves out the start, e.g. module loading, to look at the steady state)
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

const file = process.argv[2]
if (!file) {
  console.error('usage: profile-summary.ts <file.cpuprofile> [top]')
  process.exit(2)
}
const top = Number(process.argv[3] ?? 25)
const skipMicros = Number(process.argv[4] ?? 0) * 1e6
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const selfMicros = new Map<number, number>()
let elapsed = 0
let total = 0
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0
  elapsed += delta
  if (elapsed < skipMicros) return
  total += delta
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta)
})

const byFunction = new Map<string, number>()
const byFile = new Map<string, number>()
for (const [id, micros] of selfMicros) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame
  const shortUrl = url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/\/work\/main\//, '')
  const fn = `${functionName || '(anonymous)'} ${shortUrl}:${lineNumber + 1}`
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros)
  const group = shortUrl ? shortUrl.split('/').slice(0, shortUrl.startsWith('@') ? 2 : 1).join('/') : functionName
  byFile.set(group, (byFile.get(group) ?? 0) + micros)
}
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`)
  for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((micros / total) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`)
  }
}
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled${skipMicros ? ` after skipping ${skipMicros / 1e6} s` : ''}`)
print('self time by package / top folder', byFile)
print('self time by function', byFunction)
