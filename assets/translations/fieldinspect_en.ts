<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssignmentDelegate</name>
    <message>
        <location filename="../../qml/today/AssignmentDelegate.qml" line="24"/>
        <location filename="../../qml/today/AssignmentDelegate.qml" line="60"/>
        <source>Draw not verified</source>
        <translation>Draw not verified</translation>
    </message>
    <message>
        <location filename="../../qml/today/AssignmentDelegate.qml" line="49"/>
        <source>Off-site</source>
        <translation>Off-site</translation>
    </message>
    <message>
        <location filename="../../qml/today/AssignmentDelegate.qml" line="49"/>
        <source>On-site</source>
        <translation>On-site</translation>
    </message>
    <message>
        <location filename="../../qml/today/AssignmentDelegate.qml" line="54"/>
        <source>Joint</source>
        <translation>Joint</translation>
    </message>
    <message>
        <location filename="../../qml/today/AssignmentDelegate.qml" line="83"/>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="51"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="69"/>
        <source>Import a photo</source>
        <translation>Import a photo</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="70"/>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>Pictures (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="84"/>
        <source>Viewfinder</source>
        <translation>Viewfinder</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="95"/>
        <source>The photo just taken</source>
        <translation>The photo just taken</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="115"/>
        <source>Import from file…</source>
        <translation>Import from file…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/photos/CameraPage.qml" line="146"/>
        <source>Done (%n kept)</source>
        <translation>
            <numerusform>Done (%n kept)</numerusform>
            <numerusform>Done (%n kept)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="146"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="163"/>
        <source>Take photo</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="186"/>
        <source>The last photo kept</source>
        <translation>The last photo kept</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="195"/>
        <source>Retake</source>
        <translation>Retake</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="202"/>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="71"/>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="72"/>
        <source>Completed record, read only</source>
        <translation>Completed record, read only</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="72"/>
        <source>Checklist · %1 of %2 required answered</source>
        <translation>Checklist · %1 of %2 required answered</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="132"/>
        <source>%1 of %2 required checkpoints answered</source>
        <translation>%1 of %2 required checkpoints answered</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="139"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="141"/>
        <source>Changes not saved yet</source>
        <translation>Changes not saved yet</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="143"/>
        <source>Not saved!</source>
        <translation>Not saved!</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="145"/>
        <source>Locked: completed records never change</source>
        <translation>Locked: completed records never change</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="145"/>
        <source>All changes saved on the tablet (encrypted)</source>
        <translation>All changes saved on the tablet (encrypted)</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="154"/>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="155"/>
        <source>Index of the checklist&apos;s items</source>
        <translation>Index of the checklist&apos;s items</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="161"/>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="234"/>
        <source>Photos (%1)</source>
        <translation>Photos (%1)</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="168"/>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="250"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="168"/>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="250"/>
        <source>Complete…</source>
        <translation>Complete…</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="200"/>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="242"/>
        <source>Next unanswered (%1)</source>
        <translation>Next unanswered (%1)</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="274"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
</context>
<context>
    <name>CheckpointDelegate</name>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="73"/>
        <source>(optional)</source>
        <translation>(optional)</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="87"/>
        <source>Note on: %1</source>
        <translation>Note on: %1</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="118"/>
        <source>Note (optional)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="139"/>
        <source>Finding: %1</source>
        <translation>Finding: %1</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="139"/>
        <source>Describe the finding of this failed checkpoint.</source>
        <translation>Describe the finding of this failed checkpoint.</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="147"/>
        <source>A photo is required for this finding.</source>
        <translation>A photo is required for this finding.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="155"/>
        <source>%n photo(s) attached</source>
        <translation>
            <numerusform>%n photo attached</numerusform>
            <numerusform>%n photos attached</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="163"/>
        <source>Edit finding</source>
        <translation>Edit finding</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="164"/>
        <source>Edit finding: %1</source>
        <translation>Edit finding: %1</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="170"/>
        <source>Add photo</source>
        <translation>Add photo</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="171"/>
        <source>Add photo: %1</source>
        <translation>Add photo: %1</translation>
    </message>
</context>
<context>
    <name>CompletePage</name>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="260"/>
        <source>Location at the start</source>
        <translation>Location at the start</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="261"/>
        <source>simulated</source>
        <translation>simulated</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="267"/>
        <location filename="../../qml/complete/CompletePage.qml" line="290"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="278"/>
        <source>More than 500 m from the target&apos;s known position: the central system will flag this record. The place is taken once, when the inspection starts, and cannot be changed.</source>
        <translation>More than 500 m from the target&apos;s known position: the central system will flag this record. The place is taken once, when the inspection starts, and cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="285"/>
        <source>Location at completion</source>
        <translation>Location at completion</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="63"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="33"/>
        <source>A state secret is involved</source>
        <translation>A state secret is involved</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="36"/>
        <source>National security is involved</source>
        <translation>National security is involved</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="39"/>
        <source>Public safety is involved</source>
        <translation>Public safety is involved</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="42"/>
        <source>Another case the law excludes from publication</source>
        <translation>Another case the law excludes from publication</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="63"/>
        <source>Complete the inspection</source>
        <translation>Complete the inspection</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="93"/>
        <source>Complete and lock this record?</source>
        <translation>Complete and lock this record?</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="97"/>
        <source>A completed record can never be changed; it is sealed, chained and uploaded to the central system today. Corrections are new records.</source>
        <translation>A completed record can never be changed; it is sealed, chained and uploaded to the central system today. Corrections are new records.</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="148"/>
        <source>Completed and received by the central system.</source>
        <translation>Completed and received by the central system.</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="148"/>
        <source>Completed and locked. It is uploaded as soon as there is a network.</source>
        <translation>Completed and locked. It is uploaded as soon as there is a network.</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="149"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="161"/>
        <source>This record corrects %1. Reason: %2</source>
        <translation>This record corrects %1. Reason: %2</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="177"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="181"/>
        <source>Checkpoints answered</source>
        <translation>Checkpoints answered</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="182"/>
        <source>%1 (required: %2 of %3)</source>
        <translation>%1 (required: %2 of %3)</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="186"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="192"/>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="197"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="202"/>
        <source>Inspection day</source>
        <translation>Inspection day</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="207"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="208"/>
        <source>(device clock, not synced)</source>
        <translation>(device clock, not synced)</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="213"/>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="221"/>
        <source>Not published: %1</source>
        <translation>Not published: %1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="227"/>
        <source>Draw</source>
        <translation>Draw</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="228"/>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="228"/>
        <source>NOT verified</source>
        <translation>NOT verified</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="220"/>
        <location filename="../../qml/complete/CompletePage.qml" line="424"/>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="429"/>
        <source>Public text</source>
        <translation>Public text</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="430"/>
        <source>Not published</source>
        <translation>Not published</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="444"/>
        <source>Why not published</source>
        <translation>Why not published</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="451"/>
        <source>Publish by</source>
        <translation>Publish by</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="452"/>
        <source>(provisional: holiday calendar not yet published)</source>
        <translation>(provisional: holiday calendar not yet published)</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="241"/>
        <source>Off-site inspection</source>
        <translation>Off-site inspection</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="121"/>
        <source>Save the inspection record</source>
        <translation>Save the inspection record</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="241"/>
        <source>On site</source>
        <translation>On site</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="49"/>
        <source>does not count</source>
        <translation>does not count</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="252"/>
        <source>%1 certified officer(s) present</source>
        <translation>%1 certified officer(s) present</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="261"/>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="297"/>
        <source>Online monitoring data</source>
        <translation>Online monitoring data</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="300"/>
        <source>Drone patrol</source>
        <translation>Drone patrol</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="303"/>
        <source>Document review</source>
        <translation>Document review</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="334"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="339"/>
        <source>No problem found</source>
        <translation>No problem found</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="342"/>
        <source>Problem found, rectification ordered</source>
        <translation>Problem found, rectification ordered</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="345"/>
        <source>Violation found, case opened</source>
        <translation>Violation found, case opened</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="357"/>
        <source>A checkpoint failed, so &quot;no problem found&quot; is not possible.</source>
        <translation>A checkpoint failed, so &quot;no problem found&quot; is not possible.</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="364"/>
        <source>Published as:</source>
        <translation>Published as:</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="375"/>
        <source>Published as: %1</source>
        <translation>Published as: %1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="380"/>
        <source>Do not publish the result (secrecy, national or public security)</source>
        <translation>Do not publish the result (secrecy, national or public security)</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="389"/>
        <source>Legal ground (required)</source>
        <translation>Legal ground (required)</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="408"/>
        <source>Reason it is not published</source>
        <translation>Reason it is not published</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="437"/>
        <source>Legal ground</source>
        <translation>Legal ground</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="456"/>
        <source>Results are made public within 20 working days of the inspection (official holidays and make-up working days counted).</source>
        <translation>Results are made public within 20 working days of the inspection (official holidays and make-up working days counted).</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="464"/>
        <source>Making the PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="464"/>
        <source>Inspection record (PDF)</source>
        <translation>Inspection record (PDF)</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="466"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="472"/>
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="473"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="486"/>
        <source>Correct this record…</source>
        <translation>Correct this record…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/complete/CompletePage.qml" line="505"/>
        <source>%n thing(s) to fix before completing</source>
        <translation>
            <numerusform>%n thing to fix before completing</numerusform>
            <numerusform>%n things to fix before completing</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="505"/>
        <source>Ready to complete</source>
        <translation>Ready to complete</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="519"/>
        <source>Complete and lock</source>
        <translation>Complete and lock</translation>
    </message>
</context>
<context>
    <name>ContinueCard</name>
    <message>
        <location filename="../../qml/today/ContinueCard.qml" line="41"/>
        <source>Continue: %1 %2/%3</source>
        <translation>Continue: %1 %2/%3</translation>
    </message>
    <message>
        <location filename="../../qml/today/ContinueCard.qml" line="49"/>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../qml/today/ContinueCard.qml" line="50"/>
        <source>Continue: %1</source>
        <translation>Continue: %1</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../../qml/complete/CorrectDialog.qml" line="16"/>
        <source>Correct this record?</source>
        <translation>Correct this record?</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CorrectDialog.qml" line="26"/>
        <source>A completed record never changes. The correction is a new record, filled in from this one, that you edit, complete and upload; this record stays as it is, and both are kept.</source>
        <translation>A completed record never changes. The correction is a new record, filled in from this one, that you edit, complete and upload; this record stays as it is, and both are kept.</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CorrectDialog.qml" line="33"/>
        <source>What was wrong (required)</source>
        <translation>What was wrong (required)</translation>
    </message>
</context>
<context>
    <name>DrawChecks</name>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="197"/>
        <source>The seed matches the commitment published before the draw.</source>
        <translation>The seed matches the commitment published before the draw.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="198"/>
        <source>Targets and teams recomputed on this tablet are the ones the central system drew.</source>
        <translation>Targets and teams recomputed on this tablet are the ones the central system drew.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="200"/>
        <source>Each seed party&apos;s revealed seed matches the commitment it handed in before publication.</source>
        <translation>Each seed party&apos;s revealed seed matches the commitment it handed in before publication.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="202"/>
        <source>The seed combines every party&apos;s seed, so no single body chose it.</source>
        <translation>The seed combines every party&apos;s seed, so no single body chose it.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="204"/>
        <source>Candidates, inspector pool and conflicts are the lists frozen when the plan was published.</source>
        <translation>Candidates, inspector pool and conflicts are the lists frozen when the plan was published.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="206"/>
        <source>The draw ran after the plan was published, under the id fixed then.</source>
        <translation>The draw ran after the plan was published, under the id fixed then.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="208"/>
        <source>The re-draw&apos;s link hashes back to the chain the plan committed to, and the public log lists it.</source>
        <translation>The re-draw&apos;s link hashes back to the chain the plan committed to, and the public log lists it.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="210"/>
        <source>Only drawn members of the team were excluded, and earlier exclusions of this target still apply.</source>
        <translation>Only drawn members of the team were excluded, and earlier exclusions of this target still apply.</translation>
    </message>
</context>
<context>
    <name>FiAppBar</name>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="54"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="87"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/components/FiAppBar.qml" line="87"/>
        <source>%n to upload</source>
        <translation>
            <numerusform>%n to upload</numerusform>
            <numerusform>%n to upload</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="87"/>
        <source>All uploaded</source>
        <translation>All uploaded</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/components/FiAppBar.qml" line="87"/>
        <source>%n unsent</source>
        <translation>
            <numerusform>%n unsent</numerusform>
            <numerusform>%n unsent</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="87"/>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="87"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="99"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="99"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="109"/>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="135"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="140"/>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="145"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="150"/>
        <source>Lock now</source>
        <translation>Lock now</translation>
    </message>
</context>
<context>
    <name>FiCategoryBadge</name>
    <message>
        <location filename="../../qml/components/FiCategoryBadge.qml" line="8"/>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiCategoryBadge.qml" line="8"/>
        <source>Special</source>
        <translation>Special</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiCategoryBadge.qml" line="8"/>
        <source>General</source>
        <translation>General</translation>
    </message>
</context>
<context>
    <name>FiPassFailButtons</name>
    <message>
        <location filename="../../qml/components/FiPassFailButtons.qml" line="79"/>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiPassFailButtons.qml" line="88"/>
        <source>Fail</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiPassFailButtons.qml" line="97"/>
        <source>Not applicable</source>
        <translation>Not applicable</translation>
    </message>
</context>
<context>
    <name>FiStateBadge</name>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="11"/>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="13"/>
        <source>Completed, not uploaded</source>
        <translation>Completed, not uploaded</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="15"/>
        <source>Uploaded</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="17"/>
        <source>Uploaded late</source>
        <translation>Uploaded late</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="19"/>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="21"/>
        <source>Waiting to upload</source>
        <translation>Waiting to upload</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="23"/>
        <source>Uploading photos</source>
        <translation>Uploading photos</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="25"/>
        <source>Refused: needs attention</source>
        <translation>Refused: needs attention</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="27"/>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../../qml/checklist/FindingDialog.qml" line="24"/>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/FindingDialog.qml" line="52"/>
        <source>Describe what is wrong: what, where, how much. This text goes to the central system with the record.</source>
        <translation>Describe what is wrong: what, where, how much. This text goes to the central system with the record.</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/FindingDialog.qml" line="64"/>
        <source>e.g. the outfall has no sign board</source>
        <translation>e.g. the outfall has no sign board</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/FindingDialog.qml" line="70"/>
        <source>Description of the finding</source>
        <translation>Description of the finding</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/FindingDialog.qml" line="82"/>
        <source>Add photo</source>
        <translation>Add photo</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/FindingDialog.qml" line="97"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>ItemHeaderDelegate</name>
    <message>
        <location filename="../../qml/checklist/ItemHeaderDelegate.qml" line="48"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ItemHeaderDelegate.qml" line="51"/>
        <source>%1 of %2 required answered</source>
        <translation>%1 of %2 required answered</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ItemHeaderDelegate.qml" line="57"/>
        <source>Legal basis: %1</source>
        <translation>Legal basis: %1</translation>
    </message>
</context>
<context>
    <name>ItemIndex</name>
    <message>
        <location filename="../../qml/checklist/ItemIndex.qml" line="27"/>
        <source>%1 of %2 required answered</source>
        <translation>%1 of %2 required answered</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ItemIndex.qml" line="39"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="218"/>
        <source>Field inspection</source>
        <translation>Field inspection</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../../qml/checklist/editors/NumberEditor.qml" line="31"/>
        <source>Decrease: %1</source>
        <translation>Decrease: %1</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/editors/NumberEditor.qml" line="63"/>
        <source>Increase: %1</source>
        <translation>Increase: %1</translation>
    </message>
</context>
<context>
    <name>OutboxDelegate</name>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="47"/>
        <source>Inspected %1</source>
        <translation>Inspected %1</translation>
    </message>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="47"/>
        <source>received %1</source>
        <translation>received %1</translation>
    </message>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="55"/>
        <source>Central system: %1</source>
        <translation>Central system: %1</translation>
    </message>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="86"/>
        <source>Photos: %1</source>
        <translation>Photos: %1</translation>
    </message>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="96"/>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="96"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="96"/>
        <source>View</source>
        <translation>View</translation>
    </message>
</context>
<context>
    <name>PhotoDelegate</name>
    <message>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="46"/>
        <source>Open photo: %1</source>
        <translation>Open photo: %1</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="62"/>
        <source>Delete photo: %1</source>
        <translation>Delete photo: %1</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="79"/>
        <source>Imported: taken on another day</source>
        <translation>Imported: taken on another day</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="79"/>
        <source>Imported: no time in the file</source>
        <translation>Imported: no time in the file</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="46"/>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="62"/>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="68"/>
        <source>General</source>
        <translation>General</translation>
    </message>
</context>
<context>
    <name>PhotoViewerPage</name>
    <message>
        <location filename="../../qml/photos/PhotoViewerPage.qml" line="14"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
</context>
<context>
    <name>PhotosPage</name>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="33"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="44"/>
        <source>Import a photo</source>
        <translation>Import a photo</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="45"/>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>Pictures (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="53"/>
        <source>Delete this photo?</source>
        <translation>Delete this photo?</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="57"/>
        <source>The photo is removed from this draft and from the tablet.</source>
        <translation>The photo is removed from this draft and from the tablet.</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="95"/>
        <source>New photos are for:</source>
        <translation>New photos are for:</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="105"/>
        <source>New photos are for</source>
        <translation>New photos are for</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="125"/>
        <source>Take photo</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="131"/>
        <source>Import from file…</source>
        <translation>Import from file…</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="179"/>
        <source>No photos yet.</source>
        <translation>No photos yet.</translation>
    </message>
</context>
<context>
    <name>ProblemDelegate</name>
    <message>
        <location filename="../../qml/complete/ProblemDelegate.qml" line="30"/>
        <source>Go there</source>
        <translation>Go there</translation>
    </message>
    <message>
        <location filename="../../qml/complete/ProblemDelegate.qml" line="31"/>
        <source>Go there: %1</source>
        <translation>Go there: %1</translation>
    </message>
</context>
<context>
    <name>RedrawPage</name>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="33"/>
        <source>Ask for a new draw</source>
        <translation>Ask for a new draw</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="63"/>
        <source>Targets and inspectors are drawn at random and must not be swapped. Only the central system can draw again; the old assignment is then revoked and its drafts are kept, frozen.</source>
        <translation>Targets and inspectors are drawn at random and must not be swapped. Only the central system can draw again; the old assignment is then revoked and its drafts are kept, frozen.</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="68"/>
        <source>The central system is not reachable. A new draw needs the network; nothing was changed.</source>
        <translation>The central system is not reachable. A new draw needs the network; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="79"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="84"/>
        <source>Conflict of interest (回避)</source>
        <translation>Conflict of interest (回避)</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="87"/>
        <source>A team member is absent</source>
        <translation>A team member is absent</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="90"/>
        <source>Other (say why in the note)</source>
        <translation>Other (say why in the note)</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="104"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="104"/>
        <source>Note (required: say why)</source>
        <translation>Note (required: say why)</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="109"/>
        <source>A re-draw for another reason needs a note saying what it is.</source>
        <translation>A re-draw for another reason needs a note saying what it is.</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="112"/>
        <source>Must not be drawn again</source>
        <translation>Must not be drawn again</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="119"/>
        <source>Only members the draw put on this team can be excluded; each re-draw takes the next number of the plan&apos;s public log, with its reason.</source>
        <translation>Only members the draw put on this team can be excluded; each re-draw takes the next number of the plan&apos;s public log, with its reason.</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="135"/>
        <source>Asking the central system…</source>
        <translation>Asking the central system…</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="135"/>
        <source>Ask the central system to draw again</source>
        <translation>Ask the central system to draw again</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="151"/>
        <source>The central system drew a new team</source>
        <translation>The central system drew a new team</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="155"/>
        <source>New assignment</source>
        <translation>New assignment</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="156"/>
        <source>revision %1</source>
        <translation>revision %1</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="160"/>
        <source>Draw</source>
        <translation>Draw</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="161"/>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="161"/>
        <source>NOT verified</source>
        <translation>NOT verified</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/redraw/RedrawPage.qml" line="167"/>
        <source>%n draft(s) of the old assignment were frozen and kept.</source>
        <translation>
            <numerusform>%n draft of the old assignment was frozen and kept.</numerusform>
            <numerusform>%n drafts of the old assignment were frozen and kept.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="177"/>
        <source>Back to Today</source>
        <translation>Back to Today</translation>
    </message>
</context>
<context>
    <name>SameDayCard</name>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="36"/>
        <source>Everything recorded is uploaded.</source>
        <translation>Everything recorded is uploaded.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/today/SameDayCard.qml" line="36"/>
        <source>%n record(s) not yet uploaded</source>
        <translation>
            <numerusform>%n record not yet uploaded</numerusform>
            <numerusform>%n records not yet uploaded</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="44"/>
        <source>Same-day upload: %1 h %2 min left until 24:00.</source>
        <translation>Same-day upload: %1 h %2 min left until 24:00.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/today/SameDayCard.qml" line="46"/>
        <source>%n of today&apos;s record(s) still on the tablet.</source>
        <translation>
            <numerusform>%n of today&apos;s records is still on the tablet.</numerusform>
            <numerusform>%n of today&apos;s records are still on the tablet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/today/SameDayCard.qml" line="48"/>
        <source>%n of them not yet completed: complete them to send them.</source>
        <translation>
            <numerusform>%n of them is not yet completed: complete it to send it.</numerusform>
            <numerusform>%n of them are not yet completed: complete them to send them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/today/SameDayCard.qml" line="50"/>
        <source>%n record(s) from earlier days will be marked late.</source>
        <translation>
            <numerusform>%n record from an earlier day will be marked late.</numerusform>
            <numerusform>%n records from earlier days will be marked late.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/today/SameDayCard.qml" line="52"/>
        <source>%n record(s) refused: open Sync.</source>
        <translation>
            <numerusform>%n record refused: open Sync.</numerusform>
            <numerusform>%n records refused: open Sync.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="69"/>
        <source>%1 h %2 min left today</source>
        <translation>%1 h %2 min left today</translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="73"/>
        <source>left until 24:00</source>
        <translation>left until 24:00</translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="82"/>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="82"/>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="88"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="88"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="12"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="31"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="54"/>
        <source>Photo size</source>
        <translation>Photo size</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="59"/>
        <source>Standard: longest side 2048 px (about 0.5–1 MB a photo)</source>
        <translation>Standard: longest side 2048 px (about 0.5–1 MB a photo)</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="66"/>
        <source>Detail: longest side 3072 px (larger uploads)</source>
        <translation>Detail: longest side 3072 px (larger uploads)</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="80"/>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="86"/>
        <source>Remind me at (Beijing time, HH:MM, while something of today is not uploaded)</source>
        <translation>Remind me at (Beijing time, HH:MM, while something of today is not uploaded)</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="105"/>
        <source>Times as HH:MM, separated by commas, e.g. 21:00, 23:00.</source>
        <translation>Times as HH:MM, separated by commas, e.g. 21:00, 23:00.</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="116"/>
        <source>Display</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="123"/>
        <source>Outdoor: high contrast for sunlight</source>
        <translation>Outdoor: high contrast for sunlight</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="136"/>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="146"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="156"/>
        <source>The device&apos;s own text size (%1 %) applies on top of this, up to 150 % in all.</source>
        <translation>The device&apos;s own text size (%1 %) applies on top of this, up to 150 % in all.</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="170"/>
        <source>Central system</source>
        <translation>Central system</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="174"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="180"/>
        <source>CA file</source>
        <translation>CA file</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="186"/>
        <source>Key pin</source>
        <translation>Key pin</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="191"/>
        <source>Signed in as</source>
        <translation>Signed in as</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="203"/>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="207"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="212"/>
        <source>Data location</source>
        <translation>Data location</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="217"/>
        <source>Records and photos are encrypted on the tablet (SQLCipher); the key is unlocked with your PIN.</source>
        <translation>Records and photos are encrypted on the tablet (SQLCipher); the key is unlocked with your PIN.</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="230"/>
        <source>Lock now</source>
        <translation>Lock now</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../qml/account/SignInDialog.qml" line="11"/>
        <source>Sign in again</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInDialog.qml" line="30"/>
        <source>Your session with the central system has ended. Sign in as %1 to upload again; nothing on the tablet was lost.</source>
        <translation>Your session with the central system has ended. Sign in as %1 to upload again; nothing on the tablet was lost.</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInDialog.qml" line="36"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInDialog.qml" line="43"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="130"/>
        <source>This tablet has no security chip the app can use, so your records are protected by a passphrase alone. Choose one of at least 12 characters mixing three kinds (lower-case letters, capitals, digits, other signs), or of at least 20 characters mixing two.</source>
        <translation>This tablet has no security chip the app can use, so your records are protected by a passphrase alone. Choose one of at least 12 characters mixing three kinds (lower-case letters, capitals, digits, other signs), or of at least 20 characters mixing two.</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="138"/>
        <source>New passphrase (at least 12 characters)</source>
        <translation>New passphrase (at least 12 characters)</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="146"/>
        <source>The same passphrase again</source>
        <translation>The same passphrase again</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="156"/>
        <source>Set the passphrase and open</source>
        <translation>Set the passphrase and open</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="13"/>
        <source>Set up this tablet</source>
        <translation>Set up this tablet</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="29"/>
        <source>Field inspection</source>
        <translation>Field inspection</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="37"/>
        <source>Step 2 of 2: choose the PIN that unlocks this tablet, also without network.</source>
        <translation>Step 2 of 2: choose the PIN that unlocks this tablet, also without network.</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="37"/>
        <source>Step 1 of 2: sign in with your account of the central system. The tablet needs the network this first time.</source>
        <translation>Step 1 of 2: sign in with your account of the central system. The tablet needs the network this first time.</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="55"/>
        <source>Central system address</source>
        <translation>Central system address</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="63"/>
        <source>Security settings of the server (CA file, key pin)</source>
        <translation>Security settings of the server (CA file, key pin)</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="70"/>
        <source>CA certificate file (PEM)</source>
        <translation>CA certificate file (PEM)</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="77"/>
        <source>Public-key pin (sha256//…)</source>
        <translation>Public-key pin (sha256//…)</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="84"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="91"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="100"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="122"/>
        <source>Signed in as %1 (%2).</source>
        <translation>Signed in as %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="138"/>
        <source>New PIN (at least 6 characters)</source>
        <translation>New PIN (at least 6 characters)</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="146"/>
        <source>The same PIN again</source>
        <translation>The same PIN again</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="156"/>
        <source>Set the PIN and open</source>
        <translation>Set the PIN and open</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="39"/>
        <source>Signature of %1</source>
        <translation>Signature of %1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="39"/>
        <source>Signature of the inspected unit&apos;s representative</source>
        <translation>Signature of the inspected unit&apos;s representative</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="39"/>
        <source>The representative refused to sign</source>
        <translation>The representative refused to sign</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="64"/>
        <source>Write down why the person in charge of the unit refused to sign, as you saw it. The refusal is part of the sealed record.</source>
        <translation>Write down why the person in charge of the unit refused to sign, as you saw it. The refusal is part of the sealed record.</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="64"/>
        <source>The signature is sealed into the record with its time; it cannot be changed after the record is completed.</source>
        <translation>The signature is sealed into the record with its time; it cannot be changed after the record is completed.</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="71"/>
        <source>Name (required)</source>
        <translation>Name (required)</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="78"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="85"/>
        <source>Why they refused (required)</source>
        <translation>Why they refused (required)</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="105"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="114"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="120"/>
        <source>Record the refusal</source>
        <translation>Record the refusal</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="120"/>
        <source>Keep the signature</source>
        <translation>Keep the signature</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../qml/complete/SignaturePad.qml" line="28"/>
        <source>Signature pad: sign here with a finger or stylus</source>
        <translation>Signature pad: sign here with a finger or stylus</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignaturePad.qml" line="33"/>
        <source>Sign here</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>SignatureRows</name>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="41"/>
        <source>Representative: %1 %2</source>
        <translation>Representative: %1 %2</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="41"/>
        <source>Representative of the inspected unit</source>
        <translation>Representative of the inspected unit</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="49"/>
        <source>Refused to sign: %1</source>
        <translation>Refused to sign: %1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="49"/>
        <source>Signed %1</source>
        <translation>Signed %1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="49"/>
        <source>Not signed yet</source>
        <translation>Not signed yet</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="56"/>
        <source>Sign again</source>
        <translation>Sign again</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="56"/>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="57"/>
        <source>representative</source>
        <translation>representative</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="65"/>
        <source>Refused…</source>
        <translation>Refused…</translation>
    </message>
</context>
<context>
    <name>SignaturesCard</name>
    <message>
        <location filename="../../qml/complete/SignaturesCard.qml" line="19"/>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignaturesCard.qml" line="27"/>
        <source>Before completing: each inspector present signs, and so does the person in charge of the unit — or you record their refusal and why.</source>
        <translation>Before completing: each inspector present signs, and so does the person in charge of the unit — or you record their refusal and why.</translation>
    </message>
</context>
<context>
    <name>StartInspectionDialog</name>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="36"/>
        <source>Start the inspection</source>
        <translation>Start the inspection</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="82"/>
        <source>Who of the drawn team is here? At least two officers with an enforcement certificate must be present.</source>
        <translation>Who of the drawn team is here? At least two officers with an enforcement certificate must be present.</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="25"/>
        <source>does not count</source>
        <translation>does not count</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="66"/>
        <source>The draw is not verified on this tablet.</source>
        <translation>The draw is not verified on this tablet.</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="73"/>
        <source>I have read this: the record will say that the draw was not verified.</source>
        <translation>I have read this: the record will say that the draw was not verified.</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="94"/>
        <source>%1 certified officer(s) present</source>
        <translation>%1 certified officer(s) present</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="101"/>
        <source>Location: %1</source>
        <translation>Location: %1</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="101"/>
        <source>(simulated)</source>
        <translation>(simulated)</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="101"/>
        <source>Waiting for a position fix; it is added to the record as soon as there is one.</source>
        <translation>Waiting for a position fix; it is added to the record as soon as there is one.</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="101"/>
        <source>No position source: %1</source>
        <translation>No position source: %1</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="109"/>
        <source>This target is inspected off site. How?</source>
        <translation>This target is inspected off site. How?</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="115"/>
        <source>Online monitoring data</source>
        <translation>Online monitoring data</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="118"/>
        <source>Drone patrol</source>
        <translation>Drone patrol</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="121"/>
        <source>Document review</source>
        <translation>Document review</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="138"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="145"/>
        <source>Start now</source>
        <translation>Start now</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="23"/>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="38"/>
        <source>Save the statistics table</source>
        <translation>Save the statistics table</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="63"/>
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="64"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="74"/>
        <source>Quarter</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="84"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="89"/>
        <source>Report due</source>
        <translation>Report due</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="94"/>
        <source>Counted from the assignments and records on this tablet and the receipts of the central system. Figures only the central system knows are marked as not known here.</source>
        <translation>Counted from the assignments and records on this tablet and the receipts of the central system. Figures only the central system knows are marked as not known here.</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="103"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="107"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV table (*.csv)</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="113"/>
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="117"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="15"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="16"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="16"/>
        <source>Offline: records wait on the tablet</source>
        <translation>Offline: records wait on the tablet</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="44"/>
        <source>Today %1</source>
        <translation>Today %1</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="48"/>
        <source>Not yet uploaded</source>
        <translation>Not yet uploaded</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="49"/>
        <source>%1 (today: %2, from earlier days: %3, refused: %4)</source>
        <translation>%1 (today: %2, from earlier days: %3, refused: %4)</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="56"/>
        <source>Not yet completed</source>
        <translation>Not yet completed</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/sync/SyncPage.qml" line="57"/>
        <source>%n of today&apos;s inspection(s): complete them to send them</source>
        <translation>
            <numerusform>%n of today&apos;s inspections: complete it to send it</numerusform>
            <numerusform>%n of today&apos;s inspections: complete them to send them</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="62"/>
        <source>Photos left</source>
        <translation>Photos left</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="67"/>
        <source>Time left today</source>
        <translation>Time left today</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="68"/>
        <source>%1 h %2 min until 24:00 (UTC+08:00)</source>
        <translation>%1 h %2 min until 24:00 (UTC+08:00)</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="80"/>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="81"/>
        <source>central system reachable</source>
        <translation>central system reachable</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="81"/>
        <source>central system not reachable</source>
        <translation>central system not reachable</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="86"/>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="87"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="91"/>
        <source>Server time</source>
        <translation>Server time</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="92"/>
        <source>the tablet&apos;s clock is %1 s off the server&apos;s</source>
        <translation>the tablet&apos;s clock is %1 s off the server&apos;s</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="92"/>
        <source>not synced yet: times come from the tablet&apos;s clock</source>
        <translation>not synced yet: times come from the tablet&apos;s clock</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="114"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="114"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="128"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="145"/>
        <source>No records on this tablet yet.</source>
        <translation>No records on this tablet yet.</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="20"/>
        <source>Assignment</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="78"/>
        <source>Off-site</source>
        <translation>Off-site</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="78"/>
        <source>On-site</source>
        <translation>On-site</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="94"/>
        <source>Credit code</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="99"/>
        <source>Check digit OK</source>
        <translation>Check digit OK</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="99"/>
        <source>Check digit wrong</source>
        <translation>Check digit wrong</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="110"/>
        <source>Legal representative</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="115"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="120"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="125"/>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="147"/>
        <source>Inspection items</source>
        <translation>Inspection items</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="163"/>
        <source>Legal basis: %1</source>
        <translation>Legal basis: %1</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="172"/>
        <source>Not in the catalogue on this tablet: %1. Sync before inspecting.</source>
        <translation>Not in the catalogue on this tablet: %1. Sync before inspecting.</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="177"/>
        <source>Joint departments</source>
        <translation>Joint departments</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="203"/>
        <source>Inspection</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="216"/>
        <source>Start the inspection</source>
        <translation>Start the inspection</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="225"/>
        <source>Continue the inspection</source>
        <translation>Continue the inspection</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="232"/>
        <source>View the record</source>
        <translation>View the record</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="239"/>
        <source>Ask for a new draw…</source>
        <translation>Ask for a new draw…</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="245"/>
        <source>This assignment was revoked by a re-draw.</source>
        <translation>This assignment was revoked by a re-draw.</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="263"/>
        <source>Random draw</source>
        <translation>Random draw</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="267"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="267"/>
        <source>Not verified</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="274"/>
        <source>Draw</source>
        <translation>Draw</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="280"/>
        <source>Algorithm</source>
        <translation>Algorithm</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="286"/>
        <source>Recomputed on this tablet from the published seed: this target and this team are what the central system drew.</source>
        <translation>Recomputed on this tablet from the published seed: this target and this team are what the central system drew.</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="297"/>
        <source>Seed party</source>
        <translation>Seed party</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="317"/>
        <source>Re-draws of this target</source>
        <translation>Re-draws of this target</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="325"/>
        <source>No. %1 · %2 → %3 · reason: %4%5 · excluded: %6 · asked by %7 at %8</source>
        <translation>No. %1 · %2 → %3 · reason: %4%5 · excluded: %6 · asked by %7 at %8</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="325"/>
        <source>conflict of interest</source>
        <translation>conflict of interest</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="325"/>
        <source>absence</source>
        <translation>absence</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="325"/>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="325"/>
        <source>nobody</source>
        <translation>nobody</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="340"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="340"/>
        <source>Sync and check again</source>
        <translation>Sync and check again</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="360"/>
        <source>Team (drawn)</source>
        <translation>Team (drawn)</translation>
    </message>
</context>
<context>
    <name>TeamMemberDelegate</name>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="16"/>
        <source>Leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="16"/>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="16"/>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="24"/>
        <source>(you)</source>
        <translation>(you)</translation>
    </message>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="30"/>
        <source>Certificate %1</source>
        <translation>Certificate %1</translation>
    </message>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="30"/>
        <source>Third-party expert, no certificate</source>
        <translation>Third-party expert, no certificate</translation>
    </message>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="30"/>
        <source>No enforcement certificate</source>
        <translation>No enforcement certificate</translation>
    </message>
</context>
<context>
    <name>TextAnswerEditor</name>
    <message>
        <location filename="../../qml/checklist/editors/TextAnswerEditor.qml" line="24"/>
        <source>Write the answer</source>
        <translation>Write the answer</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="21"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="22"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="50"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="63"/>
        <source>Your session with the central system has ended. Work goes on offline; sign in to upload.</source>
        <translation>Your session with the central system has ended. Work goes on offline; sign in to upload.</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="64"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="83"/>
        <source>Search company, address, credit code, district, team</source>
        <translation>Search company, address, credit code, district, team</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="90"/>
        <location filename="../../qml/today/TodayPage.qml" line="108"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="93"/>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="96"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="99"/>
        <source>Special</source>
        <translation>Special</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="111"/>
        <source>To do</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="114"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="117"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/today/TodayPage.qml" line="126"/>
        <source>%n assignment(s)</source>
        <translation>
            <numerusform>%n assignment</numerusform>
            <numerusform>%n assignments</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="126"/>
        <source>%1 of %2 assignments</source>
        <translation>%1 of %2 assignments</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="142"/>
        <source>No assignments on this tablet yet. They arrive with the next sync.</source>
        <translation>No assignments on this tablet yet. They arrive with the next sync.</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="142"/>
        <source>No assignment matches the search and filters.</source>
        <translation>No assignment matches the search and filters.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="54"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="12"/>
        <location filename="../../qml/account/UnlockPage.qml" line="64"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="28"/>
        <source>Field inspection</source>
        <translation>Field inspection</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="36"/>
        <source>The data on this tablet is encrypted. Enter your PIN to open it.</source>
        <translation>The data on this tablet is encrypted. Enter your PIN to open it.</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="54"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="64"/>
        <source>Wait %1 s</source>
        <translation>Wait %1 s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/account/UnlockPage.qml" line="74"/>
        <source>%n wrong PIN(s) so far. After %1 more the tablet locks until you sign in online.</source>
        <translation>
            <numerusform>%n wrong PIN so far. After %1 more the tablet locks until you sign in online.</numerusform>
            <numerusform>%n wrong PINs so far. After %1 more the tablet locks until you sign in online.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="91"/>
        <source>This tablet locked itself after 10 wrong PINs. Sign in online with the account that set it up; then unlock it with your PIN. Your records are kept.</source>
        <translation>This tablet locked itself after 10 wrong PINs. Sign in online with the account that set it up; then unlock it with your PIN. Your records are kept.</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="98"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="103"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="109"/>
        <source>Sign in online</source>
        <translation>Sign in online</translation>
    </message>
</context>
<context>
    <name>UserMessages</name>
    <message>
        <location filename="../../qml/usermessages.cpp" line="385"/>
        <source>The inspection day is not the day the inspection started. The central system would flag this record, so it cannot be completed: record the inspection on the day it takes place.</source>
        <translation>The inspection day is not the day the inspection started. The central system would flag this record, so it cannot be completed: record the inspection on the day it takes place.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="391"/>
        <source>The record&apos;s times lie in the future of the tablet&apos;s trusted time. The central system would flag this record, so it cannot be completed: sync with the central system so the tablet knows the time, then try again.</source>
        <translation>The record&apos;s times lie in the future of the tablet&apos;s trusted time. The central system would flag this record, so it cannot be completed: sync with the central system so the tablet knows the time, then try again.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="397"/>
        <source>The inspection day is outside the assignment&apos;s window. The central system would flag this record, so it cannot be completed: this assignment can only be inspected within its window.</source>
        <translation>The inspection day is outside the assignment&apos;s window. The central system would flag this record, so it cannot be completed: this assignment can only be inspected within its window.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="82"/>
        <source>This tablet has no security chip the app can use, so a PIN is not enough. Choose a passphrase of at least 12 characters mixing three kinds (lower-case letters, capitals, digits, other signs), or of at least 20 characters mixing two.</source>
        <translation>This tablet has no security chip the app can use, so a PIN is not enough. Choose a passphrase of at least 12 characters mixing three kinds (lower-case letters, capitals, digits, other signs), or of at least 20 characters mixing two.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="89"/>
        <source>The key file of this tablet was changed outside the app. The tablet stays locked: connect to the network and sign in with your account, or use the recovery code. Your records are kept.</source>
        <translation>The key file of this tablet was changed outside the app. The tablet stays locked: connect to the network and sign in with your account, or use the recovery code. Your records are kept.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="95"/>
        <source>This data was set up on another device&apos;s security chip and cannot be opened on this tablet. Ask your administrator to set this tablet up; uploaded records are safe on the central system.</source>
        <translation>This data was set up on another device&apos;s security chip and cannot be opened on this tablet. Ask your administrator to set this tablet up; uploaded records are safe on the central system.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="101"/>
        <source>The security chip refuses PIN checks for now after too many wrong PINs. Wait a while and try again; no attempt was counted.</source>
        <translation>The security chip refuses PIN checks for now after too many wrong PINs. Wait a while and try again; no attempt was counted.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="35"/>
        <source>Wrong PIN. Try again. After 10 wrong PINs the tablet locks until you sign in online.</source>
        <translation>Wrong PIN. Try again. After 10 wrong PINs the tablet locks until you sign in online.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="29"/>
        <source>This record is no longer on this tablet: the central system received it and it was removed after the retention period. The central system keeps it; this tablet keeps only its receipt.</source>
        <translation>This record is no longer on this tablet: the central system received it and it was removed after the retention period. The central system keeps it; this tablet keeps only its receipt.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="41"/>
        <source>Too many wrong PINs. Wait until the countdown ends, then try again.</source>
        <translation>Too many wrong PINs. Wait until the countdown ends, then try again.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="45"/>
        <source>This tablet locked itself after 10 wrong PINs. Connect to the network and sign in with your account to unlock it. Your records are kept.</source>
        <translation>This tablet locked itself after 10 wrong PINs. Connect to the network and sign in with your account to unlock it. Your records are kept.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="51"/>
        <source>This PIN is too short. Choose a PIN of at least 6 characters.</source>
        <translation>This PIN is too short. Choose a PIN of at least 6 characters.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="55"/>
        <location filename="../../qml/usermessages.cpp" line="67"/>
        <source>This tablet belongs to another inspector. Sign in with the account that set it up.</source>
        <translation>This tablet belongs to another inspector. Sign in with the account that set it up.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="61"/>
        <source>This signature cannot be taken: %1</source>
        <translation>This signature cannot be taken: %1</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="63"/>
        <source>The signature could not be kept (%1). Clear the pad and sign again.</source>
        <translation>The signature could not be kept (%1). Clear the pad and sign again.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="73"/>
        <source>This tablet is already set up. Unlock it with your PIN.</source>
        <translation>This tablet is already set up. Unlock it with your PIN.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="76"/>
        <source>The key file of this tablet is damaged. Do not reset the tablet; contact your administrator.</source>
        <translation>The key file of this tablet is damaged. Do not reset the tablet; contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="106"/>
        <source>The data on this tablet is locked. Enter your PIN.</source>
        <translation>The data on this tablet is locked. Enter your PIN.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="109"/>
        <source>Sign in online first, then choose a PIN.</source>
        <translation>Sign in online first, then choose a PIN.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="111"/>
        <source>Enter the central system&apos;s address (for example https://central.example/api/v1) and try again.</source>
        <translation>Enter the central system&apos;s address (for example https://central.example/api/v1) and try again.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="115"/>
        <location filename="../../qml/usermessages.cpp" line="121"/>
        <source>Your session with the central system has ended. Sign in again; nothing on the tablet was lost.</source>
        <translation>Your session with the central system has ended. Sign in again; nothing on the tablet was lost.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="127"/>
        <source>This item is no longer on the tablet. Go back to Today and pull the latest assignments.</source>
        <translation>This item is no longer on the tablet. Go back to Today and pull the latest assignments.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="132"/>
        <source>The user name or the password is wrong. Check both and try again.</source>
        <translation>The user name or the password is wrong. Check both and try again.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="136"/>
        <source>This account is locked after too many wrong passwords. Wait 15 minutes or ask your administrator to unlock it.</source>
        <translation>This account is locked after too many wrong passwords. Wait 15 minutes or ask your administrator to unlock it.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="142"/>
        <location filename="../../qml/usermessages.cpp" line="148"/>
        <location filename="../../qml/usermessages.cpp" line="154"/>
        <location filename="../../qml/usermessages.cpp" line="160"/>
        <location filename="../../qml/usermessages.cpp" line="166"/>
        <location filename="../../qml/usermessages.cpp" line="172"/>
        <source>The central system cannot be reached. Check the network connection. Your work is kept on the tablet and is sent as soon as the network is back.</source>
        <translation>The central system cannot be reached. Check the network connection. Your work is kept on the tablet and is sent as soon as the network is back.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="178"/>
        <source>The central system&apos;s certificate was refused, so nothing was sent. Check the server settings (CA file or key pin) with your administrator.</source>
        <translation>The central system&apos;s certificate was refused, so nothing was sent. Check the server settings (CA file or key pin) with your administrator.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="184"/>
        <source>This server address is not allowed. Use an https:// address (http:// only for a test server on this computer).</source>
        <translation>This server address is not allowed. Use an https:// address (http:// only for a test server on this computer).</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="189"/>
        <source>The central system&apos;s answer was too large to accept. Tell your administrator.</source>
        <translation>The central system&apos;s answer was too large to accept. Tell your administrator.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="194"/>
        <source>The request was cancelled. Try again.</source>
        <translation>The request was cancelled. Try again.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="196"/>
        <source>Only the team leader of this assignment can ask for a new draw.</source>
        <translation>Only the team leader of this assignment can ask for a new draw.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="200"/>
        <location filename="../../qml/usermessages.cpp" line="206"/>
        <source>This assignment was revoked by a re-draw. Pull the latest assignments and use the new one.</source>
        <translation>This assignment was revoked by a re-draw. Pull the latest assignments and use the new one.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="212"/>
        <source>An inspection of this assignment was already recorded, so this is no longer possible.</source>
        <translation>An inspection of this assignment was already recorded, so this is no longer possible.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="218"/>
        <source>The record this correction corrects was already corrected by another version (on another tablet, perhaps). This correction is kept here but the central system will not take it: open the assignment&apos;s newest version and correct that one.</source>
        <translation>The record this correction corrects was already corrected by another version (on another tablet, perhaps). This correction is kept here but the central system will not take it: open the assignment&apos;s newest version and correct that one.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="225"/>
        <source>This version was already corrected. Open the newest version and correct that one.</source>
        <translation>This version was already corrected. Open the newest version and correct that one.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="230"/>
        <source>Only a completed record that the central system did not refuse can be corrected.</source>
        <translation>Only a completed record that the central system did not refuse can be corrected.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="235"/>
        <source>The photo was not imported: the tablet is almost full. Upload your records, free some space, then try again.</source>
        <translation>The photo was not imported: the tablet is almost full. Upload your records, free some space, then try again.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="241"/>
        <source>This file is not a picture the app can read. Choose a JPEG or PNG photo.</source>
        <translation>This file is not a picture the app can read. Choose a JPEG or PNG photo.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="245"/>
        <source>Only a completed record has an inspection record. Complete it first.</source>
        <translation>Only a completed record has an inspection record. Complete it first.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="249"/>
        <source>This record is not on the tablet. Go back to Today and open it again.</source>
        <translation>This record is not on the tablet. Go back to Today and open it again.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="253"/>
        <location filename="../../qml/usermessages.cpp" line="259"/>
        <source>The PDF could not be made (%1). Try again; if it keeps failing, contact your administrator.</source>
        <translation>The PDF could not be made (%1). Try again; if it keeps failing, contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="265"/>
        <source>A file could not be written: %1 Check the free storage and try again.</source>
        <translation>A file could not be written: %1 Check the free storage and try again.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="269"/>
        <source>No camera is available on this device. Import a photo from a file instead.</source>
        <translation>No camera is available on this device. Import a photo from a file instead.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="274"/>
        <location filename="../../qml/usermessages.cpp" line="279"/>
        <location filename="../../qml/usermessages.cpp" line="284"/>
        <location filename="../../qml/usermessages.cpp" line="289"/>
        <source>The data on this tablet could not be opened (%1). Do not reset the tablet; contact your administrator.</source>
        <translation>The data on this tablet could not be opened (%1). Do not reset the tablet; contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="294"/>
        <source>The tablet&apos;s storage is full. Free some space; nothing was lost.</source>
        <translation>The tablet&apos;s storage is full. Free some space; nothing was lost.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="298"/>
        <source>The central system refused the record as too large (texts up to 4,000 characters, photos up to 25 MiB, at most 200 photos).</source>
        <translation>The central system refused the record as too large (texts up to 4,000 characters, photos up to 25 MiB, at most 200 photos).</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="303"/>
        <location filename="../../qml/usermessages.cpp" line="309"/>
        <source>The central system refused this record (%1): %2 Keep the tablet as it is and contact your administrator.</source>
        <translation>The central system refused this record (%1): %2 Keep the tablet as it is and contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="350"/>
        <source>Signatures are missing or out of place. Each inspector present signs; the inspected unit&apos;s representative signs too, or you record their refusal with the reason.</source>
        <translation>Signatures are missing or out of place. Each inspector present signs; the inspected unit&apos;s representative signs too, or you record their refusal with the reason.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="369"/>
        <source>A result kept from publication needs its legal ground: a state secret, national security, public safety, or another case the law excludes from publication. Choose the ground, or publish the result.</source>
        <translation>A result kept from publication needs its legal ground: a state secret, national security, public safety, or another case the law excludes from publication. Choose the ground, or publish the result.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="484"/>
        <source>Something went wrong (%1). Try again; if it keeps happening, contact your administrator.</source>
        <translation>Something went wrong (%1). Try again; if it keeps happening, contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="487"/>
        <source>Something went wrong: %1 Try again; if it keeps happening, contact your administrator.</source>
        <translation>Something went wrong: %1 Try again; if it keeps happening, contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="320"/>
        <source>A required checkpoint has no answer. Answer it.</source>
        <translation>A required checkpoint has no answer. Answer it.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="323"/>
        <source>A failed checkpoint has no finding. Describe what is wrong.</source>
        <translation>A failed checkpoint has no finding. Describe what is wrong.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="327"/>
        <source>A finding has no description. Describe what is wrong.</source>
        <translation>A finding has no description. Describe what is wrong.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="330"/>
        <source>A failed checkpoint needs photo evidence. Take or import a photo for its finding.</source>
        <translation>A failed checkpoint needs photo evidence. Take or import a photo for its finding.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="335"/>
        <source>A finding cites a photo that is not part of the record. Take the photo again.</source>
        <translation>A finding cites a photo that is not part of the record. Take the photo again.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="340"/>
        <source>A record may hold at most 200 photos. Delete some.</source>
        <translation>A record may hold at most 200 photos. Delete some.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="343"/>
        <source>A photo is larger than 25 MiB. Delete it and take it again.</source>
        <translation>A photo is larger than 25 MiB. Delete it and take it again.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="347"/>
        <source>A text is longer than 4,000 characters. Shorten it.</source>
        <translation>A text is longer than 4,000 characters. Shorten it.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="356"/>
        <source>Choose the outcome of the inspection.</source>
        <translation>Choose the outcome of the inspection.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="358"/>
        <source>A checkpoint failed, so the outcome cannot be &quot;no problem found&quot;. Choose &quot;rectification ordered&quot; or &quot;case opened&quot;.</source>
        <translation>A checkpoint failed, so the outcome cannot be &quot;no problem found&quot;. Choose &quot;rectification ordered&quot; or &quot;case opened&quot;.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="363"/>
        <source>A result kept from publication needs its reason. Give the reason, or publish the result.</source>
        <translation>A result kept from publication needs its reason. Give the reason, or publish the result.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="375"/>
        <source>An on-site inspection needs at least two officers of the team with an enforcement certificate marked present. Experts do not count.</source>
        <translation>An on-site inspection needs at least two officers of the team with an enforcement certificate marked present. Experts do not count.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="380"/>
        <source>The place of the on-site inspection is missing. Allow location access and wait for a position fix.</source>
        <translation>The place of the on-site inspection is missing. Allow location access and wait for a position fix.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="403"/>
        <source>Choose how the off-site inspection was done.</source>
        <translation>Choose how the off-site inspection was done.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="406"/>
        <source>An on-site inspection has no off-site method. Remove it.</source>
        <translation>An on-site inspection has no off-site method. Remove it.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="409"/>
        <source>Someone marked present is not on the drawn team, or you are not on it. Only the drawn team may inspect.</source>
        <translation>Someone marked present is not on the drawn team, or you are not on it. Only the drawn team may inspect.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="415"/>
        <source>This assignment was revoked by a re-draw; it can no longer be inspected.</source>
        <translation>This assignment was revoked by a re-draw; it can no longer be inspected.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="419"/>
        <source>This assignment names no plan, so it must not be inspected (no plan, no inspection).</source>
        <translation>This assignment names no plan, so it must not be inspected (no plan, no inspection).</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="424"/>
        <location filename="../../qml/usermessages.cpp" line="430"/>
        <location filename="../../qml/usermessages.cpp" line="436"/>
        <source>An item of this inspection is not in the catalogue or not in the assignment. Pull the latest data; if it stays, contact your administrator.</source>
        <translation>An item of this inspection is not in the catalogue or not in the assignment. Pull the latest data; if it stays, contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="442"/>
        <source>An item has no legal basis, so it must not be inspected (no legal basis, no inspection). Contact your administrator.</source>
        <translation>An item has no legal basis, so it must not be inspected (no legal basis, no inspection). Contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="448"/>
        <location filename="../../qml/usermessages.cpp" line="451"/>
        <source>A correction needs the record it corrects and its reason.</source>
        <translation>A correction needs the record it corrects and its reason.</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="501"/>
        <source>This value is not valid: %1</source>
        <translation>This value is not valid: %1</translation>
    </message>
</context>
<context>
    <name>VersionsCard</name>
    <message>
        <location filename="../../qml/complete/VersionsCard.qml" line="18"/>
        <source>Versions of this record</source>
        <translation>Versions of this record</translation>
    </message>
    <message>
        <location filename="../../qml/complete/VersionsCard.qml" line="32"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/VersionsCard.qml" line="32"/>
        <source>this one</source>
        <translation>this one</translation>
    </message>
    <message>
        <location filename="../../qml/complete/VersionsCard.qml" line="41"/>
        <source>completed %1</source>
        <translation>completed %1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/VersionsCard.qml" line="48"/>
        <source>Correction: %1</source>
        <translation>Correction: %1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/VersionsCard.qml" line="48"/>
        <source>Original record</source>
        <translation>Original record</translation>
    </message>
</context>
<context>
    <name>WipeDialog</name>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="14"/>
        <source>Erase this tablet?</source>
        <translation>Erase this tablet?</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="24"/>
        <source>The central system ordered this tablet erased.</source>
        <translation>The central system ordered this tablet erased.</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="24"/>
        <source>Its message: %1</source>
        <translation>Its message: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/sync/WipeDialog.qml" line="30"/>
        <source>%n record(s) are not on the central system yet. Erasing now loses them for good:</source>
        <translation>
            <numerusform>%n record(s) are not on the central system yet. Erasing now loses them for good:</numerusform>
            <numerusform>%n record(s) are not on the central system yet. Erasing now loses them for good:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="39"/>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="39"/>
        <source>frozen</source>
        <translation>frozen</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="39"/>
        <source>not uploaded</source>
        <translation>not uploaded</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="50"/>
        <source>Keep them and try again</source>
        <translation>Keep them and try again</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="57"/>
        <source>Erase anyway</source>
        <translation>Erase anyway</translation>
    </message>
</context>
<context>
    <name>WipedPage</name>
    <message>
        <location filename="../../qml/sync/WipedPage.qml" line="13"/>
        <source>Tablet erased</source>
        <translation>Tablet erased</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipedPage.qml" line="23"/>
        <source>This tablet was erased</source>
        <translation>This tablet was erased</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipedPage.qml" line="30"/>
        <source>The central system ordered it. Its records, photos, keys and settings are gone from this tablet; what was uploaded is kept by the central system.</source>
        <translation>The central system ordered it. Its records, photos, keys and settings are gone from this tablet; what was uploaded is kept by the central system.</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipedPage.qml" line="30"/>
        <source>Its message: %1</source>
        <translation>Its message: %1</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipedPage.qml" line="35"/>
        <source>To use the tablet again, close the app and open it: it starts with the first sign-in.</source>
        <translation>To use the tablet again, close the app and open it: it starts with the first sign-in.</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipedPage.qml" line="42"/>
        <source>Close the app</source>
        <translation>Close the app</translation>
    </message>
</context>
<context>
    <name>fi::app::AssignmentDetail</name>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="112"/>
        <source>The unified social credit code does not have 18 characters. The central directory holds it this way; report it, and inspect as assigned.</source>
        <translation>The unified social credit code does not have 18 characters. The central directory holds it this way; report it, and inspect as assigned.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="115"/>
        <source>Character %1 of the unified social credit code is not allowed. The central directory holds it this way; report it, and inspect as assigned.</source>
        <translation>Character %1 of the unified social credit code is not allowed. The central directory holds it this way; report it, and inspect as assigned.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="119"/>
        <source>The check character of the unified social credit code is wrong (expected %1). The central directory holds it this way; report it, and inspect as assigned.</source>
        <translation>The check character of the unified social credit code is wrong (expected %1). The central directory holds it this way; report it, and inspect as assigned.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="165"/>
        <source>The draw %1 is not on this tablet yet, so the team cannot be checked. Sync to fetch it.</source>
        <translation>The draw %1 is not on this tablet yet, so the team cannot be checked. Sync to fetch it.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="170"/>
        <source>The team of this assignment is not the team the published draw gives this target. You may still inspect, but the record will say that the draw was not verified. Tell your team leader.</source>
        <translation>The team of this assignment is not the team the published draw gives this target. You may still inspect, but the record will say that the draw was not verified. Tell your team leader.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="175"/>
        <source>Recomputing the draw on this tablet gives another result than the one the central system published. You may still inspect, but the record will say that the draw was not verified. Tell your team leader.</source>
        <translation>Recomputing the draw on this tablet gives another result than the one the central system published. You may still inspect, but the record will say that the draw was not verified. Tell your team leader.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="179"/>
        <source>The published draw fails its check (%1). You may still inspect, but the record will say that the draw was not verified. Tell your team leader.</source>
        <translation>The published draw fails its check (%1). You may still inspect, but the record will say that the draw was not verified. Tell your team leader.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="189"/>
        <source>A higher level inspected this target this year without finding a problem, so the draw left it out.</source>
        <translation>A higher level inspected this target this year without finding a problem, so the draw left it out.</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="191"/>
        <source>The draw left this target out: %1</source>
        <translation>The draw left this target out: %1</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="256"/>
        <source>Permit class</source>
        <translation>Permit class</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="257"/>
        <source>Supervision type</source>
        <translation>Supervision type</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="258"/>
        <source>Pollutants</source>
        <translation>Pollutants</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="259"/>
        <source>Heavy-pollution weather grade</source>
        <translation>Heavy-pollution weather grade</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="260"/>
        <source>Environmental credit rating</source>
        <translation>Environmental credit rating</translation>
    </message>
</context>
<context>
    <name>fi::app::ChecklistController</name>
    <message>
        <location filename="../../qml/checklistcontroller.cpp" line="102"/>
        <source>Enter a whole number.</source>
        <translation>Enter a whole number.</translation>
    </message>
</context>
<context>
    <name>fi::app::CompletionController</name>
    <message>
        <location filename="../../qml/completioncontroller.cpp" line="32"/>
        <source>%1 m from the target</source>
        <translation>%1 m from the target</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/completioncontroller.cpp" line="375"/>
        <source>The record cannot be completed yet: %n problem(s) are listed below.</source>
        <translation>
            <numerusform>The record cannot be completed yet: %n problem is listed below.</numerusform>
            <numerusform>The record cannot be completed yet: %n problems are listed below.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/completioncontroller.cpp" line="496"/>
        <source>Only a completed record has an inspection record. Complete it first.</source>
        <translation>Only a completed record has an inspection record. Complete it first.</translation>
    </message>
    <message>
        <location filename="../../qml/completioncontroller.cpp" line="501"/>
        <source>Choose a file on this tablet to save the PDF to; nothing was written.</source>
        <translation>Choose a file on this tablet to save the PDF to; nothing was written.</translation>
    </message>
</context>
<context>
    <name>fi::app::LocationService</name>
    <message>
        <location filename="../../qml/locationservice.cpp" line="52"/>
        <source>The position source is starting.</source>
        <translation>The position source is starting.</translation>
    </message>
    <message>
        <location filename="../../qml/locationservice.cpp" line="56"/>
        <source>No position source on this device.</source>
        <translation>No position source on this device.</translation>
    </message>
</context>
<context>
    <name>fi::app::PhotoController</name>
    <message>
        <location filename="../../qml/photocontroller.cpp" line="57"/>
        <source>The inspection in general</source>
        <translation>The inspection in general</translation>
    </message>
    <message>
        <location filename="../../qml/photocontroller.cpp" line="65"/>
        <source>Finding: %1</source>
        <translation>Finding: %1</translation>
    </message>
</context>
<context>
    <name>fi::app::RedrawController</name>
    <message>
        <location filename="../../qml/redrawcontroller.cpp" line="41"/>
        <source>Choose the reason for the new draw.</source>
        <translation>Choose the reason for the new draw.</translation>
    </message>
    <message>
        <location filename="../../qml/redrawcontroller.cpp" line="45"/>
        <source>Say in the note why a new draw is needed.</source>
        <translation>Say in the note why a new draw is needed.</translation>
    </message>
</context>
<context>
    <name>fi::app::Session</name>
    <message>
        <location filename="../../qml/session.cpp" line="142"/>
        <location filename="../../qml/session.cpp" line="251"/>
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <location filename="../../qml/session.cpp" line="169"/>
        <source>The two PINs differ. Enter the same PIN twice.</source>
        <translation>The two PINs differ. Enter the same PIN twice.</translation>
    </message>
    <message>
        <location filename="../../qml/session.cpp" line="205"/>
        <source>Enter your PIN.</source>
        <translation>Enter your PIN.</translation>
    </message>
    <message>
        <location filename="../../qml/session.cpp" line="229"/>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
</context>
<context>
    <name>fi::app::StatisticsModel</name>
    <message>
        <location filename="../../qml/statisticsmodel.cpp" line="60"/>
        <source>not known on this tablet</source>
        <translation>not known on this tablet</translation>
    </message>
    <message>
        <location filename="../../qml/statisticsmodel.cpp" line="168"/>
        <source>Choose a file on this tablet to save the table to; nothing was written.</source>
        <translation>Choose a file on this tablet to save the table to; nothing was written.</translation>
    </message>
</context>
<context>
    <name>fi::app::SyncController</name>
    <message>
        <location filename="../../qml/synccontroller.cpp" line="83"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location filename="../../qml/synccontroller.cpp" line="85"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location filename="../../qml/synccontroller.cpp" line="86"/>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/synccontroller.cpp" line="222"/>
        <source>The central system ordered this tablet erased. %n record(s) are not on the central system yet: nothing was erased.</source>
        <translation>
            <numerusform>The central system ordered this tablet erased. %n record(s) are not on the central system yet: nothing was erased.</numerusform>
            <numerusform>The central system ordered this tablet erased. %n record(s) are not on the central system yet: nothing was erased.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/synccontroller.cpp" line="234"/>
        <source>%n record(s) need your attention: see the message against each.</source>
        <translation>
            <numerusform>%n record needs your attention: see the message against it.</numerusform>
            <numerusform>%n records need your attention: see the message against each.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/synccontroller.cpp" line="237"/>
        <source>%n record(s) uploaded.</source>
        <translation>
            <numerusform>%n record uploaded.</numerusform>
            <numerusform>%n records uploaded.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/synccontroller.cpp" line="239"/>
        <source>Up to date.</source>
        <translation>Up to date.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/synccontroller.cpp" line="311"/>
        <source>%n record(s) of today not yet on the central system: %1 h %2 min left until 24:00. Complete them and sync.</source>
        <translation>
            <numerusform>%n record of today not yet on the central system: %1 h %2 min left until 24:00. Complete them and sync.</numerusform>
            <numerusform>%n records of today not yet on the central system: %1 h %2 min left until 24:00. Complete them and sync.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/synccontroller.cpp" line="318"/>
        <source>Same-day upload</source>
        <translation>Same-day upload</translation>
    </message>
</context>
<context>
    <name>fi::platform::QtCamera</name>
    <message>
        <location filename="../../platform/qtcamera.cpp" line="25"/>
        <source>This device has no camera. Import the photo from a file instead.</source>
        <translation>This device has no camera. Import the photo from a file instead.</translation>
    </message>
    <message>
        <location filename="../../platform/qtcamera.cpp" line="44"/>
        <source>The photo could not be taken: %1</source>
        <translation>The photo could not be taken: %1</translation>
    </message>
    <message>
        <location filename="../../platform/qtcamera.cpp" line="57"/>
        <source>The camera failed: %1. Close other camera apps and try again, or import the photo from a file.</source>
        <translation>The camera failed: %1. Close other camera apps and try again, or import the photo from a file.</translation>
    </message>
</context>
</TS>
