// ExportBulletins as a callback stream: each write is started when the
// last one completed, so a reader that stops reading stops the stream where
// it is, holding no thread (gRPC's flow control) and one page of the
// store's listing (ExportCursor). Open streams are capped and idle ones
// cancelled (OpenStreams).
#ifndef BANTIN_SERVICE_EXPORT_STREAM_H_
#define BANTIN_SERVICE_EXPORT_STREAM_H_

#include <grpcpp/grpcpp.h>

#include "bantin/storage/store.h"
#include "export.h"
#include "open_streams.h"

namespace bantin {

// Starts the stream of `request` (ExportBulletinsRequest bytes, decoded and
// checked here; `auth_status` is the call's access check). Returns the
// reactor gRPC drives; it deletes itself when the call is done.
grpc::ServerWriteReactor<grpc::ByteBuffer>* StartExport(grpc::CallbackServerContext* ctx,
                                                        const grpc::ByteBuffer& request, grpc::Status auth_status,
                                                        const Store& store, OpenStreams& streams);

}  // namespace bantin

#endif  // BANTIN_SERVICE_EXPORT_STREAM_H_
