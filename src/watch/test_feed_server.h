// A loopback RSS server for the watch tests and benchmark: serves /feed.xml
// from a mutable item list with ETag / Last-Modified validators and answers
// conditional GETs with 304; /broken always answers 500.
#pragma once

#include <httplib.h>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace parallax::watch::testing_util {

struct FeedItem {
  std::string title, link, pub_date, description;
};

inline std::string XmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

inline std::string BuildRss(const std::vector<FeedItem>& items) {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
      "<title>Loopback World News</title><link>http://news.example.org/</link>"
      "<description>World news</description>\n";
  for (const FeedItem& it : items) {
    x += "<item><title>" + XmlEscape(it.title) + "</title><link>" + XmlEscape(it.link) +
         "</link><guid>" + XmlEscape(it.link) + "</guid><pubDate>" + it.pub_date +
         "</pubDate><description>" + XmlEscape(it.description) + "</description></item>\n";
  }
  return x + "</channel></rss>\n";
}

class FeedServer {
 public:
  FeedServer() {
    server_.Get("/feed.xml", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      ++requests_;
      seen_if_none_match_ = req.get_header_value("If-None-Match");
      seen_if_modified_since_ = req.get_header_value("If-Modified-Since");
      std::string etag = "\"v" + std::to_string(version_) + "\"";
      res.set_header("ETag", etag);
      res.set_header("Last-Modified", LastModified());
      if (!seen_if_none_match_.empty() && seen_if_none_match_ == etag) {
        res.status = 304;
        return;
      }
      res.set_content(BuildRss(items_), "application/rss+xml; charset=utf-8");
    });
    // text/xml is a type cpp-httplib's server compresses when the client
    // accepts gzip: exercises the fetcher's decompression.
    server_.Get("/compressible.xml", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      seen_accept_encoding_ = req.get_header_value("Accept-Encoding");
      res.set_content(BuildRss(items_), "text/xml; charset=utf-8");
    });
    server_.Get("/moved", [](const httplib::Request&, httplib::Response& res) {
      res.status = 301;
      res.set_header("Location", "/feed.xml");
    });
    server_.Get("/busy", [](const httplib::Request&, httplib::Response& res) {
      res.status = 503;
      res.set_header("Retry-After", "3000");
    });
    server_.Get("/broken", [](const httplib::Request&, httplib::Response& res) {
      res.status = 500;
      res.set_content("internal error", "text/plain");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();  // listening before any request
  }
  ~FeedServer() {
    server_.stop();
    thread_.join();
  }

  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  void SetItems(std::vector<FeedItem> items) {
    std::lock_guard<std::mutex> lock(mu_);
    items_ = std::move(items);
    ++version_;
  }
  int requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }
  std::string seen_if_none_match() {
    std::lock_guard<std::mutex> lock(mu_);
    return seen_if_none_match_;
  }
  std::string seen_accept_encoding() {
    std::lock_guard<std::mutex> lock(mu_);
    return seen_accept_encoding_;
  }
  std::string seen_if_modified_since() {
    std::lock_guard<std::mutex> lock(mu_);
    return seen_if_modified_since_;
  }

 private:
  std::string LastModified() const {
    return "Mon, 25 Mar 2024 1" + std::to_string(version_ % 10) + ":00:00 GMT";
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::vector<FeedItem> items_;
  int version_ = 1;
  int requests_ = 0;
  std::string seen_if_none_match_, seen_if_modified_since_, seen_accept_encoding_;
};

}  // namespace parallax::watch::testing_util
