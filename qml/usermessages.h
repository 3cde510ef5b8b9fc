#pragma once

#include "core/error.h"
#include "core/rules.h"

#include <QCoreApplication>
#include <QString>

namespace fi::app {

/// Every error and rule problem the user can see, in the user's language: what happened and
/// what to do. Lower layers give a stable code and an English sentence; the code chooses the
/// translated sentence here, and the English one is shown only for codes this list does not
/// know (a newer central system), so nothing is ever silently dropped.
class UserMessages {
    Q_DECLARE_TR_FUNCTIONS(UserMessages)
public:
    static QString error(const Error& e);
    static QString error(const QString& code, const QString& english);
    static QString problem(const Problem& p);
    /// An RFC 3339 time as people read it: `2026-11-28 09:30` (the time of day as written,
    /// which for everything this app stamps is UTC+08:00). Empty stays empty.
    static QString time(const std::string& rfc3339);
};

} // namespace fi::app
