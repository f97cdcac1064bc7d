// IngestBulletins as a callback stream: pages are read one at a time (the
// next read starts when the last page is taken), batched, and each batch is
// parsed and committed on the server's CallGate (write lane) while the
// stream reads nothing more: the client waits on flow control, no thread
// waits for the client, and every page's parse counts against the gate like
// a unary call's. A page that is not a valid request item (invalid UTF-8
// in a field, a bad hint, an empty or oversized page) is a failure of that
// page, named by field; it never ends the stream. Streams count against
// OpenStreams' caps and idle timeout.
#ifndef BANTIN_SERVICE_INGEST_STREAM_H_
#define BANTIN_SERVICE_INGEST_STREAM_H_

#include <grpcpp/grpcpp.h>

#include "bantin/storage/store.h"
#include "call_gate.h"
#include "limits.h"
#include "open_streams.h"

namespace bantin {

// Starts the stream; `auth_status` is the call's write-access check. The
// summary (IngestBulletinsResponse) goes to `response` when it ends.
grpc::ServerReadReactor<grpc::ByteBuffer>* StartIngest(grpc::CallbackServerContext* ctx, grpc::ByteBuffer* response,
                                                       grpc::Status auth_status, Store& store, CallGate& gate,
                                                       OpenStreams& streams, const ServiceLimits& limits);

}  // namespace bantin

#endif  // BANTIN_SERVICE_INGEST_STREAM_H_
