import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect
import FieldInspectTest

// The Checklist page: the editor each checkpoint kind needs, a fail asking for its finding
// and photo, progress per item, autosave into the store. And the answer editors' one contract
// (AnswerEditor), each editor on its own.
Item {
    id: root
    width: 1280
    height: 800

    AssignmentListModel {
        id: assignments
        session: Session
    }
    AssignmentDetail {
        id: detail
        session: Session
        location: Location
    }
    Component {
        id: checklistPage
        ChecklistPage {
            anchors.fill: parent
        }
    }
    Component {
        id: reopened
        OpenRecord {
            session: Session
        }
    }
    Component {
        id: reopenedChecklist
        ChecklistController {
        }
    }
    Component {
        id: photoController
        PhotoController {
        }
    }
    SignalSpy {
        id: startedSpy
        target: detail
        signalName: "started"
    }
    Component {
        id: passFailEditor
        PassFailEditor {
            width: 600
        }
    }
    Component {
        id: numberEditor
        NumberEditor {
            width: 600
        }
    }
    Component {
        id: choiceEditor
        ChoiceEditor {
            width: 600
        }
    }
    Component {
        id: textEditor
        TextAnswerEditor {
            width: 600
        }
    }
    SignalSpy {
        id: committedSpy
        signalName: "committed"
    }

    // Every editor: the same properties in, one `committed(value)` out, nothing out while
    // read only, and the value shown is the record's, not the click's.
    TestCase {
        name: "AnswerEditors"
        when: windowShown

        function make(component, checkpoint, value) {
            const editor = createTemporaryObject(component, root, {
                    "value": value,
                    "readOnly": false,
                    "subject": "排口标识",
                    "checkpoint": checkpoint
                });
            verify(editor);
            committedSpy.target = editor;
            committedSpy.clear();
            return editor;
        }

        function test_pass_fail() {
            const editor = make(passFailEditor, {
                    "id": "cp1",
                    "kind": "pass_fail"
                }, "");
            const buttons = findChild(editor, "passFail_cp1");
            verify(buttons);
            const fail = findChild(buttons, "answer_fail");
            compare(fail.Accessible.name, "排口标识: " + fail.text);
            mouseClick(fail);
            compare(committedSpy.count, 1);
            compare(committedSpy.signalArguments[0][0], "fail");
            verify(!fail.checked);
            editor.value = "fail";
            verify(fail.checked);
            editor.readOnly = true;
            mouseClick(findChild(buttons, "answer_pass"));
            compare(committedSpy.count, 1, "read only sends nothing");
        }

        function test_number() {
            const editor = make(numberEditor, {
                    "id": "n1",
                    "kind": "number",
                    "unit": "mg/L"
                }, "3");
            const field = findChild(editor, "number_n1");
            compare(field.text, "3");
            compare(field.Accessible.name, "排口标识");
            editor.step(1);
            compare(committedSpy.count, 1);
            compare(committedSpy.signalArguments[0][0], "4");
            editor.value = "4";
            editor.step(-2);
            compare(committedSpy.signalArguments[1][0], "2");
            editor.readOnly = true;
            verify(field.readOnly);
        }

        function test_choice() {
            const editor = make(choiceEditor, {
                    "id": "c1",
                    "kind": "choice",
                    "choices": ["有", "无"]
                }, "有");
            verify(findChild(editor, "choice_c1_0").checked);
            const second = findChild(editor, "choice_c1_1");
            mouseClick(second);
            compare(committedSpy.count, 1);
            compare(committedSpy.signalArguments[0][0], "无");
            verify(!second.checked, "the record's value is shown until it changes");
            editor.readOnly = true;
            verify(!second.enabled);
        }

        function test_text() {
            const editor = make(textEditor, {
                    "id": "t1",
                    "kind": "text"
                }, "");
            const area = findChild(editor, "text_t1");
            area.forceActiveFocus();
            keyClick(Qt.Key_O);
            keyClick(Qt.Key_K);
            compare(committedSpy.count, 2, "a text is saved as it is typed");
            compare(committedSpy.signalArguments[1][0], "ok");
            editor.value = "已核实";
            compare(area.text, "已核实");
            compare(committedSpy.count, 2, "the record's value is not an answer of its own");
        }
    }

    TestCase {
        name: "Checklist"
        when: windowShown

        property string recordId: ""

        function initTestCase() {
            Preferences.language = "en";
            tryVerify(() => assignments.loaded, 5000);
            let id = "";
            for (let i = 0; i < assignments.count && id === ""; ++i) {
                const idx = assignments.index(i, 0);
                if (assignments.data(idx, AssignmentListModel.ModeRole) === "onsite" && assignments.data(idx, AssignmentListModel.StateRole) === "not_started")
                    id = assignments.data(idx, AssignmentListModel.AssignmentIdRole);
            }
            verify(id.length > 0);
            detail.assignmentId = id;
            tryVerify(() => detail.loaded, 5000);
            const present = detail.team.filter(m => m.certified).map(m => m.inspectorId);
            detail.startInspection(present, "");
            startedSpy.wait(5000);
            recordId = startedSpy.signalArguments[0][0];
        }

        function openPage() {
            const page = createTemporaryObject(checklistPage, root, {
                    "recordId": recordId
                });
            tryVerify(() => page.ready, 5000);
            return page;
        }

        // The delegate of row `i`, shown as the page shows a checkpoint: clear of the item's
        // header that stays at the top (it keeps taps for itself).
        function show(page, i) {
            const model = page.controller.checklist;
            const idx = model.index(i, 0);
            page.showCheckpoint(model.data(idx, ChecklistModel.ItemIdRole), model.data(idx, ChecklistModel.CheckpointIdRole));
            wait(50);
            return findChild(page, "checklist").itemAtIndex(i);
        }

        // The delegate of the first unanswered checkpoint of a kind (scrolled into view).
        function rowFor(page, kind) {
            const model = page.controller.checklist;
            for (let i = 0; i < model.count; ++i) {
                const idx = model.index(i, 0);
                if (model.data(idx, ChecklistModel.KindRole) === kind && !model.data(idx, ChecklistModel.AnsweredRole))
                    return show(page, i);
            }
            return null;
        }

        function test_pass_is_saved() {
            const page = openPage();
            const row = rowFor(page, "pass_fail");
            verify(row);
            const before = page.controller.requiredAnswered;
            mouseClick(findChild(row, "answer_pass"));
            compare(row.value, "pass");
            compare(page.controller.requiredAnswered, before + 1);
            compare(findChild(page, "saveState").text, "Changes not saved yet");
            tryCompare(page.record, "saveState", "saved", 3000);
            // A fresh record reads it back from the store.
            const again = createTemporaryObject(reopened, root, {
                    "recordId": recordId
                });
            const againChecklist = createTemporaryObject(reopenedChecklist, root, {
                    "record": again
                });
            tryVerify(() => again.loaded, 5000);
            compare(againChecklist.requiredAnswered, before + 1);
        }

        function test_fail_asks_for_a_finding_and_a_photo() {
            const page = openPage();
            const model = page.controller.checklist;
            let row = null;
            for (let i = 0; i < model.count && !row; ++i) {
                const idx = model.index(i, 0);
                if (model.data(idx, ChecklistModel.PhotoOnFailRole) && model.data(idx, ChecklistModel.KindRole) === "pass_fail")
                    row = show(page, i);
            }
            verify(row);
            mouseClick(findChild(row, "answer_fail"));
            const dialog = findChild(page, "findingDialog");
            tryVerify(() => dialog.opened, 2000, "a fail opens the finding editor");
            const text = findChild(dialog.contentItem, "findingText");
            text.text = "废水排放口未设置标识牌";
            mouseClick(findChild(dialog.contentItem, "findingDone"));
            tryVerify(() => !dialog.visible);
            compare(row.findingDescription, "废水排放口未设置标识牌");
            verify(row.needsPhoto, "this checkpoint requires a photo when it fails");
            // A photo for the finding, imported from a file as the Photos page does.
            const photos = createTemporaryObject(photoController, root, {
                    "record": page.record
                });
            photos.importPhoto(Qt.resolvedUrl("../../../docs/examples/outfall.jpg"), row.findingId);
            tryCompare(page.controller, "photoCount", 1, 10000);
            tryVerify(() => !row.needsPhoto, 3000);
            compare(row.findingPhotoCount, 1);
            // Pass again: the finding stays (it has a photo) but "no problem" is possible again.
            mouseClick(findChild(row, "answer_pass"));
            compare(page.controller.failCount, 0, "\"no problem\" is possible again");
            compare(page.controller.findingCount, 1);
        }

        function test_number_text_and_choice_editors() {
            const page = openPage();
            const number = rowFor(page, "number");
            if (number) {
                const field = findChild(number, "number_" + number.checkpointId);
                mouseClick(field);
                keyClick(Qt.Key_1);
                keyClick(Qt.Key_2);
                tryCompare(number, "value", 12);
                field.text = "x";
                compare(number.value, 12, "only whole numbers are taken");
            }
            const choice = rowFor(page, "choice");
            verify(choice);
            mouseClick(findChild(choice, "choice_" + choice.checkpointId + "_1"));
            compare(choice.value, choice.choices[1]);
            const text = rowFor(page, "text");
            if (text) {
                const area = findChild(text, "text_" + text.checkpointId);
                area.forceActiveFocus();
                keyClick(Qt.Key_O);
                keyClick(Qt.Key_K);
                tryCompare(text, "value", "ok");
            }
            tryCompare(page.record, "saveState", "saved", 3000);
        }

        // The item's header over its checkpoints (a section of the list, not a row): code and
        // title, progress, legal basis; it follows the answers and stays at the top while its
        // checkpoints scroll.
        function test_progress_per_item() {
            const page = openPage();
            const model = page.controller.checklist;
            const list = findChild(page, "checklist");
            const first = model.index(0, 0);
            verify(model.data(first, ChecklistModel.CheckpointIdRole).length > 0, "every row is a checkpoint");
            const itemId = model.data(first, ChecklistModel.ItemIdRole);
            const section = model.sections[itemId];
            compare(section.title, model.data(first, ChecklistModel.ItemTitleRole));
            verify(section.required > 0);
            verify(section.legalBasis.length > 0, "every item shows its legal basis");
            list.positionViewAtBeginning();
            wait(50);
            const header = findChild(list, "itemHeader_" + itemId);
            verify(header && header.visible);
            compare(findChild(header, "itemTitle").text, section.code + "  " + section.title);
            compare(findChild(header, "itemProgress").text, section.answered + "/" + section.required);
            verify(findChild(header, "itemLegalBasis").text.indexOf(section.legalBasis[0]) >= 0);

            // Answering one of its required checkpoints moves its progress on.
            let last = 0;
            let open = -1;
            for (let i = 0; i < model.count && model.data(model.index(i, 0), ChecklistModel.ItemIdRole) === itemId; ++i) {
                last = i;
                const idx = model.index(i, 0);
                if (open < 0 && model.data(idx, ChecklistModel.RequiredRole) && !model.data(idx, ChecklistModel.AnsweredRole))
                    open = i;
            }
            if (open >= 0) {
                const idx = model.index(open, 0);
                const cp = model.data(idx, ChecklistModel.CheckpointIdRole);
                switch (model.data(idx, ChecklistModel.KindRole)) {
                case "pass_fail":
                    page.controller.setAnswer(itemId, cp, "pass");
                    break;
                case "number":
                    page.controller.setAnswer(itemId, cp, 3);
                    break;
                case "choice":
                    page.controller.setAnswer(itemId, cp, model.data(idx, ChecklistModel.ChoicesRole)[0]);
                    break;
                default:
                    page.controller.setAnswer(itemId, cp, "现场核实");
                }
                compare(findChild(header, "itemProgress").text, (section.answered + 1) + "/" + section.required);
            }

            // Scrolled to the item's last checkpoint, its header is at the top of the list.
            if (last > 0) {
                list.positionViewAtIndex(last, ListView.Beginning);
                wait(50);
                compare(list.currentSection, itemId);
                let sticky = null;
                const children = list.contentItem.children;
                for (let i = 0; i < children.length; ++i) {
                    const child = children[i];
                    if (child.objectName === "itemHeader_" + itemId && child.visible && child.y <= list.contentY + 1 && child.y + child.height > list.contentY)
                        sticky = child;
                }
                verify(sticky, "the current item's header stays at the top");
            }
        }

        // Keep what the page shows now, landscape and portrait, in the build directory.
        function screenshots(page, name) {
            for (const portrait of [false, true]) {
                root.width = portrait ? 800 : 1280;
                root.height = portrait ? 1280 : 800;
                tryCompare(page, "portrait", portrait, 2000, "the page settled its orientation");
                wait(100);
                // The window's content: the page and what is open over it (the index drawer).
                const path = TestFiles.screenshotPath(name + (portrait ? "-portrait" : "-landscape"));
                grabImage(page.Window.contentItem).save(path);
                verify(TestFiles.exists(path), path);
            }
            root.width = 1280;
            root.height = 800;
            wait(50);
        }

        // The first required checkpoint unanswered, read off the rows (not asked of the page).
        function firstUnanswered(model, from) {
            for (let k = 0; k < model.count; ++k) {
                const i = (from + k) % model.count;
                const idx = model.index(i, 0);
                if (model.data(idx, ChecklistModel.RequiredRole) && !model.data(idx, ChecklistModel.AnsweredRole))
                    return i;
            }
            return -1;
        }

        // A finding typed with the dialog open is in the store moments later, without closing
        // the dialog: the app killed then (a call, a crash) keeps it, and the record reopens
        // with it.
        function test_x_finding_text_kept_when_the_app_dies_with_the_dialog_open() {
            let page = openPage();
            const model = page.controller.checklist;
            let i = -1;
            for (let k = 0; k < model.count && i < 0; ++k) {
                const idx = model.index(k, 0);
                if (model.data(idx, ChecklistModel.KindRole) === "pass_fail" && !model.data(idx, ChecklistModel.AnsweredRole))
                    i = k;
            }
            verify(i >= 0);
            const row = show(page, i);
            const itemId = row.itemId;
            const checkpointId = row.checkpointId;
            mouseClick(findChild(row, "answer_fail"));
            const dialog = findChild(page, "findingDialog");
            tryVerify(() => dialog.opened, 2000);
            const area = findChild(dialog.contentItem, "findingText");
            for (const key of [Qt.Key_N, Qt.Key_O, Qt.Key_Space, Qt.Key_S, Qt.Key_I, Qt.Key_G, Qt.Key_N])
                keyClick(key);
            compare(area.text, "no sign");
            verify(dialog.visible, "still typing");
            // Saved as typed: the store has it while the dialog is open.
            tryCompare(page.record, "saveState", "saved", 3000);
            const stored = createTemporaryObject(reopened, root, {
                    "recordId": recordId
                });
            const storedChecklist = createTemporaryObject(reopenedChecklist, root, {
                    "record": stored
                });
            tryVerify(() => stored.loaded, 5000);
            const findings = storedChecklist.findings.filter(f => f.itemId === itemId && f.checkpointId === checkpointId);
            compare(findings.length, 1);
            compare(findings[0].description, "no sign");
            // The page goes away with the dialog open; the reopened record shows the text.
            page.destroy();
            wait(50);
            page = openPage();
            const again = page.controller.checklist;
            const r = again.rowOf(itemId, checkpointId);
            compare(again.data(again.index(r, 0), ChecklistModel.FindingDescriptionRole), "no sign");
            // Described now: the rest of the checklist may go on.
            page.controller.setFinding(itemId, checkpointId, "排口未设置标识牌");
            tryCompare(page.record, "saveState", "saved", 3000);
        }

        // Answer rows stay put (runs before the last test, which answers everything): answering
        // moves nothing below, the note waits behind its button; held upright the page's
        // actions are a bar at the bottom (Photos · Next unanswered · Complete).
        function test_y_answer_rows_stay_put_and_the_portrait_bar() {
            const page = openPage();
            const model = page.controller.checklist;
            const list = findChild(page, "checklist");
            let i = -1;
            for (let k = 0; k + 2 < model.count && i < 0; ++k) {
                const idx = model.index(k, 0);
                if (model.data(idx, ChecklistModel.KindRole) === "pass_fail" && !model.data(idx, ChecklistModel.AnsweredRole) && model.data(model.index(k + 1, 0), ChecklistModel.ItemIdRole) === model.data(idx, ChecklistModel.ItemIdRole))
                    i = k;
            }
            verify(i >= 0, "an unanswered pass/fail checkpoint with one after it in its item");
            const row = show(page, i);
            const height = row.height;
            const below = [list.itemAtIndex(i + 1).y, list.itemAtIndex(i + 2) ? list.itemAtIndex(i + 2).y : -1];
            const note = findChild(row, "note_" + row.checkpointId);
            verify(!note.visible, "no note field before one is asked for");
            mouseClick(findChild(row, "answer_pass"));
            compare(row.value, "pass");
            wait(50);
            compare(row.height, height, "the answered row keeps its height");
            compare(list.itemAtIndex(i + 1).y, below[0], "the next checkpoint has not moved");
            if (below[1] >= 0)
                compare(list.itemAtIndex(i + 2).y, below[1], "nor the one after");
            verify(!note.visible, "answering opens no note field");
            const noteButton = findChild(row, "noteButton_" + row.checkpointId);
            verify(noteButton.visible && noteButton.width >= 48 && noteButton.height >= 48);
            verify(noteButton.Accessible.name.indexOf(row.checkpointText) >= 0, "says which checkpoint");
            mouseClick(noteButton);
            verify(note.visible, "the note opens when asked for");
            mouseClick(noteButton);
            verify(!note.visible);

            // Upright: the actions in a bar at the bottom, none left at the top.
            root.width = 800;
            root.height = 1280;
            const bar = findChild(page, "actionBar");
            // The page settles its orientation, then the bar, each a turn after the resize.
            tryVerify(() => bar.visible, 2000);
            verify(!findChild(page, "photosButton").visible && !findChild(page, "completeButton").visible);
            verify(!findChild(page, "nextUnanswered").visible, "not floating over the list: in the bar");
            const barNext = findChild(bar, "barNext");
            for (const name of ["barPhotos", "barNext", "barComplete"]) {
                const b = findChild(bar, name);
                verify(b.visible && b.height >= 48, name);
                verify(b.mapToItem(page, 0, 0).y > page.height * 0.8, name + " in thumb reach");
            }
            compare(barNext.text, "Next unanswered (" + page.controller.unanswered + ")");
            const expected = firstUnanswered(model, list.currentIndex + 1);
            mouseClick(barNext);
            tryCompare(list, "currentIndex", expected, 2000, "the bar's button jumps as the floating one does");
            root.width = 1280;
            root.height = 800;
            tryVerify(() => !bar.visible && findChild(page, "photosButton").visible, 2000);
            screenshots(page, "checklist-answer-rows");
            tryCompare(page.record, "saveState", "saved", 3000);
        }

        // The map of the checklist (runs last: the others left answers): the record reopens at
        // its first required checkpoint unanswered, "next unanswered (n)" jumps from one to the
        // next and counts down, the item index shows each item's answered count and goes to it.
        function test_z_next_unanswered_and_the_item_index() {
            const page = openPage();
            const model = page.controller.checklist;
            const list = findChild(page, "checklist");
            const next = findChild(page, "nextUnanswered");
            let expected = firstUnanswered(model, 0);
            verify(expected >= 0, "the earlier tests left required checkpoints open");
            tryCompare(list, "currentIndex", expected, 3000, "reopened at the first unanswered checkpoint");
            verify(list.itemAtIndex(expected) && list.itemAtIndex(expected).visible);
            screenshots(page, "checklist-reopened");

            // Next unanswered: the count is the required checkpoints still open.
            const open = page.controller.requiredTotal - page.controller.requiredAnswered;
            verify(next.visible);
            compare(next.text, "Next unanswered (" + open + ")");
            // Answer where we are, then jump: it lands on the next open one after it.
            let row = list.itemAtIndex(expected);
            page.controller.setAnswer(row.itemId, row.checkpointId, row.kind === "pass_fail" ? "pass" : row.kind === "number" ? 1 : row.kind === "choice" ? row.choices[0] : "现场核实");
            compare(next.text, "Next unanswered (" + (open - 1) + ")");
            const after = firstUnanswered(model, expected + 1);
            mouseClick(next);
            if (after >= 0) {
                tryCompare(list, "currentIndex", after, 2000, "jumped to the next unanswered checkpoint");
                verify(list.itemAtIndex(after).visible);
                verify(list.itemAtIndex(after).y + list.itemAtIndex(after).height > list.contentY && list.itemAtIndex(after).y < list.contentY + list.height, "the row is on screen");
            }

            // The item index: one row per item with its answered count; a tap goes to the item.
            mouseClick(findChild(page, "indexButton"));
            const drawer = findChild(page, "itemIndex");
            tryVerify(() => drawer.opened, 2000);
            const items = model.items;
            verify(items.length > 0);
            const last = items[items.length - 1];
            const indexRow = findChild(drawer.contentItem, "indexItem_" + last.itemId);
            verify(indexRow);
            compare(findChild(indexRow, "indexProgress").text, last.answered + "/" + last.required);
            screenshots(page, "checklist-index");
            mouseClick(indexRow);
            tryVerify(() => !drawer.visible, 2000);
            const firstOfLast = model.rowOf(last.itemId, "");
            tryCompare(list, "currentIndex", firstOfLast, 2000, "went to the item");

            // Everything required answered: nothing left to jump to, the button goes away.
            for (let i = 0; i < model.count; ++i) {
                const idx = model.index(i, 0);
                if (!model.data(idx, ChecklistModel.RequiredRole) || model.data(idx, ChecklistModel.AnsweredRole))
                    continue;
                const kind = model.data(idx, ChecklistModel.KindRole);
                page.controller.setAnswer(model.data(idx, ChecklistModel.ItemIdRole), model.data(idx, ChecklistModel.CheckpointIdRole), kind === "pass_fail" ? "pass" : kind === "number" ? 1 : kind === "choice" ? model.data(idx, ChecklistModel.ChoicesRole)[0] : "现场核实");
            }
            compare(page.controller.unanswered, 0);
            verify(!next.visible);
            compare(page.controller.nextUnansweredRow(-1), -1);
            tryCompare(page.record, "saveState", "saved", 3000);
        }
    }
}
