#pragma once

#include "platform/uifont.h"

#include <QColor>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace fi::app {

/// Every colour, font and size the QML uses: components never carry literals. Sizes are
/// Qt's device-independent pixels (the platform's device-pixel ratio scales them), so an 8-
/// and a 12-inch tablet get the same physical touch targets; `touchTarget` (48) is the
/// minimum for anything tappable. Colours tune the Material style (primary, accent) and
/// carry the app's meanings (category, record state, danger). Two palettes (standard and
/// outdoor) and a text size (100–150 %, scaling fonts and touch sizes, not spacing) follow the
/// user's Preferences at once; the device's own text size (platform::system_text_scale)
/// multiplies the user's, the product held at 150 %, the most every page is tested at.
class Theme : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // Material tuning and surfaces
    Q_PROPERTY(QColor primary READ primary NOTIFY changed)
    Q_PROPERTY(QColor accent READ accent NOTIFY changed)
    Q_PROPERTY(QColor background READ background NOTIFY changed)
    Q_PROPERTY(QColor surface READ surface NOTIFY changed)
    Q_PROPERTY(QColor text READ text NOTIFY changed)
    Q_PROPERTY(QColor textSecondary READ textSecondary NOTIFY changed)
    Q_PROPERTY(QColor textOnPrimary READ textOnPrimary NOTIFY changed)
    Q_PROPERTY(QColor divider READ divider NOTIFY changed)
    Q_PROPERTY(QColor danger READ danger NOTIFY changed)
    Q_PROPERTY(QColor dangerSurface READ dangerSurface NOTIFY changed)
    Q_PROPERTY(QColor warning READ warning NOTIFY changed)
    Q_PROPERTY(QColor warningSurface READ warningSurface NOTIFY changed)
    Q_PROPERTY(QColor success READ success NOTIFY changed)
    Q_PROPERTY(QColor successSurface READ successSurface NOTIFY changed)
    Q_PROPERTY(QColor info READ info NOTIFY changed)
    Q_PROPERTY(QColor infoSurface READ infoSurface NOTIFY changed)
    Q_PROPERTY(QColor neutral READ neutral NOTIFY changed)
    Q_PROPERTY(QColor neutralSurface READ neutralSurface NOTIFY changed)
    Q_PROPERTY(QColor scrim READ scrim NOTIFY changed)
    // Fonts
    Q_PROPERTY(QString fontFamily READ fontFamily NOTIFY changed)
    Q_PROPERTY(int fontSmall READ fontSmall NOTIFY changed)
    Q_PROPERTY(int fontBody READ fontBody NOTIFY changed)
    Q_PROPERTY(int fontLarge READ fontLarge NOTIFY changed)
    Q_PROPERTY(int fontTitle READ fontTitle NOTIFY changed)
    Q_PROPERTY(int fontHuge READ fontHuge NOTIFY changed)
    // Sizes
    Q_PROPERTY(int touchTarget READ touchTarget NOTIFY changed)
    Q_PROPERTY(int bigButtonHeight READ bigButtonHeight NOTIFY changed)
    Q_PROPERTY(int spacingSmall READ spacingSmall NOTIFY changed)
    Q_PROPERTY(int spacing READ spacing NOTIFY changed)
    Q_PROPERTY(int spacingLarge READ spacingLarge NOTIFY changed)
    Q_PROPERTY(int pageMargin READ pageMargin NOTIFY changed)
    Q_PROPERTY(int radius READ radius NOTIFY changed)
    Q_PROPERTY(int borderWidth READ borderWidth NOTIFY changed)
    Q_PROPERTY(int iconSize READ iconSize NOTIFY changed)
    Q_PROPERTY(int thumbnailSize READ thumbnailSize NOTIFY changed)
    Q_PROPERTY(int sidePanelWidth READ sidePanelWidth NOTIFY changed)
    Q_PROPERTY(int formMaxWidth READ formMaxWidth NOTIFY changed)
    Q_PROPERTY(int progressHeight READ progressHeight NOTIFY changed)
    // The display settings the sizes and colours follow (Preferences)
    Q_PROPERTY(bool outdoor READ outdoor NOTIFY changed)
    Q_PROPERTY(qreal textScale READ textScale NOTIFY changed)
    Q_PROPERTY(qreal systemTextScale READ systemTextScale NOTIFY changed)
public:
    /// The colours of one theme. Both themes are checked against WCAG contrast goals
    /// (tests/qml/test_theme.cpp): the standard one AA (text 4.5:1, edges 3:1), the outdoor
    /// one for sunlight (text 7:1, edges 3:1, 2 px borders).
    struct Palette {
        QColor primary, accent, background, surface, text, textSecondary, textOnPrimary;
        QColor divider; ///< every edge: cards, fields, chips, the progress track
        QColor danger, dangerSurface, warning, warningSurface, success, successSurface;
        QColor info, infoSurface, neutral, neutralSurface, special, scrim;
        int borderWidth = 1;
    };
    static Palette standard_palette();
    static Palette outdoor_palette();

    /// The most the text may grow (the user's setting times the device's).
    static constexpr qreal max_text_scale = 1.5;

    /// Follows the Preferences that main() built (PreferencesForeign::instance), if any, and
    /// the device's text size.
    explicit Theme(QObject* parent = nullptr);

    QColor primary() const { return palette_.primary; }
    QColor accent() const { return palette_.accent; }
    QColor background() const { return palette_.background; }
    QColor surface() const { return palette_.surface; }
    QColor text() const { return palette_.text; }
    QColor textSecondary() const { return palette_.textSecondary; }
    QColor textOnPrimary() const { return palette_.textOnPrimary; }
    QColor divider() const { return palette_.divider; }
    QColor danger() const { return palette_.danger; }
    QColor dangerSurface() const { return palette_.dangerSurface; }
    QColor warning() const { return palette_.warning; }
    QColor warningSurface() const { return palette_.warningSurface; }
    QColor success() const { return palette_.success; }
    QColor successSurface() const { return palette_.successSurface; }
    QColor info() const { return palette_.info; }
    QColor infoSurface() const { return palette_.infoSurface; }
    QColor neutral() const { return palette_.neutral; }
    QColor neutralSurface() const { return palette_.neutralSurface; }
    QColor scrim() const { return palette_.scrim; }

    // The app's own cut of Noto Sans CJK SC when it is installed (platform/uifont.h).
    QString fontFamily() const { return QString::fromStdString(platform::interface_font_family()); }
    int fontSmall() const { return scaled(14); }
    int fontBody() const { return scaled(16); }
    int fontLarge() const { return scaled(19); }
    int fontTitle() const { return scaled(23); }
    int fontHuge() const { return scaled(30); }

    int touchTarget() const { return scaled(48); }
    int bigButtonHeight() const { return scaled(64); }
    int spacingSmall() const { return 4; }
    int spacing() const { return 8; }
    int spacingLarge() const { return 16; }
    int pageMargin() const { return 24; }
    int radius() const { return 8; }
    int borderWidth() const { return palette_.borderWidth; }
    int iconSize() const { return scaled(24); }
    int thumbnailSize() const { return 160; }
    int sidePanelWidth() const { return 420; }
    int formMaxWidth() const { return 560; }
    int progressHeight() const { return 8; }

    /// Colour of a target category (key / general / special).
    Q_INVOKABLE QColor categoryColor(const QString& category) const;
    /// Colour and background of a record state (Today's and Sync's states).
    Q_INVOKABLE QColor stateColor(const QString& state) const;
    Q_INVOKABLE QColor stateSurface(const QString& state) const;

    bool outdoor() const { return outdoor_; }
    /// What fonts and touch sizes are multiplied by: the user's text size times the device's,
    /// within 1.0–1.5.
    qreal textScale() const { return scale_; }
    qreal systemTextScale() const { return system_scale_; }
    /// Switches the theme and the user's text size (1.0–1.5); what Preferences' settings call.
    void apply(bool outdoor, qreal text_scale);
    /// The device's text size (read at start; tests set it).
    void set_system_text_scale(qreal scale);

Q_SIGNALS:
    void changed();

private:
    int scaled(int px) const { return qRound(px * scale_); }

    Palette palette_ = standard_palette();
    void update(bool outdoor, qreal user_scale, qreal system_scale);

    bool outdoor_ = false;
    qreal user_scale_ = 1.0;
    qreal system_scale_ = 1.0;
    qreal scale_ = 1.0;
};

} // namespace fi::app
