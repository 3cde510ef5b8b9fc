import QtQuick
import FieldInspect

// Where a record stands (Today and Sync share the words and colours).
FiBadge {
    required property string state

    text: {
        switch (state) {
        case "draft":
            return qsTr("In progress");
        case "completed":
            return qsTr("Completed, not uploaded");
        case "uploaded":
            return qsTr("Uploaded");
        case "late":
            return qsTr("Uploaded late");
        case "attention":
            return qsTr("Needs attention");
        case "pending":
            return qsTr("Waiting to upload");
        case "uploading":
            return qsTr("Uploading photos");
        case "parked":
            return qsTr("Refused: needs attention");
        default:
            return qsTr("Not started");
        }
    }
    textColor: Theme.stateColor(state)
    fill: Theme.stateSurface(state)
}
