import QtQuick
import QtQuick.Dialogs

// Where a report goes is the user's choice (issue 16, "hold less"): the system's save dialog,
// with a suggested name; `chosen(file)` gives the place picked, and nothing is written before
// or anywhere else. Pages call `ask(name, filter)`.
FileDialog {
    id: dialog

    signal chosen(url file)

    function ask(suggestedName, filter) {
        nameFilters = [filter];
        defaultSuffix = suggestedName.substring(suggestedName.lastIndexOf(".") + 1);
        selectedFile = currentFolder.toString().length > 0 ? currentFolder + "/" + suggestedName : suggestedName;
        open();
    }

    fileMode: FileDialog.SaveFile
    onAccepted: chosen(selectedFile)
}
