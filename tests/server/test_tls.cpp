// HTTPS: the server with a certificate and key (--tls-cert/--tls-key), reached by a client that
// verifies the certificate.
#include "serverfixture.h"

#include <cstdio>
#include <doctest/doctest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace fi::test;

namespace {

/// A self-signed certificate for 127.0.0.1 and its key, written as PEM files.
void make_certificate(const std::filesystem::path& cert, const std::filesystem::path& key) {
    EVP_PKEY* pkey = EVP_EC_gen("P-256");
    REQUIRE(pkey);
    X509* x = X509_new();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_gmtime_adj(X509_getm_notBefore(x), -60);
    X509_gmtime_adj(X509_getm_notAfter(x), 3600);
    X509_set_pubkey(x, pkey);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(x, name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
    X509_EXTENSION* san = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, "IP:127.0.0.1");
    REQUIRE(san);
    X509_add_ext(x, san, -1);
    X509_EXTENSION_free(san);
    REQUIRE(X509_sign(x, pkey, EVP_sha256()) > 0);
    FILE* c = std::fopen(cert.c_str(), "w");
    FILE* k = std::fopen(key.c_str(), "w");
    REQUIRE(c);
    REQUIRE(k);
    PEM_write_X509(c, x);
    PEM_write_PrivateKey(k, pkey, nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(c);
    std::fclose(k);
    X509_free(x);
    EVP_PKEY_free(pkey);
}

} // namespace

TEST_CASE("with a certificate and key the server speaks HTTPS only") {
    TempDir dir;
    make_certificate(dir / "cert.pem", dir / "key.pem");
    fi::server::ServerOptions o;
    o.data_dir = dir / "data";
    o.demo = true;
    o.assets_dir = FI_ASSETS_DIR;
    o.kdf = fi::server::PasswordHasher::fastest_cost();
    o.tls_cert = dir / "cert.pem";
    o.tls_key = dir / "key.pem";
    auto server = fi::server::Server::create(o);
    REQUIRE(server.ok());
    REQUIRE((*server)->start().ok());
    const int port = (*server)->port();
    CHECK((*server)->base_url() == "https://127.0.0.1:" + std::to_string(port) + "/api/v1");

    httplib::SSLClient tls("127.0.0.1", port);
    tls.set_ca_cert_path((dir / "cert.pem").string());
    tls.enable_server_certificate_verification(true);
    auto time = tls.Get("/api/v1/time");
    REQUIRE(time);
    CHECK(time->status == 200);
    CHECK(time->has_header("Date"));
    auto session = tls.Post(
        "/api/v1/session",
        json{{"username", "leader1"}, {"password", "demo1234"}, {"device_id", random_uuid()}}
            .dump(),
        "application/json");
    REQUIRE(session);
    CHECK(session->status == 200);

    // Plain HTTP to the HTTPS port gets no answer.
    CHECK(!Http(port).get("/time").ok);
    (*server)->stop();

    // A key that does not exist is refused at start.
    o.data_dir = dir / "data2";
    o.demo = false;
    o.tls_key = dir / "missing.pem";
    auto broken = fi::server::Server::create(o);
    REQUIRE(broken.ok());
    CHECK(!(*broken)->start().ok());
}
