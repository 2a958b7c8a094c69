#include "httpserver.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <atomic>
#include <csignal>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

using namespace Qt::StringLiterals;

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

namespace Switchboard {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(HttpServer)
};

// The handler of the pool thread running now (each has its own).
thread_local HttpServer::Handler *t_handler = nullptr;

HttpRequest::Method methodOf(http::verb verb)
{
    switch (verb) {
    case http::verb::get:
        return HttpRequest::Method::Get;
    case http::verb::head:
        return HttpRequest::Method::Head;
    case http::verb::post:
        return HttpRequest::Method::Post;
    case http::verb::put:
        return HttpRequest::Method::Put;
    case http::verb::patch:
        return HttpRequest::Method::Patch;
    case http::verb::delete_:
        return HttpRequest::Method::Delete;
    default:
        return HttpRequest::Method::Other;
    }
}

QByteArray bytes(beast::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

QByteArray pathOf(beast::string_view target)
{
    const auto q = target.find('?');
    return bytes(q == beast::string_view::npos ? target : target.substr(0, q));
}

QByteArray problemBody(const QString &sentence)
{
    return QJsonDocument(QJsonObject{{u"error"_s, sentence}}).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponse problemResponse(int status, const QString &sentence)
{
    return {status, "application/json", problemBody(sentence), {}};
}

class Session;

struct HttpServer::Private
{
    Limits limits;
    HandlerFactory factory;
    Logger logger;
    // Before the io_context: destroying it destroys queued handlers, and with them sessions,
    // whose destructors use these.
    std::atomic<int> connections{0};
    std::atomic<bool> stopping{false};
    std::mutex mutex;
    std::map<Session *, std::weak_ptr<Session>> sessions;
    net::io_context ioc;
    // The acceptor, its retry timer and the signals are used from their strand only, so that
    // stop() and the accept handler never touch them at once.
    net::strand<net::io_context::executor_type> control{ioc.get_executor()};
    tcp::acceptor acceptor{control};
    net::steady_timer acceptRetry{control};
    std::optional<net::signal_set> stopSignals;
    net::steady_timer deadline{control};
    net::steady_timer drainTimer{control};

    void accept();
    // After stop(): once the last connection is gone, nothing is left to wait for.
    void drain()
    {
        if (connections.load() == 0) {
            deadline.cancel();
            return;
        }
        drainTimer.expires_after(std::chrono::milliseconds(20));
        drainTimer.async_wait([this](const error_code &ec) {
            if (!ec)
                drain();
        });
    }
    void refuseBusy(tcp::socket socket);
};

class Session : public std::enable_shared_from_this<Session>
{
public:
    Session(tcp::socket socket, HttpServer::Private &server)
        : m_stream(std::move(socket))
        , m_server(server)
    {}

    ~Session()
    {
        --m_server.connections;
        const std::lock_guard lock(m_server.mutex);
        m_server.sessions.erase(this);
    }

    auto executor() { return m_stream.get_executor(); }

    void start()
    {
        {
            const std::lock_guard lock(m_server.mutex);
            m_server.sessions.emplace(this, weak_from_this());
        }
        waitForRequest();
    }

    // From stop(): a connection waiting for its next request closes now; one in the middle
    // of a request closes after its answer.
    void stopWhenIdle()
    {
        net::post(m_stream.get_executor(), [self = shared_from_this()] {
            if (self->m_idle)
                self->closeSocket();
        });
    }

private:
    // Reading is driven here, not by Beast's async_read: one read from the socket feeds the
    // parser as far as it goes, so a request that arrives in one segment costs one read and
    // one write. The stream's expiry is the idle timeout until the first byte of a request,
    // then the request timeout until it is whole.
    void waitForRequest()
    {
        if (m_server.stopping)
            return closeSocket();
        m_parser.emplace();
        m_parser->header_limit(std::uint32_t(m_server.limits.maxHeaderBytes));
        // Judged once the headers say what the request is (not boost::none: 1.74 compares a
        // length with it as if it were 0).
        m_parser->body_limit(std::numeric_limits<std::uint64_t>::max());
        m_request = {};
        m_headerSeen = false;
        if (m_buffer.size() > 0) // the next request has begun arriving already
            return firstByte();
        m_idle = true;
        m_stream.expires_after(m_server.limits.idleTimeout);
        readMore();
    }

    void firstByte()
    {
        m_idle = false;
        m_started = std::chrono::steady_clock::now();
        m_stream.expires_after(m_server.limits.requestTimeout);
        parse();
    }

    void readMore()
    {
        m_stream.async_read_some(m_buffer.prepare(16 * 1024),
                                 [self = shared_from_this()](const error_code &ec, std::size_t n) {
                                     if (ec) // the peer left, or a timeout ran out
                                         return self->closeSocket();
                                     self->m_buffer.commit(n);
                                     if (self->m_idle)
                                         return self->firstByte();
                                     self->parse();
                                 });
    }

    void parse()
    {
        while (m_buffer.size() > 0 && !m_parser->is_done()) {
            error_code ec;
            const std::size_t used = m_parser->put(m_buffer.data(), ec);
            m_buffer.consume(used);
            if (ec == http::error::need_more) {
                // Chunk sizes, extensions and trailers are lines the parser keeps in the
                // buffer until they end: they may not grow past the header limit.
                if (m_headerSeen && m_buffer.size() > m_server.limits.maxHeaderBytes)
                    return refuse(400, Text::tr("A chunk header or trailer is too long."));
                break;
            }
            if (ec)
                return failed(ec);
            if (!m_headerSeen && m_parser->is_header_done()) {
                m_headerSeen = true;
                if (!headerArrived())
                    return; // refused, or waiting for 100-continue to be sent
            }
            if (used == 0)
                break;
        }
        if (m_parser->is_done())
            return handle();
        readMore();
    }

    void failed(const error_code &ec)
    {
        if (ec == http::error::header_limit)
            return refuse(431, Text::tr("The request's headers are larger than %1 KiB.")
                                   .arg(m_server.limits.maxHeaderBytes / 1024));
        if (ec == http::error::body_limit)
            return refuse(413, tooLarge(m_limit));
        refuse(400, Text::tr("That is not an HTTP request."));
    }

    // The headers are in: what the request is, and how large a body it may have. False when
    // it is answered already (or the body waits for 100-continue).
    bool headerArrived()
    {
        const auto &header = m_parser->get();
        m_request.method = methodOf(header.method());
        m_request.methodName = bytes(header.method_string());
        m_request.target = bytes(header.target());
        for (const auto &field : header)
            m_request.headers.append({bytes(field.name_string()), bytes(field.value())});
        m_limit = m_server.limits.bodyLimit
                      ? m_server.limits.bodyLimit(m_request.method, pathOf(header.target()))
                      : 1024 * 1024;
        // Refused from the headers (no credentials, say): none of the body is read.
        if (m_server.limits.screen) {
            if (const auto refusal = m_server.limits.screen(m_request)) {
                send(*refusal, false);
                return false;
            }
        }
        // Judged from the headers: nothing of a body too large is read.
        if (const auto length = m_parser->content_length(); length && *length > m_limit) {
            refuse(413, tooLarge(m_limit));
            return false;
        }
        m_parser->body_limit(m_limit); // a chunked body is counted as it arrives
        m_parser->eager(true);
        if (beast::iequals(header[http::field::expect], "100-continue") && !m_parser->is_done() &&
            m_buffer.size() == 0) {
            auto go =
                std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
            http::async_write(m_stream, *go,
                              [self = shared_from_this(), go](const error_code &e, std::size_t) {
                                  if (e)
                                      return self->closeSocket();
                                  self->readMore();
                              });
            return false;
        }
        return true;
    }

    void handle()
    {
        auto &message = m_parser->get();
        m_request.body = QByteArray::fromStdString(message.body());
        message.body().clear();
        const bool keepAlive = message.keep_alive();
        m_stream.expires_never(); // the handler's own time is not the client's fault
        HttpResponse response;
        try {
            response = t_handler ? (*t_handler)(m_request)
                                 : problemResponse(503, Text::tr("The server is not ready."));
        } catch (const std::exception &) {
            // Out of memory, say: this request fails, the server goes on.
            response = problemResponse(500, Text::tr("The request could not be answered."));
        }
        send(response, keepAlive && !m_server.stopping);
    }

    QString tooLarge(std::uint64_t limit) const
    {
        if (limit == 0)
            return Text::tr("The request's body is too large.");
        return limit >= 1024 * 1024
                   ? Text::tr("The request's body is larger than %1 MiB.")
                         .arg(limit / (1024 * 1024))
                   : Text::tr("The request's body is larger than %1 KiB.").arg(limit / 1024);
    }

    // An answer before the body was read (or without a usable request): the connection
    // cannot be reused, since the rest of what the client sends is not read.
    void refuse(int status, const QString &sentence)
    {
        send(problemResponse(status, sentence), false);
    }

    void send(const HttpResponse &r, bool keepAlive)
    {
        auto res = std::make_shared<http::response<http::string_body>>();
        res->version(11);
        res->result(unsigned(r.status)); // the reason phrase is Beast's
        if (!r.contentType.isEmpty())
            res->set(http::field::content_type,
                     beast::string_view(r.contentType.constData(), size_t(r.contentType.size())));
        for (const auto &[name, value] : r.headers)
            res->insert(beast::string_view(name.constData(), size_t(name.size())),
                        beast::string_view(value.constData(), size_t(value.size())));
        res->keep_alive(keepAlive);
        if (r.status != 204)
            res->content_length(size_t(r.body.size()));
        // A HEAD answer says how long the body would be, and sends none: the client reads no
        // body, so one sent would be taken for the next answer.
        if (m_request.method != HttpRequest::Method::Head)
            res->body().assign(r.body.constData(), size_t(r.body.size()));
        if (m_server.logger) {
            const double ms = std::chrono::duration<double, std::milli>(
                                  std::chrono::steady_clock::now() - m_started)
                                  .count();
            m_server.logger(m_request, r.status, ms);
        }
        m_stream.expires_after(m_server.limits.requestTimeout); // a client that does not read
        http::async_write(
            m_stream, *res,
            [self = shared_from_this(), res, keepAlive](const error_code &ec, std::size_t) {
                if (ec)
                    return self->closeSocket();
                if (!keepAlive)
                    return self->lingerAndClose();
                self->waitForRequest();
            });
    }

    // Ends the connection after an answer. Whatever the client still sends (the rest of a
    // body refused unread) is read and thrown away for a short while, so that the client
    // gets to read the answer instead of a reset; nothing of it is kept.
    void lingerAndClose()
    {
        error_code ignored;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        m_stream.expires_after(std::chrono::seconds(2));
        discard();
    }

    void discard()
    {
        m_stream.async_read_some(net::buffer(m_discard),
                                 [self = shared_from_this()](const error_code &ec, std::size_t) {
                                     if (ec)
                                         return self->closeSocket();
                                     self->discard();
                                 });
    }

    void closeSocket()
    {
        error_code ignored;
        m_stream.socket().close(ignored);
    }

    beast::tcp_stream m_stream;
    HttpServer::Private &m_server;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    HttpRequest m_request;
    std::chrono::steady_clock::time_point m_started;
    std::uint64_t m_limit = 0;
    std::array<char, 16 * 1024> m_discard;
    bool m_idle = false;
    bool m_headerSeen = false;
};

void HttpServer::Private::accept()
{
    acceptor.async_accept(net::make_strand(ioc), [this](const error_code &ec, tcp::socket socket) {
        if (stopping || !acceptor.is_open())
            return;
        if (ec) {
            // Out of descriptors, say: try again shortly instead of spinning.
            acceptRetry.expires_after(std::chrono::milliseconds(50));
            acceptRetry.async_wait([this](const error_code &e) {
                if (!e)
                    accept();
            });
            return;
        }
        error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored); // answers leave at once
        if (connections.load() >= limits.maxConnections) {
            refuseBusy(std::move(socket));
        } else {
            ++connections;
            auto session = std::make_shared<Session>(std::move(socket), *this);
            net::dispatch(session->executor(), [session] { session->start(); });
        }
        accept();
    });
}

void HttpServer::Private::refuseBusy(tcp::socket socket)
{
    struct Busy
    {
        tcp::socket socket;
        http::response<http::string_body> response;
    };
    auto busy = std::make_shared<Busy>(Busy{std::move(socket), {}});
    busy->response.version(11);
    busy->response.result(http::status::service_unavailable);
    busy->response.set(http::field::content_type, "application/json");
    busy->response.set(http::field::retry_after, "1");
    busy->response.body() =
        problemBody(Text::tr("The server has too many connections; try again shortly."))
            .toStdString();
    busy->response.keep_alive(false);
    busy->response.prepare_payload();
    http::async_write(busy->socket, busy->response, [busy](const error_code &, std::size_t) {
        error_code ignored;
        busy->socket.shutdown(tcp::socket::shutdown_both, ignored);
        busy->socket.close(ignored);
    });
}

HttpServer::HttpServer(Limits limits, HandlerFactory factory, Logger logger)
    : d(std::make_unique<Private>())
{
    d->limits = std::move(limits);
    d->factory = std::move(factory);
    d->logger = std::move(logger);
}

HttpServer::~HttpServer() = default;

bool HttpServer::listen(const QString &host, quint16 port, QString *error)
{
    error_code ec;
    const auto address = net::ip::make_address(host.toStdString(), ec);
    if (ec) {
        *error = Text::tr("\"%1\" is not an IP address.").arg(host);
        return false;
    }
    const tcp::endpoint endpoint(address, port);
    d->acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        d->acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        d->acceptor.bind(endpoint, ec);
    if (!ec)
        d->acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        *error = QString::fromStdString(ec.message());
        d->acceptor.close(ec);
        return false;
    }
    return true;
}

QString HttpServer::address() const
{
    error_code ec;
    const tcp::endpoint e = d->acceptor.local_endpoint(ec);
    const QString host = QString::fromStdString(e.address().to_string());
    return (e.address().is_v6() ? u'[' + host + u']' : host) + u':' + QString::number(e.port());
}

void HttpServer::run(int threads, bool stopOnSignals)
{
    if (stopOnSignals) {
        d->stopSignals.emplace(d->control, SIGINT, SIGTERM);
        d->stopSignals->async_wait([this](const error_code &ec, int) {
            if (!ec)
                stop();
        });
    }
    d->accept();
    auto serve = [this] {
        Handler handler = d->factory ? d->factory() : Handler();
        t_handler = handler ? &handler : nullptr;
        d->ioc.run();
        t_handler = nullptr;
    };
    std::vector<std::thread> pool;
    for (int i = 1; i < std::max(1, threads); ++i)
        pool.emplace_back(serve);
    serve();
    for (std::thread &t : pool)
        t.join();
}

void HttpServer::stop()
{
    net::post(d->control, [this] {
        if (d->stopping.exchange(true))
            return;
        error_code ignored;
        d->acceptor.close(ignored);
        d->acceptRetry.cancel();
        if (d->stopSignals)
            d->stopSignals->cancel();
        std::vector<std::shared_ptr<Session>> sessions;
        {
            const std::lock_guard lock(d->mutex);
            for (const auto &[raw, weak] : d->sessions) {
                if (auto s = weak.lock())
                    sessions.push_back(std::move(s));
            }
        }
        for (const auto &s : sessions)
            s->stopWhenIdle();
        // Requests in flight get this long to finish; then everything stops.
        d->deadline.expires_after(d->limits.requestTimeout + std::chrono::seconds(5));
        d->deadline.async_wait([this](const error_code &ec) {
            if (!ec)
                d->ioc.stop();
        });
        d->drain();
    });
}

} // namespace Switchboard
