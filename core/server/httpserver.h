#pragma once

// routerd's HTTP/1.1 server, on Boost.Beast: every request bounded and timed before any of it
// is trusted. Headers are limited (431), a body's size is judged from its headers before it
// is read (413; a chunked body is counted as it arrives), a request must arrive whole within
// a time of its first byte, idle kept-alive connections close, and above a number of
// connections new ones get a clean 503. Connections are served asynchronously by a pool of
// threads, so one slow or hostile client never holds up the others; each thread has its own
// handler (routerd gives each its own database connection). Status lines come from Beast.

#include "server/http.h"

#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace Switchboard {

class HttpServer
{
public:
    struct Limits
    {
        std::size_t maxHeaderBytes = 16 * 1024;
        std::chrono::milliseconds requestTimeout = std::chrono::seconds(15);
        std::chrono::milliseconds idleTimeout = std::chrono::seconds(60);
        int maxConnections = 4096;
        // The largest body a request may carry, from its method and path.
        std::function<std::uint64_t(HttpRequest::Method, const QByteArray &path)> bodyLimit;
        // A request refused from its headers alone (its body unread), or nullopt to go on.
        std::function<std::optional<HttpResponse>(const HttpRequest &headers)> screen;
    };
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    // Called once on each thread of the pool, before it serves anything.
    using HandlerFactory = std::function<Handler()>;
    // One line per request, after it is answered (method, target, status, time).
    using Logger = std::function<void(const HttpRequest &, int status, double ms)>;

    HttpServer(Limits limits, HandlerFactory factory, Logger logger = {});
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds and listens; false with a sentence when it cannot.
    bool listen(const QString &host, quint16 port, QString *error);
    // "127.0.0.1:8080", "[::1]:8080": where it listens.
    QString address() const;

    // Serves on `threads` threads (this one among them) until stop(), or SIGINT/SIGTERM
    // when `stopOnSignals`; then returns once the requests in flight are answered.
    void run(int threads, bool stopOnSignals);
    // From any thread: take no new connections, close idle ones, finish the others.
    void stop();

    struct Private; // the connections' side, in httpserver.cpp

private:
    std::unique_ptr<Private> d;
};

} // namespace Switchboard
