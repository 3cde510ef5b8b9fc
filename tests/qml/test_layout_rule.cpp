// No Repeater directly inside a Qt Quick layout, anywhere in the app's QML. When such a
// Repeater rebuilds its delegates (a new model, a retranslation, a theme change), Qt 6.4's
// layout engine can read a delegate already freed and the app crashes — it crashed the
// component tests on CI. FiStack (a Column around the Repeater) is the shape to use;
// tst_stack.qml shows it survives the treatment. This test reads every .qml file under qml/
// and names each offending Repeater with its file and line.
#include <QDirIterator>
#include <QFile>
#include <QTest>

namespace {

/// Each `Repeater {` whose enclosing object is a RowLayout, ColumnLayout or GridLayout, as
/// "file:line: Repeater in ColumnLayout". Strings and comments are skipped; a `{` opens an
/// object when an upper-case type name precedes it, anything else (a JS block) otherwise.
QStringList repeaters_in_layouts(const QString& path, const QString& text) {
    QStringList found;
    QList<QString> open; // the type of each open brace, empty for a JS block
    QString last_word;
    int line = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\n') {
            ++line;
        } else if (c == u'/' && i + 1 < text.size() && text[i + 1] == u'/') {
            while (i + 1 < text.size() && text[i + 1] != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < text.size() && text[i + 1] == u'*') {
            for (i += 2; i + 1 < text.size() && !(text[i] == u'*' && text[i + 1] == u'/'); ++i)
                line += text[i] == u'\n' ? 1 : 0;
            ++i;
        } else if (c == u'"' || c == u'\'' || c == u'`') {
            for (++i; i < text.size() && text[i] != c; ++i) {
                if (text[i] == u'\\')
                    ++i;
                else if (text[i] == u'\n')
                    ++line;
            }
            last_word.clear();
        } else if (c.isLetterOrNumber() || c == u'_' || c == u'.') {
            qsizetype j = i;
            while (j < text.size() &&
                   (text[j].isLetterOrNumber() || text[j] == u'_' || text[j] == u'.'))
                ++j;
            last_word = text.mid(i, j - i);
            i = j - 1;
        } else if (c == u'{') {
            const bool object = !last_word.isEmpty() && last_word[0].isUpper();
            const QString type = object ? last_word.section(u'.', -1) : QString();
            if (type == u"Repeater" && !open.isEmpty() && open.last().endsWith(u"Layout"))
                found
                    << QStringLiteral("%1:%2: Repeater in %3").arg(path).arg(line).arg(open.last());
            open << type;
            last_word.clear();
        } else if (c == u'}') {
            if (!open.isEmpty())
                open.removeLast();
            last_word.clear();
        } else if (!c.isSpace()) {
            last_word.clear();
        }
    }
    return found;
}

} // namespace

class LayoutRule : public QObject {
    Q_OBJECT
private slots:
    void the_scanner_finds_the_shape() {
        const QString bad = QStringLiteral("ColumnLayout {\n  // Repeater { in a comment\n"
                                           "  Label { text: \"Repeater {\" }\n"
                                           "  Repeater {\n    model: 3\n  }\n}\n");
        QCOMPARE(repeaters_in_layouts(QStringLiteral("x.qml"), bad),
                 QStringList{QStringLiteral("x.qml:4: Repeater in ColumnLayout")});
        const QString good = QStringLiteral("ColumnLayout {\n  FiStack {\n    model: 3\n  }\n"
                                            "  Flow {\n    Repeater {\n      model: 2\n    }\n  }\n"
                                            "  onWidthChanged: {\n    if (x) { y(); }\n  }\n}\n");
        QCOMPARE(repeaters_in_layouts(QStringLiteral("y.qml"), good), QStringList{});
        const QString inline_component =
            QStringLiteral("Item {\n  component Rows: RowLayout {\n    Repeater {}\n  }\n}\n");
        QCOMPARE(repeaters_in_layouts(QStringLiteral("z.qml"), inline_component).size(), 1);
    }

    void no_repeater_sits_directly_in_a_layout() {
        QStringList found;
        int files = 0;
        QDirIterator it(QStringLiteral(FI_SOURCE_DIR "/qml"), {QStringLiteral("*.qml")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
            found << repeaters_in_layouts(path.mid(sizeof(FI_SOURCE_DIR)),
                                          QString::fromUtf8(f.readAll()));
            ++files;
        }
        QVERIFY2(files > 20, "the app's QML was found");
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(LayoutRule)
#include "test_layout_rule.moc"
