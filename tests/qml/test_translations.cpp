// The translation catalogues: Chinese is the app's default language, so a message without
// its Chinese text would show English to inspectors. Every message of fieldinspect_zh_CN.ts
// must be translated and finished; fieldinspect_en.ts must be complete too.
#include "core/drawcommitment.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>
#include <algorithm>

namespace {

struct Message {
    QString context;
    QString source;
    QString translation;
    QStringList numerus; ///< plural forms, for %n messages
    bool numerus_message = false;
    bool unfinished = false;
    bool vanished = false;
};

QList<Message> read_ts(const QString& path, QString* language) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QXmlStreamReader xml(&f);
    QList<Message> out;
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{};
            m.context = context;
            m.numerus_message =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            m.unfinished = type == QLatin1String("unfinished");
            m.vanished = type == QLatin1String("vanished") || type == QLatin1String("obsolete");
            if (m.numerus_message) {
                while (xml.readNextStartElement())
                    m.numerus << xml.readElementText();
            } else {
                m.translation = xml.readElementText();
            }
            out << m;
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return out;
}

QStringList placeholders(const QString& s) {
    QStringList out;
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    out.removeDuplicates();
    return out;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private:
    void check_complete(const QString& file, const QString& language) {
        QString lang;
        const auto messages = read_ts(QStringLiteral(FI_TRANSLATIONS_DIR "/") + file, &lang);
        QCOMPARE(lang, language);
        QVERIFY2(messages.size() > 100, "the catalogue holds the app's messages");
        QStringList problems;
        for (const auto& m : messages) {
            if (m.vanished)
                continue;
            const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
            if (m.unfinished)
                problems << where + QStringLiteral(" is unfinished");
            const QStringList texts = m.numerus_message ? m.numerus : QStringList{m.translation};
            if (texts.isEmpty())
                problems << where + QStringLiteral(" has no translation");
            for (const auto& t : texts) {
                if (t.trimmed().isEmpty())
                    problems << where + QStringLiteral(" has an empty translation");
                else if (placeholders(t) != placeholders(m.source))
                    problems << where + QStringLiteral(" changes the placeholders: ") + t;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

private Q_SLOTS:
    void chinese_is_complete() {
        check_complete(QStringLiteral("fieldinspect_zh_CN.ts"), QStringLiteral("zh_CN"));
    }
    void chinese_is_chinese() {
        // A "translation" that is the English source again is not one.
        QString lang;
        const auto messages =
            read_ts(QStringLiteral(FI_TRANSLATIONS_DIR "/fieldinspect_zh_CN.ts"), &lang);
        static const QRegularExpression han(QStringLiteral("\\p{Han}"));
        QStringList untranslated;
        for (const auto& m : messages) {
            if (m.vanished)
                continue;
            const QString t = m.numerus_message ? m.numerus.value(0) : m.translation;
            if (m.source.contains(QRegularExpression(QStringLiteral("[A-Za-z]{3,}"))) &&
                !t.contains(han))
                untranslated << m.source;
        }
        // A few messages are proper names or codes on purpose.
        static const QStringList allowed = {QStringLiteral("%1 MiB"), QStringLiteral("%1 KiB")};
        for (const auto& a : allowed)
            untranslated.removeAll(a);
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
    }
    void english_is_complete() {
        check_complete(QStringLiteral("fieldinspect_en.ts"), QStringLiteral("en"));
    }
    void every_draw_check_is_in_the_catalogue() {
        // core's draw_checks() sentences reach the app through context DrawChecks: each must be
        // there (the app's table of them and core's list kept the same), translated.
        QString lang;
        const auto messages =
            read_ts(QStringLiteral(FI_TRANSLATIONS_DIR "/fieldinspect_zh_CN.ts"), &lang);
        QStringList missing;
        for (const auto algorithm :
             {fi::draw_algorithm_v1, fi::draw_algorithm_v2, fi::draw_algorithm_v2_redraw})
            for (const auto sentence : fi::draw_checks(algorithm)) {
                const QString source =
                    QString::fromUtf8(sentence.data(), qsizetype(sentence.size()));
                const bool found =
                    std::any_of(messages.begin(), messages.end(), [&](const Message& m) {
                        return m.context == QLatin1String("DrawChecks") && m.source == source &&
                               !m.vanished && !m.unfinished && !m.translation.isEmpty();
                    });
                if (!found)
                    missing << source;
            }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
