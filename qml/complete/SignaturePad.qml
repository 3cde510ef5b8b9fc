import QtQuick
import QtQuick.Controls
import FieldInspect

// A white pad to sign on with a finger or a stylus. `strokes` holds what was drawn, each stroke
// a flat list x0, y0, x1, y1, … in the pad's coordinates (the editor writes them as an SVG of
// the strokes); clear() starts again.
Rectangle {
    id: pad

    property var strokes: []
    readonly property bool empty: strokes.length === 0
    // The stroke being drawn, kept apart until the finger lifts.
    property var current: []

    function clear() {
        strokes = [];
        current = [];
        canvas.requestPaint();
    }

    implicitHeight: 220
    color: "white" // a signature is black on white, whatever the theme
    border.width: Theme.borderWidth
    border.color: Theme.divider
    radius: Theme.radius
    Accessible.role: Accessible.Canvas
    Accessible.name: qsTr("Signature pad: sign here with a finger or stylus")

    Label {
        anchors.centerIn: parent
        visible: pad.empty && pad.current.length === 0
        text: qsTr("Sign here")
        color: "#767676" // 4.5:1 on the white pad
        font.pixelSize: Theme.fontLarge
    }
    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacingLarge
        anchors.bottomMargin: parent.height / 4
        height: 1
        color: "#767676"
    }
    Canvas {
        id: canvas
        anchors.fill: parent
        onPaint: {
            const ctx = getContext("2d");
            ctx.reset();
            ctx.lineWidth = 3;
            ctx.lineCap = "round";
            ctx.lineJoin = "round";
            ctx.strokeStyle = "black";
            const all = pad.current.length > 0 ? pad.strokes.concat([pad.current]) : pad.strokes;
            for (const s of all) {
                ctx.beginPath();
                ctx.moveTo(s[0], s[1]);
                if (s.length === 2)
                    ctx.lineTo(s[0] + 0.1, s[1]);
                for (let i = 2; i + 1 < s.length; i += 2)
                    ctx.lineTo(s[i], s[i + 1]);
                ctx.stroke();
            }
        }
    }
    MouseArea {
        objectName: "signatureInput"
        anchors.fill: parent
        preventStealing: true // the page does not scroll while one signs
        function inside(v, max) {
            return Math.max(0, Math.min(max, v));
        }
        onPressed: mouse => {
            pad.current = [inside(mouse.x, width), inside(mouse.y, height)];
            canvas.requestPaint();
        }
        onPositionChanged: mouse => {
            if (!pressed)
                return;
            pad.current.push(inside(mouse.x, width), inside(mouse.y, height));
            canvas.requestPaint();
        }
        onReleased: {
            pad.strokes = pad.strokes.concat([pad.current]);
            pad.current = [];
            canvas.requestPaint();
        }
        onCanceled: {
            pad.current = [];
            canvas.requestPaint();
        }
    }
}
