import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect
import FieldInspectTest

// The Complete page: problems listed with a way to each, outcomes limited by the rules, the
// fixed public wording, the confidential flag with its reason and legal ground, completing locks
// the record.
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
    // The record the page shows, and the checklist's controller over it (answers are the
    // Checklist page's); the page brings its own CompletionController.
    OpenRecord {
        id: shownRecord
        session: Session
        location: Location
    }
    ChecklistController {
        id: answers
        record: shownRecord
    }
    CompletionController {
        id: probe
        record: shownRecord
    }
    Component {
        id: completePage
        CompletePage {
            anchors.fill: parent
            record: shownRecord
        }
    }
    SignalSpy {
        id: startedSpy
        target: detail
        signalName: "started"
    }
    SignalSpy {
        id: problemSpy
        signalName: "showProblem"
    }
    SignalSpy {
        id: checkedSpy
        signalName: "problemsChecked"
    }
    SignalSpy {
        id: pdfSpy
        signalName: "pdfReady"
    }

    TestCase {
        name: "Complete"
        when: windowShown

        // The controller of the page open now.
        property CompletionController inspection: null

        function initTestCase() {
            Preferences.language = "en";
            tryVerify(() => assignments.loaded, 5000);
            let id = "";
            for (let i = 0; i < assignments.count && id === ""; ++i) {
                const idx = assignments.index(i, 0);
                if (assignments.data(idx, AssignmentListModel.ModeRole) === "onsite" && assignments.data(idx, AssignmentListModel.StateRole) === "not_started")
                    id = assignments.data(idx, AssignmentListModel.AssignmentIdRole);
            }
            detail.assignmentId = id;
            tryVerify(() => detail.loaded, 5000);
            detail.startInspection(detail.team.filter(m => m.certified).map(m => m.inspectorId), "");
            startedSpy.wait(5000);
            shownRecord.recordId = startedSpy.signalArguments[0][0];
            tryVerify(() => shownRecord.loaded, 5000);
            tryVerify(() => probe.hasLocation, 5000, "the replayed position reaches the record");
        }

        function openPage() {
            const page = createTemporaryObject(completePage, root);
            tryVerify(() => page.ready, 5000);
            inspection = page.completion;
            checkedSpy.target = inspection;
            pdfSpy.target = inspection;
            return page;
        }

        function problemCodes() {
            checkedSpy.clear();
            inspection.checkProblems();
            checkedSpy.wait(5000);
            return inspection.problems.codes();
        }

        function test_1_lists_what_blocks_completion() {
            const page = openPage();
            tryVerify(() => inspection.problems.count > 0, 5000);
            const codes = inspection.problems.codes();
            verify(codes.indexOf("missing_answer") >= 0, codes);
            verify(codes.indexOf("outcome_required") >= 0, codes);
            verify(!findChild(page, "completeNow").enabled);
            // A missing answer is fixed on the checklist: the page offers the way there.
            problemSpy.target = page;
            problemSpy.clear();
            const go = findChild(page, "goto_missing_answer");
            verify(go && go.visible);
            mouseClick(go);
            compare(problemSpy.count, 1);
            verify(problemSpy.signalArguments[0][1].length > 0, "the checkpoint to show");
        }

        // Draw a stroke across the pad as a finger does.
        function drawOn(pad) {
            const input = findChild(pad, "signatureInput");
            mousePress(input, 30, 60);
            for (let x = 40; x <= 300; x += 20)
                mouseMove(input, x, 60 + (x % 40 === 0 ? 25 : -25));
            mouseRelease(input, 300, 60);
        }

        function signRow(page, rowName) {
            const row = findChild(page, rowName);
            verify(row, rowName);
            findChild(row, "sign").clicked(); // the card may sit below the fold of the scrolled page
            const dialog = findChild(page, "signatureDialog");
            tryVerify(() => dialog.opened, 5000);
            return dialog;
        }

        function test_1_signatures_are_drawn_on_the_pad_or_refused() {
            const page = openPage();
            const card = findChild(page, "signaturesCard");
            verify(card.visible, "an on-site record is signed");
            const present = inspection.team.filter(m => m.present);
            compare(inspection.signatures.length, present.length + 1, "each inspector present and the representative");
            // Three signatures missing: one row says so, the card shows whose.
            compare(problemCodes().filter(c => c === "missing_signature").length, 1);

            // An inspector signs: nothing drawn, nothing to keep; drawn, kept, shown as signed.
            let dialog = signRow(page, "signatureRow_" + present[0].inspectorId);
            const keep = findChild(dialog, "keepSignature");
            verify(!keep.enabled, "an empty pad is no signature");
            drawOn(dialog.pad);
            verify(!dialog.pad.empty);
            verify(keep.enabled);
            mouseClick(findChild(dialog, "clearSignature"));
            verify(dialog.pad.empty && !keep.enabled, "cleared, to sign again");
            drawOn(dialog.pad);
            mouseClick(keep);
            tryVerify(() => !dialog.opened, 5000);
            tryVerify(() => inspection.signatures[0].signed, 5000);
            compare(inspection.signatures[0].inspectorId, present[0].inspectorId);
            verify(findChild(findChild(page, "signatureRow_" + present[0].inspectorId), "signatureState").text.indexOf("Signed") === 0);

            // The others present sign the same way.
            for (let i = 1; i < present.length; ++i) {
                dialog = signRow(page, "signatureRow_" + present[i].inspectorId);
                drawOn(dialog.pad);
                mouseClick(findChild(dialog, "keepSignature"));
                tryVerify(() => inspection.signatures[i].signed, 5000);
            }

            // The representative: a name is needed besides the strokes.
            dialog = signRow(page, "signatureRow_representative");
            drawOn(dialog.pad);
            verify(!findChild(dialog, "keepSignature").enabled, "the name first");
            dialog.representativeName = "王建国";
            dialog.representativePosition = "环保负责人";
            mouseClick(findChild(dialog, "keepSignature"));
            tryVerify(() => !dialog.opened, 5000);
            const last = () => inspection.signatures[inspection.signatures.length - 1];
            tryVerify(() => last().signed, 5000);
            compare(last().name, "王建国");
            compare(problemCodes().indexOf("missing_signature"), -1);

            // Or they refused: the reason is required, and the refusal takes the signature's place.
            findChild(findChild(page, "signatureRow_representative"), "refused").clicked();
            tryVerify(() => dialog.opened, 5000);
            compare(dialog.role, "refusal");
            verify(!findChild(dialog, "keepSignature").enabled, "a refusal says why");
            dialog.refusalReason = "负责人拒绝签字";
            mouseClick(findChild(dialog, "keepSignature"));
            tryVerify(() => last().refused, 5000);
            verify(!last().signed);
            compare(last().reason, "负责人拒绝签字");
            verify(findChild(findChild(page, "signatureRow_representative"), "signatureState").text.indexOf("负责人拒绝签字") >= 0);
            compare(problemCodes().indexOf("missing_signature"), -1);
        }

        function test_2_outcomes_follow_the_rules() {
            const page = openPage();
            const model = answers.checklist;
            let failed = false;
            for (let i = 0; i < model.count; ++i) {
                const idx = model.index(i, 0);
                const item = model.data(idx, ChecklistModel.ItemIdRole);
                const cp = model.data(idx, ChecklistModel.CheckpointIdRole);
                switch (model.data(idx, ChecklistModel.KindRole)) {
                case "pass_fail":
                    if (!failed && !model.data(idx, ChecklistModel.PhotoOnFailRole)) {
                        answers.setAnswer(item, cp, "fail");
                        answers.setFinding(item, cp, "应急预案未备案");
                        failed = true;
                    } else {
                        answers.setAnswer(item, cp, "pass");
                    }
                    break;
                case "number":
                    answers.setAnswer(item, cp, 3);
                    break;
                case "choice":
                    answers.setAnswer(item, cp, model.data(idx, ChecklistModel.ChoicesRole)[0]);
                    break;
                default:
                    answers.setAnswer(item, cp, "现场核实");
                }
            }
            if (!failed)
                skip("no pass/fail checkpoint without a photo requirement");
            verify(!inspection.noProblemAllowed);
            const noProblem = findChild(page, "outcome_no_problem");
            verify(!noProblem.enabled, "a fail rules out \"no problem found\"");
            mouseClick(findChild(page, "outcome_rectification_ordered"));
            compare(inspection.outcome, "rectification_ordered");
            compare(findChild(page, "publicText").text, "发现问题已责令整改", "the public wording, exactly");
            compare(problemCodes(), []);
            verify(findChild(page, "completeNow").enabled);
        }

        // The problem row the page lists for `code`, or null.
        function problemRow(page, code) {
            const stack = findChild(page, "problemList");
            for (let i = 0; i < stack.count; ++i)
                if (stack.itemAt(i).code === code)
                    return stack.itemAt(i);
            return null;
        }

        function test_3_confidential_needs_a_reason_and_a_legal_ground() {
            const page = openPage();
            verify(!findChild(page, "confidentialGrounds").visible);
            verify(!findChild(page, "summaryPublication").visible);
            mouseClick(findChild(page, "confidentialSwitch"));
            verify(inspection.confidential);
            verify(findChild(page, "confidentialReason").visible);
            verify(findChild(page, "confidentialGrounds").visible);
            compare(inspection.confidentialGround, "");
            compare(problemCodes(), ["confidential_reason_required", "confidential_ground_required"]);
            verify(!findChild(page, "completeNow").enabled);
            inspection.confidentialReason = "涉及正在查处案件的线索";
            compare(problemCodes(), ["confidential_ground_required"]);
            // Without a ground the page says what is missing, in the user's words.
            const row = problemRow(page, "confidential_ground_required");
            verify(row, "a problem row for the missing ground");
            verify(row.message.indexOf("legal ground") >= 0, row.message);
            verify(!findChild(row, "goto_confidential_ground_required").visible, "fixed on this page");
            verify(!findChild(page, "completeNow").enabled);

            // Choosing one of the four grounds.
            const publicSafety = findChild(page, "ground_public_safety");
            verify(publicSafety.visible);
            mouseClick(publicSafety);
            compare(inspection.confidentialGround, "public_safety");
            verify(publicSafety.checked);
            verify(!findChild(page, "ground_state_secret").checked);
            compare(problemCodes(), []);
            verify(problemRow(page, "confidential_ground_required") === null);
            const summary = findChild(page, "summaryPublication");
            verify(summary.visible);
            compare(summary.value, "Not published: Public safety is involved");
            mouseClick(findChild(page, "ground_other_law"));
            compare(inspection.confidentialGround, "other_law");
            compare(summary.value, "Not published: Another case the law excludes from publication");

            // Published after all: the reason and the ground go; asked again when kept back.
            mouseClick(findChild(page, "confidentialSwitch"));
            verify(!inspection.confidential);
            compare(inspection.confidentialGround, "");
            compare(inspection.confidentialReason, "");
            compare(problemCodes(), []);
            mouseClick(findChild(page, "confidentialSwitch"));
            for (const g of ["state_secret", "national_security", "public_safety", "other_law"])
                verify(!findChild(page, "ground_" + g).checked, g + " is not shown as chosen");
            compare(problemCodes(), ["confidential_reason_required", "confidential_ground_required"]);
            inspection.confidentialReason = "涉及正在查处案件的线索";
            inspection.confidentialGround = "public_safety";
            compare(problemCodes(), []);
        }

        function test_4_completing_locks_the_record() {
            const page = openPage();
            tryVerify(() => findChild(page, "completeNow").enabled, 5000);
            findChild(page, "completeNow").clicked(); // the card may sit below the fold of the scrolled page
            const confirm = findChild(page, "confirmComplete");
            tryVerify(() => confirm.opened);
            confirm.accept();
            tryCompare(shownRecord, "state", "completed", 5000);
            verify(shownRecord.readOnly);
            verify(findChild(page, "completedBanner").visible);
            verify(inspection.drawVerified, "sealed with the draw check");
            verify(inspection.publicationDeadline.length === 10, "the publication deadline is shown");
            // A locked record ignores edits.
            inspection.outcome = "case_opened";
            compare(inspection.outcome, "rectification_ordered");
        }

        function test_5_a_completed_record_shows_its_publication_and_makes_its_pdf() {
            const page = openPage();
            verify(shownRecord.readOnly);
            verify(findChild(page, "publicationCard").visible);
            compare(findChild(page, "publicationText").value, inspection.confidential ? "Not published" : inspection.publicText);
            verify(findChild(page, "publicationDeadline").value.startsWith(inspection.publicationDeadline));
            compare(findChild(page, "publicationReason").visible, inspection.confidential);
            verify(inspection.confidential, "completed as kept from publication (test 3)");
            verify(findChild(page, "publicationGround").visible);
            compare(findChild(page, "publicationGround").value, "Public safety is involved");
            verify(!findChild(page, "ground_state_secret").enabled, "a completed record's ground stays");
            pdfSpy.clear();
            const button = findChild(page, "makePdf");
            verify(button.visible && button.enabled);
            // Nothing is written until the user picks a place in the save dialog: they go to a
            // folder of their own and keep the suggested name.
            const dialog = findChild(page, "pdfDialog");
            dialog.currentFolder = TestFiles.scratchUrl("");
            button.clicked(); // the card may sit below the fold of the scrolled page
            tryVerify(() => dialog.visible, 5000);
            verify(dialog.selectedFile.toString().endsWith("record-" + shownRecord.recordId + ".pdf"), dialog.selectedFile);
            compare(pdfSpy.count, 0);
            const chosen = TestFiles.scratchUrl("record-" + shownRecord.recordId + ".pdf");
            dialog.accept();
            pdfSpy.wait(15000);
            const path = pdfSpy.signalArguments[0][0];
            compare("file://" + path, chosen.toString());
            verify(TestFiles.exists(path));
            // No copy stays in the tablet's data folder.
            compare(TestFiles.filesBelow(TestFiles.dataDir).filter(f => f.endsWith(".pdf")), []);
            verify(!TestFiles.exists(TestFiles.dataDir + "/exports"));
            compare(inspection.pdfPath, path);
            compare(inspection.pdfError, "");
            const banner = findChild(page, "pdfBanner");
            verify(banner.visible);
            verify(banner.text.indexOf(path) >= 0, banner.text);
        }
    }
}
