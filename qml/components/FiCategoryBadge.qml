import QtQuick
import FieldInspect

// 重点 / 一般 / 特殊: the target's supervision category.
FiBadge {
    required property string category

    text: category === "key" ? qsTr("Key") : category === "special" ? qsTr("Special") : qsTr("General")
    textColor: Theme.categoryColor(category)
    fill: Theme.surface
}
