#include "server/cpugate.h"

#include <algorithm>
#include <thread>

namespace fi::server {

CpuGate& CpuGate::process() {
    static CpuGate gate(std::max<std::size_t>(1, std::thread::hardware_concurrency()));
    return gate;
}

CpuGate::CpuGate(std::size_t sections) : sections_(std::max<std::size_t>(1, sections)) {}

CpuGate::Section::Section(CpuGate& gate, Urgency urgency) : gate_(gate) {
    std::unique_lock lock(gate.mutex_);
    if (urgency == Urgency::urgent) {
        ++gate.urgent_waiting_;
        gate.changed_.wait(lock, [&] { return gate.running_ < gate.sections_; });
        --gate.urgent_waiting_;
    } else {
        gate.changed_.wait(
            lock, [&] { return gate.running_ < gate.sections_ && gate.urgent_waiting_ == 0; });
    }
    ++gate.running_;
}

CpuGate::Section::~Section() {
    {
        std::lock_guard lock(gate_.mutex_);
        --gate_.running_;
    }
    gate_.changed_.notify_all();
}

} // namespace fi::server
