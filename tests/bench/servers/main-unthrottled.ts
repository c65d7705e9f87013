// Our server with its per-connection rate limit lifted (scenario d only), bundled as its own
// entry by tests/bench/servers/built-server.ts: the patch and the server share one TokenBucket.
import './lift-rate-limit.ts'
import '../../../server/main.ts'
