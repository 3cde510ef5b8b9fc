#include "platform/tpm2secretstore.h"

#include "core/sha256.h"

#include <array>
#include <cstdlib>
#include <cstring>
#include <sodium.h>
#include <tss2/tss2_esys.h>
#include <tss2/tss2_mu.h>
#include <tss2/tss2_rc.h>
#include <tss2/tss2_tctildr.h>
#include <vector>

namespace fi::platform {

namespace {

Error unavailable(const std::string& tcti, std::string_view what, TSS2_RC rc) {
    return Error::make("secret_store_unavailable",
                       "The security chip (TPM at " + tcti +
                           ") could not be used: " + std::string(what) + " (" + Tss2_RC_Decode(rc) +
                           "). The PIN was not checked and no attempt was counted; restart the "
                           "tablet and try again, or contact support.");
}

/// The TPM's own response code without the TSS layer, or 0 when the TSS itself failed.
TSS2_RC tpm_code(TSS2_RC rc) {
    if ((rc & TSS2_RC_LAYER_MASK) != TSS2_TPM_RC_LAYER)
        return 0;
    return rc & 0xFFFF;
}

bool is_format_one(TSS2_RC code, TSS2_RC expected) {
    return (code & TPM2_RC_FMT1) != 0 && (code & 0x3F) == (expected & 0x3F);
}

/// One connection to the TPM, with the storage key and a salted, encrypting HMAC session;
/// everything it loaded is flushed when it goes (transient slots are few).
class Connection {
public:
    explicit Connection(std::string tcti) : tcti_(std::move(tcti)) {}
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() {
        if (ctx_) {
            for (auto it = loaded_.rbegin(); it != loaded_.rend(); ++it)
                (void)Esys_FlushContext(ctx_, *it);
            Esys_Finalize(&ctx_);
        }
        if (tcti_ctx_)
            Tss2_TctiLdr_Finalize(&tcti_ctx_);
    }

    Status open() {
        // The TSS logs every refused unseal (a wrong PIN) to standard error; the vault reports
        // it in the user's words instead. A TSS2_LOG the user set is left alone.
        ::setenv("TSS2_LOG", "all+none", 0);
        if (TSS2_RC rc = Tss2_TctiLdr_Initialize(tcti_.c_str(), &tcti_ctx_); rc != TSS2_RC_SUCCESS)
            return unavailable(tcti_, "no connection", rc);
        if (TSS2_RC rc = Esys_Initialize(&ctx_, tcti_ctx_, nullptr); rc != TSS2_RC_SUCCESS)
            return unavailable(tcti_, "no connection", rc);
        // Firmware starts a real TPM; a simulator may still need it. Already started is fine.
        if (TSS2_RC rc = Esys_Startup(ctx_, TPM2_SU_CLEAR);
            rc != TSS2_RC_SUCCESS && tpm_code(rc) != TPM2_RC_INITIALIZE)
            return unavailable(tcti_, "start-up", rc);
        return {};
    }

    /// The owner hierarchy's ECC P-256 storage key (the usual SRK template), the same on every
    /// call because the TPM derives it from its seed; then the session salted to it.
    Status start() {
        TPM2B_PUBLIC tmpl{};
        TPMT_PUBLIC& area = tmpl.publicArea;
        area.type = TPM2_ALG_ECC;
        area.nameAlg = TPM2_ALG_SHA256;
        area.objectAttributes = TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT |
                                TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT |
                                TPMA_OBJECT_SENSITIVEDATAORIGIN | TPMA_OBJECT_USERWITHAUTH |
                                TPMA_OBJECT_NODA;
        TPMS_ECC_PARMS& ecc = area.parameters.eccDetail;
        ecc.symmetric.algorithm = TPM2_ALG_AES;
        ecc.symmetric.keyBits.aes = 128;
        ecc.symmetric.mode.aes = TPM2_ALG_CFB;
        ecc.scheme.scheme = TPM2_ALG_NULL;
        ecc.curveID = TPM2_ECC_NIST_P256;
        ecc.kdf.scheme = TPM2_ALG_NULL;
        const TPM2B_SENSITIVE_CREATE no_sensitive{};
        const TPM2B_DATA no_outside{};
        const TPML_PCR_SELECTION no_pcrs{};
        if (TSS2_RC rc = Esys_CreatePrimary(
                ctx_, ESYS_TR_RH_OWNER, ESYS_TR_PASSWORD, ESYS_TR_NONE, ESYS_TR_NONE, &no_sensitive,
                &tmpl, &no_outside, &no_pcrs, &primary_, nullptr, nullptr, nullptr, nullptr);
            rc != TSS2_RC_SUCCESS)
            return unavailable(tcti_, "no storage key (is the owner hierarchy locked?)", rc);
        loaded_.push_back(primary_);
        TPMT_SYM_DEF sym{};
        sym.algorithm = TPM2_ALG_AES;
        sym.keyBits.aes = 128;
        sym.mode.aes = TPM2_ALG_CFB;
        if (TSS2_RC rc = Esys_StartAuthSession(ctx_, primary_, ESYS_TR_NONE, ESYS_TR_NONE,
                                               ESYS_TR_NONE, ESYS_TR_NONE, nullptr, TPM2_SE_HMAC,
                                               &sym, TPM2_ALG_SHA256, &session_);
            rc != TSS2_RC_SUCCESS)
            return unavailable(tcti_, "no session", rc);
        loaded_.push_back(session_);
        const TPMA_SESSION attrs =
            TPMA_SESSION_DECRYPT | TPMA_SESSION_ENCRYPT | TPMA_SESSION_CONTINUESESSION;
        if (TSS2_RC rc = Esys_TRSess_SetAttributes(ctx_, session_, attrs, 0xff);
            rc != TSS2_RC_SUCCESS)
            return unavailable(tcti_, "no session", rc);
        return {};
    }

    ESYS_CONTEXT* ctx() { return ctx_; }
    ESYS_TR primary() const { return primary_; }
    ESYS_TR session() const { return session_; }
    void loaded(ESYS_TR handle) { loaded_.push_back(handle); }
    const std::string& tcti() const { return tcti_; }

private:
    std::string tcti_;
    TSS2_TCTI_CONTEXT* tcti_ctx_ = nullptr;
    ESYS_CONTEXT* ctx_ = nullptr;
    ESYS_TR primary_ = ESYS_TR_NONE;
    ESYS_TR session_ = ESYS_TR_NONE;
    std::vector<ESYS_TR> loaded_;
};

void set_auth(TPM2B_AUTH& out, const SecretKey* auth) {
    out = TPM2B_AUTH{};
    if (!auth)
        return;
    out.size = SecretKey::size_bytes;
    std::memcpy(out.buffer, auth->data(), SecretKey::size_bytes);
}

Error wrong_device(const std::string& why) {
    return Error::make("wrong_device",
                       "This data was set up with another device's security chip, so it cannot be "
                       "opened on this tablet (" +
                           why +
                           "). The PIN was not checked. Records already uploaded are safe on "
                           "the central system; ask the administrator to set this tablet up.");
}

} // namespace

Result<std::string> Tpm2SecretStore::store(std::string_view /*id*/, const SecretKey& secret,
                                           const SecretKey* auth) {
    Connection c(tcti_);
    FI_TRY(c.open());
    FI_TRY(c.start());
    TPM2B_SENSITIVE_CREATE sensitive{};
    set_auth(sensitive.sensitive.userAuth, auth);
    sensitive.sensitive.data.size = SecretKey::size_bytes;
    std::memcpy(sensitive.sensitive.data.buffer, secret.data(), SecretKey::size_bytes);
    TPM2B_PUBLIC tmpl{};
    TPMT_PUBLIC& area = tmpl.publicArea;
    area.type = TPM2_ALG_KEYEDHASH;
    area.nameAlg = TPM2_ALG_SHA256;
    // Sealed data, bound to this TPM. With an auth, wrong ones count towards the lock-out;
    // without (the lock-out state's MAC key), nothing is guessed, so it is left out of it.
    area.objectAttributes =
        TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT | TPMA_OBJECT_USERWITHAUTH;
    if (!auth)
        area.objectAttributes |= TPMA_OBJECT_NODA;
    area.parameters.keyedHashDetail.scheme.scheme = TPM2_ALG_NULL;
    const TPM2B_DATA no_outside{};
    const TPML_PCR_SELECTION no_pcrs{};
    TPM2B_PRIVATE* priv = nullptr;
    TPM2B_PUBLIC* pub = nullptr;
    const TSS2_RC rc =
        Esys_Create(c.ctx(), c.primary(), c.session(), ESYS_TR_NONE, ESYS_TR_NONE, &sensitive,
                    &tmpl, &no_outside, &no_pcrs, &priv, &pub, nullptr, nullptr, nullptr);
    sodium_memzero(&sensitive, sizeof sensitive);
    if (rc != TSS2_RC_SUCCESS)
        return unavailable(tcti_, "the secret could not be sealed", rc);
    std::vector<std::uint8_t> blob(sizeof(TPM2B_PUBLIC) + sizeof(TPM2B_PRIVATE));
    std::size_t offset = 0;
    TSS2_RC mu = Tss2_MU_TPM2B_PUBLIC_Marshal(pub, blob.data(), blob.size(), &offset);
    if (mu == TSS2_RC_SUCCESS)
        mu = Tss2_MU_TPM2B_PRIVATE_Marshal(priv, blob.data(), blob.size(), &offset);
    Esys_Free(priv);
    Esys_Free(pub);
    if (mu != TSS2_RC_SUCCESS)
        return unavailable(tcti_, "the sealed object could not be kept", mu);
    blob.resize(offset);
    return to_hex(blob);
}

Result<SecretKey> Tpm2SecretStore::load(std::string_view handle, const SecretKey* auth) {
    std::vector<std::uint8_t> blob(handle.size() / 2);
    std::size_t len = 0;
    if (handle.size() % 2 != 0 ||
        sodium_hex2bin(blob.data(), blob.size(), handle.data(), handle.size(), nullptr, &len,
                       nullptr) != 0 ||
        len != blob.size())
        return Error::make("key_file_damaged",
                           "The key file's sealed device secret is damaged. Sign in online and "
                           "use the recovery code.");
    TPM2B_PUBLIC pub{};
    TPM2B_PRIVATE priv{};
    std::size_t offset = 0;
    if (Tss2_MU_TPM2B_PUBLIC_Unmarshal(blob.data(), blob.size(), &offset, &pub) !=
            TSS2_RC_SUCCESS ||
        Tss2_MU_TPM2B_PRIVATE_Unmarshal(blob.data(), blob.size(), &offset, &priv) !=
            TSS2_RC_SUCCESS ||
        offset != blob.size())
        return Error::make("key_file_damaged",
                           "The key file's sealed device secret is damaged. Sign in online and "
                           "use the recovery code.");
    Connection c(tcti_);
    FI_TRY(c.open());
    FI_TRY(c.start());
    ESYS_TR object = ESYS_TR_NONE;
    if (TSS2_RC rc = Esys_Load(c.ctx(), c.primary(), c.session(), ESYS_TR_NONE, ESYS_TR_NONE, &priv,
                               &pub, &object);
        rc != TSS2_RC_SUCCESS) {
        const TSS2_RC code = tpm_code(rc);
        // An error (not a warning such as "busy, retry") about the blobs themselves: their
        // integrity is checked with a key only the TPM that made them has.
        const bool warning = (code & TPM2_RC_FMT1) == 0 && (code & 0x800) != 0; // severity bit
        if (code != 0 && !warning)
            return wrong_device(Tss2_RC_Decode(rc));
        return unavailable(tcti_, "the sealed secret could not be loaded", rc);
    }
    c.loaded(object);
    TPM2B_AUTH auth_value{};
    set_auth(auth_value, auth);
    const TSS2_RC set = Esys_TR_SetAuth(c.ctx(), object, &auth_value);
    sodium_memzero(&auth_value, sizeof auth_value);
    if (set != TSS2_RC_SUCCESS)
        return unavailable(tcti_, "the PIN could not be given to the chip", set);
    TPM2B_SENSITIVE_DATA* out = nullptr;
    const TSS2_RC rc = Esys_Unseal(c.ctx(), object, c.session(), ESYS_TR_NONE, ESYS_TR_NONE, &out);
    if (rc != TSS2_RC_SUCCESS) {
        const TSS2_RC code = tpm_code(rc);
        if (code == TPM2_RC_LOCKOUT)
            return Error::make("device_locked_out",
                               "The security chip refuses PIN checks for now: too many wrong PINs "
                               "were tried on this tablet. Wait and try again later (the chip "
                               "allows another try after a while); no attempt was counted.");
        if (is_format_one(code, TPM2_RC_AUTH_FAIL) || is_format_one(code, TPM2_RC_BAD_AUTH))
            return Error::make("wrong_pin", "The security chip refused the PIN.");
        return unavailable(tcti_, "the secret could not be unsealed", rc);
    }
    if (out->size != SecretKey::size_bytes) {
        sodium_memzero(out->buffer, out->size);
        Esys_Free(out);
        return Error::make("key_file_damaged",
                           "The security chip returned a device secret of the wrong size. Sign "
                           "in online and use the recovery code.");
    }
    std::array<std::uint8_t, SecretKey::size_bytes> bytes{};
    std::memcpy(bytes.data(), out->buffer, bytes.size());
    sodium_memzero(out->buffer, out->size);
    Esys_Free(out);
    SecretKey key(bytes);
    sodium_memzero(bytes.data(), bytes.size());
    return key;
}

Status Tpm2SecretStore::remove(std::string_view /*handle*/) {
    return {};
}

Result<Tpm2SecretStore::Lockout> Tpm2SecretStore::lockout() {
    Connection c(tcti_);
    FI_TRY(c.open());
    TPMI_YES_NO more = TPM2_NO;
    TPMS_CAPABILITY_DATA* data = nullptr;
    if (TSS2_RC rc =
            Esys_GetCapability(c.ctx(), ESYS_TR_NONE, ESYS_TR_NONE, ESYS_TR_NONE,
                               TPM2_CAP_TPM_PROPERTIES, TPM2_PT_LOCKOUT_COUNTER, 4, &more, &data);
        rc != TSS2_RC_SUCCESS)
        return unavailable(tcti_, "its lock-out settings could not be read", rc);
    Lockout l;
    const TPML_TAGGED_TPM_PROPERTY& props = data->data.tpmProperties;
    for (std::uint32_t i = 0; i < props.count; ++i) {
        const auto& p = props.tpmProperty[i];
        if (p.property == TPM2_PT_LOCKOUT_COUNTER)
            l.failures = p.value;
        else if (p.property == TPM2_PT_MAX_AUTH_FAIL)
            l.max_tries = p.value;
        else if (p.property == TPM2_PT_LOCKOUT_INTERVAL)
            l.interval_s = p.value;
        else if (p.property == TPM2_PT_LOCKOUT_RECOVERY)
            l.recovery_s = p.value;
    }
    Esys_Free(data);
    return l;
}

} // namespace fi::platform
