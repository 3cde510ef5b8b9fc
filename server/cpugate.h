#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace fi::server {

/// The cores, shared out by urgency inside the server. A sign-in's password hash is urgent (a
/// person waits with the button pressed; the hash costs ~0.3 s of one core); the CPU-heavy
/// parts of an upload are bulk (decoding and judging a record, hashing a photo: a few ms each,
/// and the tablet's sync waits in the background anyway). At most one section per core runs
/// at a time, and a waiting urgent section goes before every waiting bulk one, so at the
/// end-of-day rush a sign-in's hash competes with at most `cores − 1` of the server's own
/// threads instead of with every worker busy with an upload (docs/load.md). Sections hold no
/// lock, connection or other permit while they wait here, and wait for nothing while inside.
class CpuGate {
public:
    enum class Urgency { urgent, bulk };

    /// The process's gate, one section per core.
    static CpuGate& process();

    explicit CpuGate(std::size_t sections);
    CpuGate(const CpuGate&) = delete;
    CpuGate& operator=(const CpuGate&) = delete;

    /// A section, held while this lives.
    class Section {
    public:
        Section(CpuGate& gate, Urgency urgency);
        ~Section();
        Section(const Section&) = delete;
        Section& operator=(const Section&) = delete;

    private:
        CpuGate& gate_;
    };

    std::size_t sections() const { return sections_; }

private:
    std::size_t sections_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::size_t running_ = 0;
    std::size_t urgent_waiting_ = 0;
};

} // namespace fi::server
