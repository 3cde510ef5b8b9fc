import QtQuick
import FieldInspect

// A pass / fail / not-applicable checkpoint: three large buttons.
FiPassFailButtons {
    property string checkpointId: ""

    objectName: "passFail_" + checkpointId
}
