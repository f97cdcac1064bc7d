// What one call may ask of the server. Each is a `bantin serve` flag; the
// defaults are safe for a service on a shared network.
#ifndef BANTIN_SERVICE_LIMITS_H_
#define BANTIN_SERVICE_LIMITS_H_

#include <cstddef>

#include "bantin/paging.h"

namespace bantin {

struct ServiceLimits {
  // One request message (a page to parse or ingest is at most this big).
  // gRPC refuses larger messages with RESOURCE_EXHAUSTED before any work.
  size_t max_message_bytes = 64u << 20;  // --max-message-bytes
  // page_size above this is lowered to it (AIP-158), for List, Search and
  // ListSources alike.
  int max_page_size = kMaxPageSize;  // --max-page-size
  size_t max_query_bytes = 1024;     // --max-query-bytes (query + filter)
  size_t max_batch_ids = 500;        // --max-batch-ids (BatchGetBulletins)
  size_t max_stream_items = 100000;  // --max-stream-items (IngestBulletins)
  // Unary calls working at once (parse, ingest, search, list, get many,
  // delete; service/call_gate.h); 0: one per core, at least two.
  int max_concurrent_calls = 0;  // --max-concurrent-calls
  // Calls waiting for a worker; past them a call is RESOURCE_EXHAUSTED
  // (OVERLOADED) at once.
  size_t max_queued_calls = 64;  // --max-queued-calls
  // One page to parse or ingest; a larger one is INVALID_ARGUMENT before
  // any work (a page's parse costs time and memory in proportion to it).
  size_t max_page_bytes = 8u << 20;  // --max-page-bytes
  // Streams (ExportBulletins, IngestBulletins) open at once, in all and
  // from one peer address, and how long one may go without progress before
  // it is cancelled (service/open_streams.h).
  size_t max_open_streams = 64;       // --max-open-streams
  size_t max_streams_per_client = 8;  // --max-streams-per-client
  int stream_idle_seconds = 60;       // --stream-idle-seconds
  // The HTTP side (service/http_server.h): connections open at once, the
  // time a request head may take to arrive, and how long a kept-alive
  // connection may sit idle.
  size_t http_max_connections = 512;  // --http-max-connections
  int http_head_seconds = 10;         // --http-head-seconds
  int http_idle_seconds = 5;          // --http-idle-seconds
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_LIMITS_H_
