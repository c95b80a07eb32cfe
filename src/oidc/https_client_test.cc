#include "oidc/https_client.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <array>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

namespace regie::oidc {
namespace {

TEST(OutboundUrl, HttpsAnywhereHttpOnlyOnLoopback) {
  auto https = ParseOutboundUrl("https://login.example.nl/realms/g?x=1");
  ASSERT_TRUE(https.ok());
  EXPECT_TRUE(https->tls);
  EXPECT_EQ(https->host, "login.example.nl");
  EXPECT_EQ(https->port, 443);
  EXPECT_EQ(https->target, "/realms/g?x=1");
  auto local = ParseOutboundUrl("http://127.0.0.1:9443");
  ASSERT_TRUE(local.ok());
  EXPECT_FALSE(local->tls);
  EXPECT_EQ(local->port, 9443);
  EXPECT_EQ(local->target, "/");
  auto v6 = ParseOutboundUrl("http://[::1]:81/jwks");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->host, "::1");
  EXPECT_TRUE(ParseOutboundUrl("http://localhost/x").ok());
  for (const char* bad : {"http://login.example.nl/", "http://10.0.0.1/", "ftp://x/",
                          "https://user:pw@login.example.nl/", "https:///x", "https://x:0/",
                          "https://x:99999/", "https://x:8a/", "login.example.nl"})
    EXPECT_EQ(ParseOutboundUrl(bad).status().reason(), "url_refused") << bad;
}

TEST(BeastOutboundHttp, RefusesPlainHttpToAnotherHostWithoutConnecting) {
  BeastOutboundHttp http;
  auto r = http.Send({.url = "http://example.org/"});
  EXPECT_EQ(r.status().reason(), "url_refused");
}

TEST(BeastOutboundHttp, PostsAndReadsTheAnswerOfALoopbackServer) {
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::acceptor acceptor(
      ioc, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  const auto port = acceptor.local_endpoint().port();
  std::string received;
  std::thread server([&] {
    boost::asio::ip::tcp::socket socket = acceptor.accept();
    std::string data;
    std::array<char, 4096> chunk{};
    boost::system::error_code ec;
    while (data.find("\r\n\r\nx=1") == std::string::npos && !ec)
      data.append(chunk.data(), socket.read_some(boost::asio::buffer(chunk), ec));
    received = data;
    const std::string answer =
        "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 7\r\n"
        "Connection: close\r\n\r\n{\"a\":1}";
    boost::asio::write(socket, boost::asio::buffer(answer), ec);
  });
  BeastOutboundHttp http;
  auto r = http.Send({.method = "POST",
                      .url = "http://127.0.0.1:" + std::to_string(port) + "/token?q=1",
                      .headers = {{"Authorization", "Basic eDp5"}},
                      .content_type = "application/x-www-form-urlencoded",
                      .body = "x=1",
                      .timeout = std::chrono::seconds(5)});
  server.join();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 201U);
  EXPECT_EQ(r->content_type, "application/json");
  EXPECT_EQ(r->body, "{\"a\":1}");
  EXPECT_TRUE(received.starts_with("POST /token?q=1 HTTP/1.1\r\n")) << received;
  EXPECT_NE(received.find("Authorization: Basic eDp5\r\n"), std::string::npos);
}

// A TLS server on loopback whose certificate no system trust store knows
// (self-signed, made here): the client must refuse it, not talk to it.
TEST(BeastOutboundHttp, RefusesACertificateOutsideTheTrustStore) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
  ASSERT_TRUE(key && cert);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  const std::string cn = "127.0.0.1";
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  ASSERT_GT(X509_sign(cert.get(), key.get(), EVP_sha256()), 0);

  boost::asio::ssl::context server_tls(boost::asio::ssl::context::tls_server);
  ASSERT_EQ(SSL_CTX_use_certificate(server_tls.native_handle(), cert.get()), 1);
  ASSERT_EQ(SSL_CTX_use_PrivateKey(server_tls.native_handle(), key.get()), 1);
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::acceptor acceptor(
      ioc, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  const auto port = acceptor.local_endpoint().port();
  bool served = false;
  std::thread server([&] {
    boost::asio::ssl::stream<boost::asio::ip::tcp::socket> stream(acceptor.accept(), server_tls);
    boost::system::error_code ec;
    stream.handshake(boost::asio::ssl::stream_base::server, ec);
    if (ec) return;
    const std::string answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
    boost::asio::write(stream, boost::asio::buffer(answer), ec);
    served = true;
  });
  BeastOutboundHttp http;
  auto r = http.Send({.url = "https://127.0.0.1:" + std::to_string(port) + "/",
                      .timeout = std::chrono::seconds(5)});
  server.join();
  EXPECT_FALSE(served);
  EXPECT_EQ(r.status().reason(), "outbound_failed");
  EXPECT_NE(r.status().message().find("certificate verify failed"), std::string::npos)
      << r.status().message();
}

TEST(BeastOutboundHttp, APeerThatNeverAnswersTimesOut) {
  boost::asio::io_context ioc;
  // Listening but never accepting: the connection completes in the
  // backlog and the request waits for an answer that does not come.
  boost::asio::ip::tcp::acceptor silent(
      ioc, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  const auto port = silent.local_endpoint().port();
  BeastOutboundHttp http;
  const auto start = std::chrono::steady_clock::now();
  auto r = http.Send({.url = "http://127.0.0.1:" + std::to_string(port) + "/",
                      .timeout = std::chrono::milliseconds(300)});
  EXPECT_EQ(r.status().reason(), "outbound_failed");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(BeastOutboundHttp, AClosedPortFailsAsUnavailable) {
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::acceptor probe(
      ioc, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  const auto port = probe.local_endpoint().port();
  probe.close();
  BeastOutboundHttp http;
  auto r = http.Send({.url = "http://127.0.0.1:" + std::to_string(port) + "/"});
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace regie::oidc
