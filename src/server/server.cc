// Server: HTTP plumbing around the API handlers (routing, limits, security
// headers, JSON errors) and the embedded web app.
#include "parallax/server.h"

#include <iostream>

#include "server/server_impl.h"

namespace parallax {

using namespace server_internal;

struct Server::Impl {
  explicit Impl(const ServerOptions& o)
      : options(o), pool(o.db_path), briefs(o.brief_cache_entries), searches(o.search_cache_seconds > 0 ? 1024 : 0), limiter(o.rate_per_second, o.rate_burst) {}

  ServerOptions options;
  httplib::Server http;
  StorePool pool;
  BriefCache briefs;
  BriefCache searches;
  RateLimiter limiter;
  std::mutex writer_mu;
  std::unique_ptr<Store> writer;
  std::unique_ptr<StoryAssigner> assigner;
  ApiContext ctx{};
  std::unique_ptr<BriefWarmer> warmer;  // after ctx: stopped before it goes
  bool bound = false;

  void Routes();
};

namespace {

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

const char* ReasonFor(int status) {
  switch (status) {
    case 400: return "bad request";
    case 403: return "forbidden";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 413: return "request body too large";
    case 414: return "request URI too long";
    case 429: return "too many requests";
    default: return status >= 500 ? "internal error" : "error";
  }
}

// Which methods an /api path accepts ("" when it is no API route).
std::string AllowedMethods(const std::string& path) {
  if (path == "/api/ingest") return "POST";
  if (path == "/api/stories" || path == "/api/search" || path.rfind("/api/stories/", 0) == 0 ||
      path.rfind("/api/articles/", 0) == 0) {
    return "GET, HEAD";
  }
  return "";
}

}  // namespace

void Server::Impl::Routes() {
  if (options.warm_briefs) warmer = std::make_unique<BriefWarmer>(&ctx);
  ctx = ApiContext{&options, &pool,  &briefs,    &searches,
                   &writer_mu, writer.get(), &assigner, warmer.get()};
  http.set_default_headers({
      {"Content-Security-Policy", kCsp},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
  });
  http.set_payload_max_length(options.max_body_bytes);
  http.set_tcp_nodelay(true);  // no Nagle: small responses leave at once
  if (options.threads > 0) {
    int n = options.threads;
    http.new_task_queue = [n] { return new httplib::ThreadPool(static_cast<size_t>(n)); };
  }
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    int retry = 1;
    if (!limiter.Allow(req.remote_addr, &retry)) {
      res.set_header("Retry-After", std::to_string(retry));
      SendError(res, 429, "too many requests; slow down");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.path.rfind("/api/", 0) == 0) {
      std::string allowed = AllowedMethods(req.path);
      if (!allowed.empty() && allowed.find(req.method) == std::string::npos) {
        res.set_header("Allow", allowed);
        SendError(res, 405, "method " + req.method + " not allowed on " + req.path);
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Fills in a JSON body for errors that carry none (404 of unknown paths,
  // 413 from the body limit, 400 from the HTTP parser).
  httplib::Server::HandlerWithResponse on_error = [](const httplib::Request&,
                                                      httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    SendError(res, res.status, ReasonFor(res.status));
    return httplib::Server::HandlerResponse::Handled;
  };
  http.set_error_handler(on_error);
  http.set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                std::exception_ptr ep) {
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      std::cerr << "parallax: serve: " << req.method << " " << req.path << ": " << e.what() << "\n";
    } catch (...) {
    }
    SendError(res, 500, "internal error");
  });

  ApiContext* c = &ctx;
  http.Get("/api/stories", [c](const auto& req, auto& res) { HandleStories(*c, req, res); });
  http.Get(R"(/api/stories/(.+))", [c](const auto& req, auto& res) { HandleStory(*c, req, res); });
  http.Get(R"(/api/articles/(.+))", [c](const auto& req, auto& res) { HandleArticle(*c, req, res); });
  http.Get("/api/search", [c](const auto& req, auto& res) { HandleSearch(*c, req, res); });
  http.Post("/api/ingest", [c](const auto& req, auto& res) { HandleIngest(*c, req, res); });
  // Everything else: an embedded asset by exact path, never the file system.
  http.Get(R"(/.*)", [](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0) return SendError(res, 404, "no such API route");
    const Asset* a = FindAsset(req.path == "/" ? std::string_view("/index.html") : req.path);
    if (a == nullptr) return SendError(res, 404, "not found");
    res.status = 200;
    res.set_content(a->data.data(), a->data.size(), std::string(a->content_type).c_str());
    res.set_header("Cache-Control", "no-cache");
  });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  StoreOptions so;  // writable, created when missing: readers need the file
  Result<std::unique_ptr<Store>> w = Store::Open(options.db_path, so);
  if (!w.ok()) return w.status();
  impl->writer = std::move(w).value();
  // Fail early (with the path) if read-only connections can't open it.
  Result<StorePool::Lease> probe = impl->pool.Acquire();
  if (!probe.ok()) return probe.status();
  impl->Routes();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Result<int> Server::Bind() {
  const ServerOptions& o = impl_->options;
  int port = o.port;
  if (o.port == 0) {
    port = impl_->http.bind_to_any_port(o.host);
  } else if (!impl_->http.bind_to_port(o.host, o.port)) {
    port = -1;
  }
  if (port < 0) {
    return Status(StatusCode::kIoError,
                  "cannot listen on " + o.host + ":" + std::to_string(o.port));
  }
  impl_->bound = true;
  if (impl_->warmer) impl_->warmer->Start();
  return port;
}

Status Server::Run() {
  if (!impl_->bound) return InvalidArgument("Server::Run before Bind");
  if (!impl_->http.listen_after_bind()) return Status(StatusCode::kIoError, "server stopped with an error");
  return Status::Ok();
}

void Server::Stop() {
  if (!impl_) return;
  if (impl_->warmer) impl_->warmer->Stop();
  impl_->http.stop();
}

size_t Server::briefs_built_ahead() const {
  return impl_->warmer ? impl_->warmer->built() : 0;
}

bool Server::running() const { return impl_->http.is_running(); }

}  // namespace parallax
