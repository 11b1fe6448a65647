#include "ingest/io/http.h"

#include <gtest/gtest.h>

#include "ingest/io/test_util.h"

namespace parallax::io {
namespace {

TEST(Http, StatusHeadersBody) {
  std::string msg = testing::HttpMessage(200, "text/html; charset=utf-8",
                                         "Content-Encoding: GZIP\r\nX-Other: 1\r\n", "<p>hi</p>");
  Result<HttpResponse> r = ParseHttpResponse(msg);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r->content_encoding, "gzip");
  EXPECT_EQ(r->body, "<p>hi</p>");
}

TEST(Http, BareLfAndHttp2) {
  Result<HttpResponse> r = ParseHttpResponse("HTTP/2 404\ncontent-type: text/plain\n\nnope");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->content_type, "text/plain");
  EXPECT_EQ(r->body, "nope");
}

TEST(Http, NotHttp) {
  EXPECT_FALSE(ParseHttpResponse("GET / HTTP/1.1\r\n\r\n").ok());
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1 abc\r\n\r\n").ok());
  EXPECT_FALSE(ParseHttpResponse("").ok());
}

TEST(Http, Dechunk) {
  EXPECT_EQ(Dechunk("5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n"), "hello, world");
  EXPECT_EQ(Dechunk("a\r\n0123456789\r\n0\r\n"), "0123456789");
  EXPECT_EQ(Dechunk("<html>not chunked</html>"), "<html>not chunked</html>");
  EXPECT_EQ(Dechunk("5\r\nhel"), "hel");  // truncated: keep what arrived
  EXPECT_EQ(Dechunk(""), "");
}

TEST(Http, DecodeChunkedGzipBody) {
  std::string html = "<html><body>" + std::string(5000, 'x') + "</body></html>";
  std::string gz = testing::Gzip(html);
  std::string chunked;
  for (size_t i = 0; i < gz.size(); i += 1000) {
    std::string part = gz.substr(i, 1000);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", part.size());
    chunked += std::string(size) + "\r\n" + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  std::string msg = testing::HttpMessage(
      200, "text/html", "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked);
  Result<HttpResponse> r = ParseHttpResponse(msg);
  ASSERT_TRUE(r.ok());
  std::string storage;
  Result<std::string_view> body = DecodeHttpBody(*r, 1 << 20, &storage);
  ASSERT_TRUE(body.ok()) << body.status().message();
  EXPECT_EQ(*body, html);
}

TEST(Http, DecodeDeflateAndAlreadyDecoded) {
  HttpResponse r;
  r.content_encoding = "deflate";
  std::string raw = testing::Deflate("<html>deflated</html>", true);
  r.body = raw;
  std::string storage;
  Result<std::string_view> body = DecodeHttpBody(r, 1 << 20, &storage);
  ASSERT_TRUE(body.ok()) << body.status().message();
  EXPECT_EQ(*body, "<html>deflated</html>");
  // Header says gzip but the archiver stored the decoded page.
  r.content_encoding = "gzip";
  r.body = "<!DOCTYPE html><html>plain</html>";
  body = DecodeHttpBody(r, 1 << 20, &storage);
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(*body, r.body);
  EXPECT_EQ(body->data(), r.body.data());  // no copy
}

TEST(Http, DecodeProblems) {
  HttpResponse r;
  r.content_encoding = "br";
  r.body = "whatever";
  std::string storage;
  EXPECT_EQ(DecodeHttpBody(r, 100, &storage).status().code(), StatusCode::kUnsupported);
  r.content_encoding = "gzip";
  r.body = "\x1f\x8b\x08 definitely not deflate";
  EXPECT_FALSE(DecodeHttpBody(r, 100, &storage).ok());
  r.content_encoding.clear();
  r.body = "0123456789";
  EXPECT_EQ(DecodeHttpBody(r, 5, &storage).status().code(), StatusCode::kTooLarge);
}

TEST(Http, ContentTypes) {
  EXPECT_TRUE(IsHtmlContentType("text/html"));
  EXPECT_TRUE(IsHtmlContentType("Text/HTML; charset=UTF-8"));
  EXPECT_TRUE(IsHtmlContentType("application/xhtml+xml"));
  EXPECT_FALSE(IsHtmlContentType("text/plain"));
  EXPECT_FALSE(IsHtmlContentType("application/pdf"));
  EXPECT_TRUE(LooksLikeHtml("\n  <!DOCTYPE HTML><p>"));
  EXPECT_TRUE(LooksLikeHtml("<!-- c --><html lang=en>"));
  EXPECT_FALSE(LooksLikeHtml("{\"json\": true}"));
}

}  // namespace
}  // namespace parallax::io
