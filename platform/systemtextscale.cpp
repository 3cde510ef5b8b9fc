#include "platform/systemtextscale.h"

#ifdef Q_OS_ANDROID
#include <QCoreApplication>
#include <QJniObject>
#include <algorithm>
#endif

namespace fi::platform {

double system_text_scale() {
#ifdef Q_OS_ANDROID
    // context().getResources().getConfiguration().fontScale
    const QJniObject context(QNativeInterface::QAndroidApplication::context());
    const QJniObject resources =
        context.callObjectMethod("getResources", "()Landroid/content/res/Resources;");
    if (!resources.isValid())
        return 1.0;
    const QJniObject configuration =
        resources.callObjectMethod("getConfiguration", "()Landroid/content/res/Configuration;");
    if (!configuration.isValid())
        return 1.0;
    return std::max(1.0, static_cast<double>(configuration.getField<jfloat>("fontScale")));
#else
    return 1.0;
#endif
}

} // namespace fi::platform
