import QtQuick

// What every answer editor is to the checklist, whatever its kind: the answer shown, whether
// it may change, the checkpoint it answers, and one signal with a new answer. The checkpoint
// delegate sets these the same way for every kind and saves whatever is committed, so a new
// kind's editor is one file built on this (and one row in the delegate's `editors` table).
Item {
    // The answer as the record has it, as text ("" when unanswered). A control shows it and
    // never holds a click of its own: what is shown is what was saved.
    property string value: ""
    property bool readOnly: false
    // The accessible name of the editor's controls: the checkpoint's text.
    property string subject: ""
    // The checkpoint as the catalogue defines it: `id` (it names the controls, for tests and
    // accessibility tools), `kind`, `text`, and the kind's details (`unit`, `choices`).
    property var checkpoint: ({})

    // A new answer: a choice tapped, a number stepped or typed, a text as it is typed. Not
    // sent while read only, nor for the answer already given.
    signal committed(string value)
}
