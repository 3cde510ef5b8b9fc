#pragma once

#include <QColor>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace fi::app {

/// Every colour, font and size the QML uses: components never carry literals. Sizes are
/// Qt's device-independent pixels (the platform's device-pixel ratio scales them), so an 8-
/// and a 12-inch tablet get the same physical touch targets; `touchTarget` (48) is the
/// minimum for anything tappable. Colours tune the Material style (primary, accent) and
/// carry the app's meanings (category, record state, danger).
class Theme : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // Material tuning and surfaces
    Q_PROPERTY(QColor primary READ primary CONSTANT)
    Q_PROPERTY(QColor accent READ accent CONSTANT)
    Q_PROPERTY(QColor background READ background CONSTANT)
    Q_PROPERTY(QColor surface READ surface CONSTANT)
    Q_PROPERTY(QColor text READ text CONSTANT)
    Q_PROPERTY(QColor textSecondary READ textSecondary CONSTANT)
    Q_PROPERTY(QColor textOnPrimary READ textOnPrimary CONSTANT)
    Q_PROPERTY(QColor divider READ divider CONSTANT)
    Q_PROPERTY(QColor danger READ danger CONSTANT)
    Q_PROPERTY(QColor dangerSurface READ dangerSurface CONSTANT)
    Q_PROPERTY(QColor warning READ warning CONSTANT)
    Q_PROPERTY(QColor warningSurface READ warningSurface CONSTANT)
    Q_PROPERTY(QColor success READ success CONSTANT)
    Q_PROPERTY(QColor successSurface READ successSurface CONSTANT)
    Q_PROPERTY(QColor info READ info CONSTANT)
    Q_PROPERTY(QColor infoSurface READ infoSurface CONSTANT)
    Q_PROPERTY(QColor neutral READ neutral CONSTANT)
    Q_PROPERTY(QColor neutralSurface READ neutralSurface CONSTANT)
    Q_PROPERTY(QColor scrim READ scrim CONSTANT)
    // Fonts
    Q_PROPERTY(QString fontFamily READ fontFamily CONSTANT)
    Q_PROPERTY(int fontSmall READ fontSmall CONSTANT)
    Q_PROPERTY(int fontBody READ fontBody CONSTANT)
    Q_PROPERTY(int fontLarge READ fontLarge CONSTANT)
    Q_PROPERTY(int fontTitle READ fontTitle CONSTANT)
    Q_PROPERTY(int fontHuge READ fontHuge CONSTANT)
    // Sizes
    Q_PROPERTY(int touchTarget READ touchTarget CONSTANT)
    Q_PROPERTY(int bigButtonHeight READ bigButtonHeight CONSTANT)
    Q_PROPERTY(int spacingSmall READ spacingSmall CONSTANT)
    Q_PROPERTY(int spacing READ spacing CONSTANT)
    Q_PROPERTY(int spacingLarge READ spacingLarge CONSTANT)
    Q_PROPERTY(int pageMargin READ pageMargin CONSTANT)
    Q_PROPERTY(int radius READ radius CONSTANT)
    Q_PROPERTY(int borderWidth READ borderWidth CONSTANT)
    Q_PROPERTY(int iconSize READ iconSize CONSTANT)
    Q_PROPERTY(int thumbnailSize READ thumbnailSize CONSTANT)
    Q_PROPERTY(int sidePanelWidth READ sidePanelWidth CONSTANT)
    Q_PROPERTY(int formMaxWidth READ formMaxWidth CONSTANT)
    Q_PROPERTY(int progressHeight READ progressHeight CONSTANT)
public:
    explicit Theme(QObject* parent = nullptr);

    QColor primary() const { return QColor(0x0b, 0x5c, 0xad); }
    QColor accent() const { return QColor(0x00, 0x89, 0x7b); }
    QColor background() const { return QColor(0xf3, 0xf5, 0xf7); }
    QColor surface() const { return QColor(0xff, 0xff, 0xff); }
    QColor text() const { return QColor(0x1b, 0x1f, 0x23); }
    QColor textSecondary() const { return QColor(0x5a, 0x64, 0x6e); }
    QColor textOnPrimary() const { return QColor(0xff, 0xff, 0xff); }
    QColor divider() const { return QColor(0xd9, 0xde, 0xe3); }
    QColor danger() const { return QColor(0xc6, 0x28, 0x28); }
    QColor dangerSurface() const { return QColor(0xfd, 0xec, 0xea); }
    QColor warning() const { return QColor(0xb2, 0x4d, 0x00); }
    QColor warningSurface() const { return QColor(0xff, 0xf3, 0xe0); }
    QColor success() const { return QColor(0x2e, 0x7d, 0x32); }
    QColor successSurface() const { return QColor(0xe8, 0xf5, 0xe9); }
    QColor info() const { return QColor(0x15, 0x65, 0xc0); }
    QColor infoSurface() const { return QColor(0xe3, 0xf2, 0xfd); }
    QColor neutral() const { return QColor(0x60, 0x6b, 0x75); }
    QColor neutralSurface() const { return QColor(0xec, 0xef, 0xf1); }
    QColor scrim() const { return QColor(0, 0, 0, 0xe6); }

    QString fontFamily() const { return QStringLiteral("Noto Sans CJK SC"); }
    int fontSmall() const { return 14; }
    int fontBody() const { return 16; }
    int fontLarge() const { return 19; }
    int fontTitle() const { return 23; }
    int fontHuge() const { return 30; }

    int touchTarget() const { return 48; }
    int bigButtonHeight() const { return 64; }
    int spacingSmall() const { return 4; }
    int spacing() const { return 8; }
    int spacingLarge() const { return 16; }
    int pageMargin() const { return 24; }
    int radius() const { return 8; }
    int borderWidth() const { return 1; }
    int iconSize() const { return 24; }
    int thumbnailSize() const { return 160; }
    int sidePanelWidth() const { return 420; }
    int formMaxWidth() const { return 560; }
    int progressHeight() const { return 8; }

    /// Colour of a target category (key / general / special).
    Q_INVOKABLE QColor categoryColor(const QString& category) const;
    /// Colour and background of a record state (Today's and Sync's states).
    Q_INVOKABLE QColor stateColor(const QString& state) const;
    Q_INVOKABLE QColor stateSurface(const QString& state) const;
};

} // namespace fi::app
