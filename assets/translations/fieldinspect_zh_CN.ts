<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AssignmentDelegate</name>
    <message>
        <location filename="../../qml/today/AssignmentDelegate.qml" line="24"/>
        <location filename="../../qml/today/AssignmentDelegate.qml" line="60"/>
        <source>Draw not verified</source>
        <translation>抽取未经核验</translation>
    </message>
    <message>
        <location filename="../../qml/today/AssignmentDelegate.qml" line="49"/>
        <source>Off-site</source>
        <translation>非现场</translation>
    </message>
    <message>
        <location filename="../../qml/today/AssignmentDelegate.qml" line="49"/>
        <source>On-site</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../qml/today/AssignmentDelegate.qml" line="54"/>
        <source>Joint</source>
        <translation>联合</translation>
    </message>
    <message>
        <location filename="../../qml/today/AssignmentDelegate.qml" line="83"/>
        <source>Team: %1</source>
        <translation>检查组：%1</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="51"/>
        <source>Camera</source>
        <translation>相机</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="69"/>
        <source>Import a photo</source>
        <translation>导入照片</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="70"/>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="84"/>
        <source>Viewfinder</source>
        <translation>取景框</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="95"/>
        <source>The photo just taken</source>
        <translation>刚拍的照片</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="115"/>
        <source>Import from file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/photos/CameraPage.qml" line="146"/>
        <source>Done (%n kept)</source>
        <translation>
            <numerusform>完成（已保留 %n 张）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="146"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="163"/>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="186"/>
        <source>The last photo kept</source>
        <translation>最近保留的照片</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="195"/>
        <source>Retake</source>
        <translation>重拍</translation>
    </message>
    <message>
        <location filename="../../qml/photos/CameraPage.qml" line="202"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="71"/>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="72"/>
        <source>Completed record, read only</source>
        <translation>已完成的记录（只读）</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="72"/>
        <source>Checklist · %1 of %2 required answered</source>
        <translation>检查清单 · 必填项已答 %1/%2</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="132"/>
        <source>%1 of %2 required checkpoints answered</source>
        <translation>必填检查点已答 %1/%2</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="139"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="141"/>
        <source>Changes not saved yet</source>
        <translation>更改尚未保存</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="143"/>
        <source>Not saved!</source>
        <translation>未保存！</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="145"/>
        <source>Locked: completed records never change</source>
        <translation>已锁定：完成的记录不可更改</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="145"/>
        <source>All changes saved on the tablet (encrypted)</source>
        <translation>所有更改已加密保存在平板上</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="154"/>
        <source>Index</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="155"/>
        <source>Index of the checklist&apos;s items</source>
        <translation>检查事项目录</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="161"/>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="234"/>
        <source>Photos (%1)</source>
        <translation>照片（%1）</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="168"/>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="250"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="168"/>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="250"/>
        <source>Complete…</source>
        <translation>完成检查…</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="200"/>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="242"/>
        <source>Next unanswered (%1)</source>
        <translation>下一未答项（%1）</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ChecklistPage.qml" line="274"/>
        <source>Items</source>
        <translation>检查事项</translation>
    </message>
</context>
<context>
    <name>CheckpointDelegate</name>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="73"/>
        <source>(optional)</source>
        <translation>（选填）</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="87"/>
        <source>Note on: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="118"/>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="139"/>
        <source>Finding: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="139"/>
        <source>Describe the finding of this failed checkpoint.</source>
        <translation>请描述该不合格检查点发现的问题。</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="147"/>
        <source>A photo is required for this finding.</source>
        <translation>该问题必须附照片。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="155"/>
        <source>%n photo(s) attached</source>
        <translation>
            <numerusform>已附 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="163"/>
        <source>Edit finding</source>
        <translation>编辑问题</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="164"/>
        <source>Edit finding: %1</source>
        <translation>编辑问题：%1</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="170"/>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/CheckpointDelegate.qml" line="171"/>
        <source>Add photo: %1</source>
        <translation>添加照片：%1</translation>
    </message>
</context>
<context>
    <name>CompletePage</name>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="260"/>
        <source>Location at the start</source>
        <translation>开始时位置</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="261"/>
        <source>simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="267"/>
        <location filename="../../qml/complete/CompletePage.qml" line="290"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="278"/>
        <source>More than 500 m from the target&apos;s known position: the central system will flag this record. The place is taken once, when the inspection starts, and cannot be changed.</source>
        <translation>距检查对象已知位置超过 500 米：中央系统将标记此记录。位置在检查开始时获取一次，之后不能更改。</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="285"/>
        <source>Location at completion</source>
        <translation>完成时位置</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="63"/>
        <source>Record</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="33"/>
        <source>A state secret is involved</source>
        <translation>涉及国家秘密</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="36"/>
        <source>National security is involved</source>
        <translation>涉及国家安全</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="39"/>
        <source>Public safety is involved</source>
        <translation>涉及公共安全</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="42"/>
        <source>Another case the law excludes from publication</source>
        <translation>法律明确不予公开公示的其他情形</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="63"/>
        <source>Complete the inspection</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="93"/>
        <source>Complete and lock this record?</source>
        <translation>完成并锁定此记录？</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="97"/>
        <source>A completed record can never be changed; it is sealed, chained and uploaded to the central system today. Corrections are new records.</source>
        <translation>完成后的记录不可更改：记录将被封存、加入证据链，并于当日上传至中心系统。如需更正，须另建更正记录。</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="148"/>
        <source>Completed and received by the central system.</source>
        <translation>已完成，中心系统已接收。</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="148"/>
        <source>Completed and locked. It is uploaded as soon as there is a network.</source>
        <translation>已完成并锁定，有网络时将立即上传。</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="149"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="161"/>
        <source>This record corrects %1. Reason: %2</source>
        <translation>本记录更正 %1。更正理由：%2</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="177"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="181"/>
        <source>Checkpoints answered</source>
        <translation>已答检查点</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="182"/>
        <source>%1 (required: %2 of %3)</source>
        <translation>%1（必填：%2/%3）</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="186"/>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="192"/>
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="197"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="202"/>
        <source>Inspection day</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="207"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="208"/>
        <source>(device clock, not synced)</source>
        <translation>（设备时钟，未与服务器校时）</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="213"/>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="221"/>
        <source>Not published: %1</source>
        <translation>不予公开：%1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="227"/>
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="228"/>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="228"/>
        <source>NOT verified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="220"/>
        <location filename="../../qml/complete/CompletePage.qml" line="424"/>
        <source>Publication</source>
        <translation>公开</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="429"/>
        <source>Public text</source>
        <translation>公开内容</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="430"/>
        <source>Not published</source>
        <translation>不予公开</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="444"/>
        <source>Why not published</source>
        <translation>不予公开的理由</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="451"/>
        <source>Publish by</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="452"/>
        <source>(provisional: holiday calendar not yet published)</source>
        <translation>（暂定：节假日安排尚未公布）</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="241"/>
        <source>Off-site inspection</source>
        <translation>非现场检查</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="241"/>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="49"/>
        <source>does not count</source>
        <translation>不计入</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="252"/>
        <source>%1 certified officer(s) present</source>
        <translation>持证执法人员在场 %1 名</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="261"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="297"/>
        <source>Online monitoring data</source>
        <translation>在线监控数据</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="300"/>
        <source>Drone patrol</source>
        <translation>无人机巡查</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="303"/>
        <source>Document review</source>
        <translation>资料审查</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="334"/>
        <source>Outcome</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="339"/>
        <source>No problem found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="342"/>
        <source>Problem found, rectification ordered</source>
        <translation>发现问题，已责令整改</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="345"/>
        <source>Violation found, case opened</source>
        <translation>发现违法行为，已立案调查</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="357"/>
        <source>A checkpoint failed, so &quot;no problem found&quot; is not possible.</source>
        <translation>有检查点不合格，不能选择“未发现问题”。</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="364"/>
        <source>Published as:</source>
        <translation>公开表述：</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="375"/>
        <source>Published as: %1</source>
        <translation>公开表述：%1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="380"/>
        <source>Do not publish the result (secrecy, national or public security)</source>
        <translation>不予公开（涉及保密、国家安全、公共安全）</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="389"/>
        <source>Legal ground (required)</source>
        <translation>不予公开的法定依据（必选）</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="408"/>
        <source>Reason it is not published</source>
        <translation>不予公开的理由</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="437"/>
        <source>Legal ground</source>
        <translation>不予公开的依据</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="456"/>
        <source>Results are made public within 20 working days of the inspection (official holidays and make-up working days counted).</source>
        <translation>检查结果应在检查完成后 20 个工作日内公开（按法定节假日和调休工作日计算）。</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="464"/>
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="464"/>
        <source>Inspection record (PDF)</source>
        <translation>现场检查笔录（PDF）</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="472"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="473"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="486"/>
        <source>Correct this record…</source>
        <translation>更正本记录…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/complete/CompletePage.qml" line="505"/>
        <source>%n thing(s) to fix before completing</source>
        <translation>
            <numerusform>完成前还需处理 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="505"/>
        <source>Ready to complete</source>
        <translation>可以完成</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="519"/>
        <source>Complete and lock</source>
        <translation>完成并锁定</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="466"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CompletePage.qml" line="121"/>
        <source>Save the inspection record</source>
        <translation>保存现场检查笔录</translation>
    </message>
</context>
<context>
    <name>ContinueCard</name>
    <message>
        <location filename="../../qml/today/ContinueCard.qml" line="41"/>
        <source>Continue: %1 %2/%3</source>
        <translation>继续：%1 %2/%3</translation>
    </message>
    <message>
        <location filename="../../qml/today/ContinueCard.qml" line="49"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../qml/today/ContinueCard.qml" line="50"/>
        <source>Continue: %1</source>
        <translation>继续：%1</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../../qml/complete/CorrectDialog.qml" line="16"/>
        <source>Correct this record?</source>
        <translation>更正本记录？</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CorrectDialog.qml" line="26"/>
        <source>A completed record never changes. The correction is a new record, filled in from this one, that you edit, complete and upload; this record stays as it is, and both are kept.</source>
        <translation>已完成的记录不可更改。更正是一条新记录，按本记录预先填好，由您修改、完成并上传；本记录保持原样，两条记录都会保留。</translation>
    </message>
    <message>
        <location filename="../../qml/complete/CorrectDialog.qml" line="33"/>
        <source>What was wrong (required)</source>
        <translation>错在哪里（必填）</translation>
    </message>
</context>
<context>
    <name>DrawChecks</name>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="197"/>
        <source>The seed matches the commitment published before the draw.</source>
        <translation>随机种子与抽取前公布的承诺值一致。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="198"/>
        <source>Targets and teams recomputed on this tablet are the ones the central system drew.</source>
        <translation>本平板重新计算出的检查对象和检查组与中心系统抽取的结果一致。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="200"/>
        <source>Each seed party&apos;s revealed seed matches the commitment it handed in before publication.</source>
        <translation>各种子方公开的种子均与其在计划公布前提交的承诺值一致。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="202"/>
        <source>The seed combines every party&apos;s seed, so no single body chose it.</source>
        <translation>随机种子由各方种子合成，任何单一机构都无法选定。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="204"/>
        <source>Candidates, inspector pool and conflicts are the lists frozen when the plan was published.</source>
        <translation>备选对象、检查人员库和回避关系均为计划公布时冻结的名单。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="206"/>
        <source>The draw ran after the plan was published, under the id fixed then.</source>
        <translation>抽取在计划公布之后进行，使用公布时确定的抽取编号。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="208"/>
        <source>The re-draw&apos;s link hashes back to the chain the plan committed to, and the public log lists it.</source>
        <translation>重新抽取所用的链值可逐级哈希回计划承诺的链首，且已列入公开日志。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="210"/>
        <source>Only drawn members of the team were excluded, and earlier exclusions of this target still apply.</source>
        <translation>仅排除了本组中抽取产生的成员，且此前对该对象的排除仍然有效。</translation>
    </message>
</context>
<context>
    <name>FiAppBar</name>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="54"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="87"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/components/FiAppBar.qml" line="87"/>
        <source>%n to upload</source>
        <translation>
            <numerusform>%n 条待上传</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="87"/>
        <source>All uploaded</source>
        <translation>全部已上传</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/components/FiAppBar.qml" line="87"/>
        <source>%n unsent</source>
        <translation>
            <numerusform>%n 份未上传</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="87"/>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="87"/>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="99"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="99"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="109"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="135"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="140"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="145"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiAppBar.qml" line="150"/>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
</context>
<context>
    <name>FiCategoryBadge</name>
    <message>
        <location filename="../../qml/components/FiCategoryBadge.qml" line="8"/>
        <source>Key</source>
        <translation>重点</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiCategoryBadge.qml" line="8"/>
        <source>Special</source>
        <translation>特殊</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiCategoryBadge.qml" line="8"/>
        <source>General</source>
        <translation>一般</translation>
    </message>
</context>
<context>
    <name>FiPassFailButtons</name>
    <message>
        <location filename="../../qml/components/FiPassFailButtons.qml" line="79"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiPassFailButtons.qml" line="88"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiPassFailButtons.qml" line="97"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>FiStateBadge</name>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="11"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="13"/>
        <source>Completed, not uploaded</source>
        <translation>已完成，待上传</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="15"/>
        <source>Uploaded</source>
        <translation>已上传</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="17"/>
        <source>Uploaded late</source>
        <translation>逾期上传</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="19"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="21"/>
        <source>Waiting to upload</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="23"/>
        <source>Uploading photos</source>
        <translation>正在上传照片</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="25"/>
        <source>Refused: needs attention</source>
        <translation>被拒收，需处理</translation>
    </message>
    <message>
        <location filename="../../qml/components/FiStateBadge.qml" line="27"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../../qml/checklist/FindingDialog.qml" line="24"/>
        <source>Finding</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/FindingDialog.qml" line="52"/>
        <source>Describe what is wrong: what, where, how much. This text goes to the central system with the record.</source>
        <translation>请描述存在的问题：是什么、在哪里、程度如何。此内容将随记录上报中心系统。</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/FindingDialog.qml" line="64"/>
        <source>e.g. the outfall has no sign board</source>
        <translation>例如：废水排放口未设置标识牌</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/FindingDialog.qml" line="70"/>
        <source>Description of the finding</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/FindingDialog.qml" line="82"/>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/FindingDialog.qml" line="97"/>
        <source>Done</source>
        <translation>完成</translation>
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
        <translation>必填项已答 %1/%2</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/ItemHeaderDelegate.qml" line="57"/>
        <source>Legal basis: %1</source>
        <translation>法律依据：%1</translation>
    </message>
</context>
<context>
    <name>ItemIndex</name>
    <message>
        <location filename="../../qml/checklist/ItemIndex.qml" line="27"/>
        <source>%1 of %2 required answered</source>
        <translation>必填项已答 %1/%2</translation>
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
        <translation>现场执法检查</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../../qml/checklist/editors/NumberEditor.qml" line="31"/>
        <source>Decrease: %1</source>
        <translation>减少：%1</translation>
    </message>
    <message>
        <location filename="../../qml/checklist/editors/NumberEditor.qml" line="63"/>
        <source>Increase: %1</source>
        <translation>增加：%1</translation>
    </message>
</context>
<context>
    <name>OutboxDelegate</name>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="47"/>
        <source>Inspected %1</source>
        <translation>检查于 %1</translation>
    </message>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="47"/>
        <source>received %1</source>
        <translation>接收于 %1</translation>
    </message>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="55"/>
        <source>Central system: %1</source>
        <translation>中心系统：%1</translation>
    </message>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="86"/>
        <source>Photos: %1</source>
        <translation>照片：%1</translation>
    </message>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="96"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="96"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../qml/sync/OutboxDelegate.qml" line="96"/>
        <source>View</source>
        <translation>查看</translation>
    </message>
</context>
<context>
    <name>PhotoDelegate</name>
    <message>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="46"/>
        <source>Open photo: %1</source>
        <translation>打开照片：%1</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="62"/>
        <source>Delete photo: %1</source>
        <translation>删除照片：%1</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="79"/>
        <source>Imported: taken on another day</source>
        <translation>导入：非检查当日拍摄</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="79"/>
        <source>Imported: no time in the file</source>
        <translation>导入：文件中无拍摄时间</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="46"/>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="62"/>
        <location filename="../../qml/photos/PhotoDelegate.qml" line="68"/>
        <source>General</source>
        <translation>一般</translation>
    </message>
</context>
<context>
    <name>PhotoViewerPage</name>
    <message>
        <location filename="../../qml/photos/PhotoViewerPage.qml" line="14"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>PhotosPage</name>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="33"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="44"/>
        <source>Import a photo</source>
        <translation>导入照片</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="45"/>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="53"/>
        <source>Delete this photo?</source>
        <translation>删除这张照片？</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="57"/>
        <source>The photo is removed from this draft and from the tablet.</source>
        <translation>照片将从本草稿和平板中删除。</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="95"/>
        <source>New photos are for:</source>
        <translation>新照片用于：</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="105"/>
        <source>New photos are for</source>
        <translation>新照片用于</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="125"/>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="131"/>
        <source>Import from file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <location filename="../../qml/photos/PhotosPage.qml" line="179"/>
        <source>No photos yet.</source>
        <translation>暂无照片。</translation>
    </message>
</context>
<context>
    <name>ProblemDelegate</name>
    <message>
        <location filename="../../qml/complete/ProblemDelegate.qml" line="30"/>
        <source>Go there</source>
        <translation>前往</translation>
    </message>
    <message>
        <location filename="../../qml/complete/ProblemDelegate.qml" line="31"/>
        <source>Go there: %1</source>
        <translation>前往：%1</translation>
    </message>
</context>
<context>
    <name>RedrawPage</name>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="33"/>
        <source>Ask for a new draw</source>
        <translation>申请重新抽取</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="63"/>
        <source>Targets and inspectors are drawn at random and must not be swapped. Only the central system can draw again; the old assignment is then revoked and its drafts are kept, frozen.</source>
        <translation>检查对象和检查人员均为随机抽取，不得随意调换。只有中心系统可以重新抽取；原任务随即撤销，其草稿冻结保留。</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="68"/>
        <source>The central system is not reachable. A new draw needs the network; nothing was changed.</source>
        <translation>无法连接中心系统。重新抽取需要网络；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="79"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="84"/>
        <source>Conflict of interest (回避)</source>
        <translation>需回避（利益冲突）</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="87"/>
        <source>A team member is absent</source>
        <translation>检查组成员无法到场</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="90"/>
        <source>Other (say why in the note)</source>
        <translation>其他（请在备注中说明）</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="104"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="104"/>
        <source>Note (required: say why)</source>
        <translation>备注（必填：说明原因）</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="109"/>
        <source>A re-draw for another reason needs a note saying what it is.</source>
        <translation>因其他原因申请重新抽取，须在备注中说明具体原因。</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="112"/>
        <source>Must not be drawn again</source>
        <translation>不得再次抽中</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="119"/>
        <source>Only members the draw put on this team can be excluded; each re-draw takes the next number of the plan&apos;s public log, with its reason.</source>
        <translation>只能排除抽取进入本组的成员；每次重新抽取都按顺序记入计划的公开日志，并注明原因。</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="135"/>
        <source>Asking the central system…</source>
        <translation>正在请求中心系统…</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="135"/>
        <source>Ask the central system to draw again</source>
        <translation>请中心系统重新抽取</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="151"/>
        <source>The central system drew a new team</source>
        <translation>中心系统已重新抽取检查组</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="155"/>
        <source>New assignment</source>
        <translation>新任务</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="156"/>
        <source>revision %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="160"/>
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="161"/>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="161"/>
        <source>NOT verified</source>
        <translation>未验证</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/redraw/RedrawPage.qml" line="167"/>
        <source>%n draft(s) of the old assignment were frozen and kept.</source>
        <translation>
            <numerusform>原任务的 %n 份草稿已冻结保留。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/redraw/RedrawPage.qml" line="177"/>
        <source>Back to Today</source>
        <translation>返回今日任务</translation>
    </message>
</context>
<context>
    <name>SameDayCard</name>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="36"/>
        <source>Everything recorded is uploaded.</source>
        <translation>所有记录均已上传。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/today/SameDayCard.qml" line="36"/>
        <source>%n record(s) not yet uploaded</source>
        <translation>
            <numerusform>%n 条记录尚未上传</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="44"/>
        <source>Same-day upload: %1 h %2 min left until 24:00.</source>
        <translation>当日上传：距 24:00 还剩 %1 小时 %2 分。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/today/SameDayCard.qml" line="46"/>
        <source>%n of today&apos;s record(s) still on the tablet.</source>
        <translation>
            <numerusform>今日有 %n 条记录仍在平板上。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/today/SameDayCard.qml" line="48"/>
        <source>%n of them not yet completed: complete them to send them.</source>
        <translation>
            <numerusform>其中 %n 条尚未完成：完成后才能上传。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/today/SameDayCard.qml" line="50"/>
        <source>%n record(s) from earlier days will be marked late.</source>
        <translation>
            <numerusform>以前日期的 %n 条记录将被标记为逾期上传。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/today/SameDayCard.qml" line="52"/>
        <source>%n record(s) refused: open Sync.</source>
        <translation>
            <numerusform>%n 条记录被拒收：请打开同步页面。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="69"/>
        <source>%1 h %2 min left today</source>
        <translation>今天还剩 %1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="73"/>
        <source>left until 24:00</source>
        <translation>距 24:00 剩余</translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="82"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="82"/>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="88"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../qml/today/SameDayCard.qml" line="88"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="12"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="31"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="54"/>
        <source>Photo size</source>
        <translation>照片尺寸</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="59"/>
        <source>Standard: longest side 2048 px (about 0.5–1 MB a photo)</source>
        <translation>标准：长边 2048 像素（每张约 0.5–1 MB）</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="66"/>
        <source>Detail: longest side 3072 px (larger uploads)</source>
        <translation>细节：长边 3072 像素（上传量更大）</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="80"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="86"/>
        <source>Remind me at (Beijing time, HH:MM, while something of today is not uploaded)</source>
        <translation>提醒时间（北京时间，时:分；当天仍有记录未上传时提醒）</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="105"/>
        <source>Times as HH:MM, separated by commas, e.g. 21:00, 23:00.</source>
        <translation>请按 时:分 填写，用逗号分隔，例如 21:00, 23:00。</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="116"/>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="123"/>
        <source>Outdoor: high contrast for sunlight</source>
        <translation>户外：强光下的高对比度</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="136"/>
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="146"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="156"/>
        <source>The device&apos;s own text size (%1 %) applies on top of this, up to 150 % in all.</source>
        <translation>设备自身的字体大小（%1 %）在此基础上叠加，合计最大 150 %。</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="170"/>
        <source>Central system</source>
        <translation>中心系统</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="174"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="180"/>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="186"/>
        <source>Key pin</source>
        <translation>公钥指纹</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="191"/>
        <source>Signed in as</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="203"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="207"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="212"/>
        <source>Data location</source>
        <translation>数据位置</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="217"/>
        <source>Records and photos are encrypted on the tablet (SQLCipher); the key is unlocked with your PIN.</source>
        <translation>记录和照片在平板上加密存储（SQLCipher），密钥由您的 PIN 解锁。</translation>
    </message>
    <message>
        <location filename="../../qml/settings/SettingsPage.qml" line="230"/>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../qml/account/SignInDialog.qml" line="11"/>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInDialog.qml" line="30"/>
        <source>Your session with the central system has ended. Sign in as %1 to upload again; nothing on the tablet was lost.</source>
        <translation>您与中心系统的会话已结束。请以 %1 身份重新登录以继续上传；平板上的数据均未丢失。</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInDialog.qml" line="36"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInDialog.qml" line="43"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="130"/>
        <source>This tablet has no security chip the app can use, so your records are protected by a passphrase alone. Choose one of at least 12 characters mixing three kinds (lower-case letters, capitals, digits, other signs), or of at least 20 characters mixing two.</source>
        <translation>本平板没有可供应用使用的安全芯片，您的记录仅由口令保护。请设置至少 12 个字符并包含三类字符（小写字母、大写字母、数字、其他符号）的口令，或至少 20 个字符并包含两类字符。</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="138"/>
        <source>New passphrase (at least 12 characters)</source>
        <translation>新口令（至少 12 个字符）</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="146"/>
        <source>The same passphrase again</source>
        <translation>再次输入相同的口令</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="156"/>
        <source>Set the passphrase and open</source>
        <translation>设置口令并打开</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="13"/>
        <source>Set up this tablet</source>
        <translation>设置本平板</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="29"/>
        <source>Field inspection</source>
        <translation>现场执法检查</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="37"/>
        <source>Step 2 of 2: choose the PIN that unlocks this tablet, also without network.</source>
        <translation>第 2 步（共 2 步）：设置解锁本平板的 PIN，无网络时也可使用。</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="37"/>
        <source>Step 1 of 2: sign in with your account of the central system. The tablet needs the network this first time.</source>
        <translation>第 1 步（共 2 步）：使用中心系统账号登录。首次使用需要联网。</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="55"/>
        <source>Central system address</source>
        <translation>中心系统地址</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="63"/>
        <source>Security settings of the server (CA file, key pin)</source>
        <translation>服务器安全设置（CA 文件、公钥指纹）</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="70"/>
        <source>CA certificate file (PEM)</source>
        <translation>CA 证书文件（PEM）</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="77"/>
        <source>Public-key pin (sha256//…)</source>
        <translation>公钥指纹（sha256//…）</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="84"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="91"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="100"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="122"/>
        <source>Signed in as %1 (%2).</source>
        <translation>已登录：%1（%2）。</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="138"/>
        <source>New PIN (at least 6 characters)</source>
        <translation>新 PIN（至少 6 位）</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="146"/>
        <source>The same PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
    <message>
        <location filename="../../qml/account/SignInPage.qml" line="156"/>
        <source>Set the PIN and open</source>
        <translation>设置 PIN 并进入</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="39"/>
        <source>Signature of %1</source>
        <translation>%1 签名</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="39"/>
        <source>Signature of the inspected unit&apos;s representative</source>
        <translation>被检查单位负责人签名</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="39"/>
        <source>The representative refused to sign</source>
        <translation>被检查单位负责人拒绝签名</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="64"/>
        <source>Write down why the person in charge of the unit refused to sign, as you saw it. The refusal is part of the sealed record.</source>
        <translation>请如实记录被检查单位负责人拒绝签名的理由。拒签情况将封存在记录中。</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="64"/>
        <source>The signature is sealed into the record with its time; it cannot be changed after the record is completed.</source>
        <translation>签名连同签署时间封存在记录中，记录完成后不能更改。</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="71"/>
        <source>Name (required)</source>
        <translation>姓名（必填）</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="78"/>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="85"/>
        <source>Why they refused (required)</source>
        <translation>拒签理由（必填）</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="105"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="114"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="120"/>
        <source>Record the refusal</source>
        <translation>记录拒签</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureDialog.qml" line="120"/>
        <source>Keep the signature</source>
        <translation>保存签名</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../qml/complete/SignaturePad.qml" line="28"/>
        <source>Signature pad: sign here with a finger or stylus</source>
        <translation>签名板：请用手指或触控笔在此签名</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignaturePad.qml" line="33"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
</context>
<context>
    <name>SignatureRows</name>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="41"/>
        <source>Representative: %1 %2</source>
        <translation>单位负责人：%1 %2</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="41"/>
        <source>Representative of the inspected unit</source>
        <translation>被检查单位负责人</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="49"/>
        <source>Refused to sign: %1</source>
        <translation>拒绝签名：%1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="49"/>
        <source>Signed %1</source>
        <translation>已签名 %1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="49"/>
        <source>Not signed yet</source>
        <translation>尚未签名</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="56"/>
        <source>Sign again</source>
        <translation>重新签名</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="56"/>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="57"/>
        <source>representative</source>
        <translation>单位负责人</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignatureRows.qml" line="65"/>
        <source>Refused…</source>
        <translation>拒签…</translation>
    </message>
</context>
<context>
    <name>SignaturesCard</name>
    <message>
        <location filename="../../qml/complete/SignaturesCard.qml" line="19"/>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../qml/complete/SignaturesCard.qml" line="27"/>
        <source>Before completing: each inspector present signs, and so does the person in charge of the unit — or you record their refusal and why.</source>
        <translation>完成前：每名在场检查人员签名，被检查单位负责人也签名；如其拒签，须记录拒签理由。</translation>
    </message>
</context>
<context>
    <name>StartInspectionDialog</name>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="36"/>
        <source>Start the inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="82"/>
        <source>Who of the drawn team is here? At least two officers with an enforcement certificate must be present.</source>
        <translation>抽中的检查组成员中谁在现场？至少须有两名持执法证的人员在场。</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="25"/>
        <source>does not count</source>
        <translation>不计入</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="66"/>
        <source>The draw is not verified on this tablet.</source>
        <translation>本平板未能核验此次抽取。</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="73"/>
        <source>I have read this: the record will say that the draw was not verified.</source>
        <translation>我已知悉：检查记录将注明抽取未经核验。</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="94"/>
        <source>%1 certified officer(s) present</source>
        <translation>持证执法人员在场 %1 名</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="101"/>
        <source>Location: %1</source>
        <translation>位置：%1</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="101"/>
        <source>(simulated)</source>
        <translation>（模拟）</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="101"/>
        <source>Waiting for a position fix; it is added to the record as soon as there is one.</source>
        <translation>正在等待定位；定位成功后将自动记入记录。</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="101"/>
        <source>No position source: %1</source>
        <translation>无定位来源：%1</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="109"/>
        <source>This target is inspected off site. How?</source>
        <translation>该对象采用非现场检查，检查方式为？</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="115"/>
        <source>Online monitoring data</source>
        <translation>在线监控数据</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="118"/>
        <source>Drone patrol</source>
        <translation>无人机巡查</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="121"/>
        <source>Document review</source>
        <translation>资料审查</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="138"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../qml/target/StartInspectionDialog.qml" line="145"/>
        <source>Start now</source>
        <translation>立即开始</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="23"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="63"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="64"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="74"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="84"/>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="89"/>
        <source>Report due</source>
        <translation>报送期限</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="94"/>
        <source>Counted from the assignments and records on this tablet and the receipts of the central system. Figures only the central system knows are marked as not known here.</source>
        <translation>根据本机保存的抽查任务、检查记录及中心系统的接收回执统计。只有中心系统才掌握的数字标注为“本机无法得知”。</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="103"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="113"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="107"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="117"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../qml/statistics/StatisticsPage.qml" line="38"/>
        <source>Save the statistics table</source>
        <translation>保存统计表</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="15"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="16"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="16"/>
        <source>Offline: records wait on the tablet</source>
        <translation>离线：记录暂存在平板上</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="44"/>
        <source>Today %1</source>
        <translation>今日 %1</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="48"/>
        <source>Not yet uploaded</source>
        <translation>尚未上传</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="49"/>
        <source>%1 (today: %2, from earlier days: %3, refused: %4)</source>
        <translation>%1（今日：%2，以前日期：%3，被拒收：%4）</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="56"/>
        <source>Not yet completed</source>
        <translation>尚未完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/sync/SyncPage.qml" line="57"/>
        <source>%n of today&apos;s inspection(s): complete them to send them</source>
        <translation>
            <numerusform>今日 %n 条检查：完成后才能上传</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="62"/>
        <source>Photos left</source>
        <translation>待传照片</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="67"/>
        <source>Time left today</source>
        <translation>今日剩余时间</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="68"/>
        <source>%1 h %2 min until 24:00 (UTC+08:00)</source>
        <translation>距 24:00 还剩 %1 小时 %2 分（北京时间）</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="80"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="81"/>
        <source>central system reachable</source>
        <translation>可连接中心系统</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="81"/>
        <source>central system not reachable</source>
        <translation>无法连接中心系统</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="86"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="87"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="91"/>
        <source>Server time</source>
        <translation>服务器时间</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="92"/>
        <source>the tablet&apos;s clock is %1 s off the server&apos;s</source>
        <translation>平板时钟与服务器相差 %1 秒</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="92"/>
        <source>not synced yet: times come from the tablet&apos;s clock</source>
        <translation>尚未校时：时间取自平板时钟</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="114"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="114"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="128"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../qml/sync/SyncPage.qml" line="145"/>
        <source>No records on this tablet yet.</source>
        <translation>平板上暂无记录。</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="20"/>
        <source>Assignment</source>
        <translation>检查任务</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="78"/>
        <source>Off-site</source>
        <translation>非现场</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="78"/>
        <source>On-site</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="94"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="99"/>
        <source>Check digit OK</source>
        <translation>校验位正确</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="99"/>
        <source>Check digit wrong</source>
        <translation>校验位错误</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="110"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="115"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="120"/>
        <source>District</source>
        <translation>辖区</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="125"/>
        <source>Window</source>
        <translation>检查期限</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="147"/>
        <source>Inspection items</source>
        <translation>抽查事项</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="163"/>
        <source>Legal basis: %1</source>
        <translation>法律依据：%1</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="172"/>
        <source>Not in the catalogue on this tablet: %1. Sync before inspecting.</source>
        <translation>平板上的事项清单中没有：%1。请先同步再检查。</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="177"/>
        <source>Joint departments</source>
        <translation>联合检查部门</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="203"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="216"/>
        <source>Start the inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="225"/>
        <source>Continue the inspection</source>
        <translation>继续检查</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="232"/>
        <source>View the record</source>
        <translation>查看记录</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="239"/>
        <source>Ask for a new draw…</source>
        <translation>申请重新抽取…</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="245"/>
        <source>This assignment was revoked by a re-draw.</source>
        <translation>该任务已因重新抽取而撤销。</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="263"/>
        <source>Random draw</source>
        <translation>随机抽取</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="267"/>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="267"/>
        <source>Not verified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="274"/>
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="280"/>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="286"/>
        <source>Recomputed on this tablet from the published seed: this target and this team are what the central system drew.</source>
        <translation>已在本平板上根据公布的随机种子重新计算：该检查对象和检查组正是中心系统抽取的结果。</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="297"/>
        <source>Seed party</source>
        <translation>种子方</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="317"/>
        <source>Re-draws of this target</source>
        <translation>该对象的重新抽取记录</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="325"/>
        <source>No. %1 · %2 → %3 · reason: %4%5 · excluded: %6 · asked by %7 at %8</source>
        <translation>第 %1 次 · %2 → %3 · 原因：%4%5 · 排除：%6 · 申请人 %7，时间 %8</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="325"/>
        <source>conflict of interest</source>
        <translation>回避</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="325"/>
        <source>absence</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="325"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="325"/>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="340"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="340"/>
        <source>Sync and check again</source>
        <translation>同步并重新核验</translation>
    </message>
    <message>
        <location filename="../../qml/target/TargetPage.qml" line="360"/>
        <source>Team (drawn)</source>
        <translation>检查组（随机抽取）</translation>
    </message>
</context>
<context>
    <name>TeamMemberDelegate</name>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="16"/>
        <source>Leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="16"/>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="16"/>
        <source>Member</source>
        <translation>组员</translation>
    </message>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="24"/>
        <source>(you)</source>
        <translation>（本人）</translation>
    </message>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="30"/>
        <source>Certificate %1</source>
        <translation>执法证号 %1</translation>
    </message>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="30"/>
        <source>Third-party expert, no certificate</source>
        <translation>第三方专家，无执法证</translation>
    </message>
    <message>
        <location filename="../../qml/target/TeamMemberDelegate.qml" line="30"/>
        <source>No enforcement certificate</source>
        <translation>无执法证</translation>
    </message>
</context>
<context>
    <name>TextAnswerEditor</name>
    <message>
        <location filename="../../qml/checklist/editors/TextAnswerEditor.qml" line="24"/>
        <source>Write the answer</source>
        <translation>请填写</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="21"/>
        <source>Today</source>
        <translation>今日任务</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="22"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="50"/>
        <source>OK</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="63"/>
        <source>Your session with the central system has ended. Work goes on offline; sign in to upload.</source>
        <translation>您与中心系统的会话已结束。可继续离线工作；登录后即可上传。</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="64"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="83"/>
        <source>Search company, address, credit code, district, team</source>
        <translation>搜索企业名称、地址、信用代码、辖区、检查组</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="90"/>
        <location filename="../../qml/today/TodayPage.qml" line="108"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="93"/>
        <source>Key</source>
        <translation>重点</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="96"/>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="99"/>
        <source>Special</source>
        <translation>特殊</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="111"/>
        <source>To do</source>
        <translation>待检查</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="114"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="117"/>
        <source>Attention</source>
        <translation>需处理</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/today/TodayPage.qml" line="126"/>
        <source>%n assignment(s)</source>
        <translation>
            <numerusform>共 %n 项任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="126"/>
        <source>%1 of %2 assignments</source>
        <translation>%2 项任务中的 %1 项</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="142"/>
        <source>No assignments on this tablet yet. They arrive with the next sync.</source>
        <translation>平板上暂无任务，下次同步时获取。</translation>
    </message>
    <message>
        <location filename="../../qml/today/TodayPage.qml" line="142"/>
        <source>No assignment matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的任务。</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="54"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="12"/>
        <location filename="../../qml/account/UnlockPage.qml" line="64"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="28"/>
        <source>Field inspection</source>
        <translation>现场执法检查</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="36"/>
        <source>The data on this tablet is encrypted. Enter your PIN to open it.</source>
        <translation>本平板上的数据已加密。请输入 PIN 解锁。</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="54"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="64"/>
        <source>Wait %1 s</source>
        <translation>请等待 %1 秒</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/account/UnlockPage.qml" line="74"/>
        <source>%n wrong PIN(s) so far. After %1 more the tablet locks until you sign in online.</source>
        <translation>
            <numerusform>已输错 %n 次 PIN。再错 %1 次平板将锁定，需联网登录后才能解锁。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="91"/>
        <source>This tablet locked itself after 10 wrong PINs. Sign in online with the account that set it up; then unlock it with your PIN. Your records are kept.</source>
        <translation>连续 10 次 PIN 错误，平板已锁定。请使用设置本平板的账号联网登录，然后用 PIN 解锁。您的记录均已保留。</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="98"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="103"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../qml/account/UnlockPage.qml" line="109"/>
        <source>Sign in online</source>
        <translation>联网登录</translation>
    </message>
</context>
<context>
    <name>UserMessages</name>
    <message>
        <location filename="../../qml/usermessages.cpp" line="385"/>
        <source>The inspection day is not the day the inspection started. The central system would flag this record, so it cannot be completed: record the inspection on the day it takes place.</source>
        <translation>检查日期不是检查开始的日期。中央系统会标记此记录，因此不能完成：请在检查当天记录检查。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="391"/>
        <source>The record&apos;s times lie in the future of the tablet&apos;s trusted time. The central system would flag this record, so it cannot be completed: sync with the central system so the tablet knows the time, then try again.</source>
        <translation>记录的时间晚于平板的可信时间。中央系统会标记此记录，因此不能完成：请与中央系统同步以校准时间，然后重试。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="397"/>
        <source>The inspection day is outside the assignment&apos;s window. The central system would flag this record, so it cannot be completed: this assignment can only be inspected within its window.</source>
        <translation>检查日期不在该任务的检查期限内。中央系统会标记此记录，因此不能完成：该任务只能在其期限内检查。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="82"/>
        <source>This tablet has no security chip the app can use, so a PIN is not enough. Choose a passphrase of at least 12 characters mixing three kinds (lower-case letters, capitals, digits, other signs), or of at least 20 characters mixing two.</source>
        <translation>本平板没有可供应用使用的安全芯片，仅用 PIN 不够安全。请设置口令：至少 12 个字符并包含三类字符（小写字母、大写字母、数字、其他符号），或至少 20 个字符并包含两类字符。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="89"/>
        <source>The key file of this tablet was changed outside the app. The tablet stays locked: connect to the network and sign in with your account, or use the recovery code. Your records are kept.</source>
        <translation>本平板的密钥文件在应用之外被修改过。平板保持锁定：请联网并用您的账号登录，或使用恢复码。您的记录均已保留。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="95"/>
        <source>This data was set up on another device&apos;s security chip and cannot be opened on this tablet. Ask your administrator to set this tablet up; uploaded records are safe on the central system.</source>
        <translation>这些数据是在另一台设备的安全芯片上设置的，无法在本平板上打开。请联系管理员重新设置本平板；已上传的记录在中心系统中安全保存。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="101"/>
        <source>The security chip refuses PIN checks for now after too many wrong PINs. Wait a while and try again; no attempt was counted.</source>
        <translation>错误 PIN 次数过多，安全芯片暂时拒绝校验 PIN。请稍候再试；本次未计入尝试次数。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="35"/>
        <source>Wrong PIN. Try again. After 10 wrong PINs the tablet locks until you sign in online.</source>
        <translation>PIN 错误，请重试。连续 10 次错误后平板将锁定，需联网登录解锁。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="41"/>
        <source>Too many wrong PINs. Wait until the countdown ends, then try again.</source>
        <translation>PIN 错误次数过多。请等倒计时结束后再试。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="45"/>
        <source>This tablet locked itself after 10 wrong PINs. Connect to the network and sign in with your account to unlock it. Your records are kept.</source>
        <translation>连续 10 次 PIN 错误，平板已锁定。请联网并用您的账号登录以解锁。您的记录均已保留。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="51"/>
        <source>This PIN is too short. Choose a PIN of at least 6 characters.</source>
        <translation>PIN 太短。请设置至少 6 位的 PIN。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="55"/>
        <location filename="../../qml/usermessages.cpp" line="67"/>
        <source>This tablet belongs to another inspector. Sign in with the account that set it up.</source>
        <translation>本平板属于其他检查人员。请使用设置本平板的账号登录。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="61"/>
        <source>This signature cannot be taken: %1</source>
        <translation>无法签名：%1</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="63"/>
        <source>The signature could not be kept (%1). Clear the pad and sign again.</source>
        <translation>签名未能保存（%1）。请清除签名板后重新签名。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="73"/>
        <source>This tablet is already set up. Unlock it with your PIN.</source>
        <translation>本平板已设置，请用 PIN 解锁。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="76"/>
        <source>The key file of this tablet is damaged. Do not reset the tablet; contact your administrator.</source>
        <translation>本平板的密钥文件已损坏。请勿重置平板，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="106"/>
        <source>The data on this tablet is locked. Enter your PIN.</source>
        <translation>本平板上的数据已锁定。请输入 PIN。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="109"/>
        <source>Sign in online first, then choose a PIN.</source>
        <translation>请先联网登录，再设置 PIN。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="111"/>
        <source>Enter the central system&apos;s address (for example https://central.example/api/v1) and try again.</source>
        <translation>请输入中心系统地址（例如 https://central.example/api/v1）后重试。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="115"/>
        <location filename="../../qml/usermessages.cpp" line="121"/>
        <source>Your session with the central system has ended. Sign in again; nothing on the tablet was lost.</source>
        <translation>您与中心系统的会话已结束。请重新登录；平板上的数据均未丢失。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="127"/>
        <source>This item is no longer on the tablet. Go back to Today and pull the latest assignments.</source>
        <translation>平板上已没有该项。请返回今日任务并同步最新任务。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="132"/>
        <source>The user name or the password is wrong. Check both and try again.</source>
        <translation>用户名或密码错误。请检查后重试。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="136"/>
        <source>This account is locked after too many wrong passwords. Wait 15 minutes or ask your administrator to unlock it.</source>
        <translation>密码错误次数过多，账号已锁定。请等待 15 分钟或请管理员解锁。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="142"/>
        <location filename="../../qml/usermessages.cpp" line="148"/>
        <location filename="../../qml/usermessages.cpp" line="154"/>
        <location filename="../../qml/usermessages.cpp" line="160"/>
        <location filename="../../qml/usermessages.cpp" line="166"/>
        <location filename="../../qml/usermessages.cpp" line="172"/>
        <source>The central system cannot be reached. Check the network connection. Your work is kept on the tablet and is sent as soon as the network is back.</source>
        <translation>无法连接中心系统。请检查网络连接。您的工作已保存在平板上，网络恢复后将立即发送。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="178"/>
        <source>The central system&apos;s certificate was refused, so nothing was sent. Check the server settings (CA file or key pin) with your administrator.</source>
        <translation>中心系统的证书未通过验证，未发送任何数据。请与管理员核对服务器设置（CA 文件或公钥指纹）。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="184"/>
        <source>This server address is not allowed. Use an https:// address (http:// only for a test server on this computer).</source>
        <translation>不允许使用该服务器地址。请使用 https:// 地址（http:// 仅限本机上的测试服务器）。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="189"/>
        <source>The central system&apos;s answer was too large to accept. Tell your administrator.</source>
        <translation>中心系统的响应过大，无法接收。请告知管理员。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="194"/>
        <source>The request was cancelled. Try again.</source>
        <translation>请求已取消。请重试。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="196"/>
        <source>Only the team leader of this assignment can ask for a new draw.</source>
        <translation>只有该任务的检查组组长才能申请重新抽取。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="200"/>
        <location filename="../../qml/usermessages.cpp" line="206"/>
        <source>This assignment was revoked by a re-draw. Pull the latest assignments and use the new one.</source>
        <translation>该任务已因重新抽取而撤销。请同步最新任务并使用新任务。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="212"/>
        <source>An inspection of this assignment was already recorded, so this is no longer possible.</source>
        <translation>该任务已有检查记录，无法再进行此操作。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="218"/>
        <source>The record this correction corrects was already corrected by another version (on another tablet, perhaps). This correction is kept here but the central system will not take it: open the assignment&apos;s newest version and correct that one.</source>
        <translation>本更正所更正的记录已被另一版本更正（可能在另一台平板上）。本更正保留在平板上，但中心系统不会接收：请打开该任务的最新版本，更正那一条。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="225"/>
        <source>This version was already corrected. Open the newest version and correct that one.</source>
        <translation>此版本已被更正。请打开最新版本并更正那一条。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="230"/>
        <source>Only a completed record that the central system did not refuse can be corrected.</source>
        <translation>只有已完成且未被中心系统拒收的记录才能更正。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="235"/>
        <source>The photo was not imported: the tablet is almost full. Upload your records, free some space, then try again.</source>
        <translation>照片未导入：平板存储空间不足。请上传记录、释放空间后重试。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="241"/>
        <source>This file is not a picture the app can read. Choose a JPEG or PNG photo.</source>
        <translation>该文件不是本应用可读取的图片。请选择 JPEG 或 PNG 照片。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="245"/>
        <source>Only a completed record has an inspection record. Complete it first.</source>
        <translation>只有已完成的记录才能生成现场检查笔录。请先完成检查记录。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="249"/>
        <source>This record is not on the tablet. Go back to Today and open it again.</source>
        <translation>本机上没有这份记录。请返回“今日”页面重新打开。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="253"/>
        <location filename="../../qml/usermessages.cpp" line="259"/>
        <source>The PDF could not be made (%1). Try again; if it keeps failing, contact your administrator.</source>
        <translation>无法生成 PDF（%1）。请重试；如仍失败，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="265"/>
        <source>A file could not be written: %1 Check the free storage and try again.</source>
        <translation>无法写入文件：%1 请检查可用存储空间后重试。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="269"/>
        <source>No camera is available on this device. Import a photo from a file instead.</source>
        <translation>本设备没有可用的相机。请改为从文件导入照片。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="274"/>
        <location filename="../../qml/usermessages.cpp" line="279"/>
        <location filename="../../qml/usermessages.cpp" line="284"/>
        <location filename="../../qml/usermessages.cpp" line="289"/>
        <source>The data on this tablet could not be opened (%1). Do not reset the tablet; contact your administrator.</source>
        <translation>无法打开本平板上的数据（%1）。请勿重置平板，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="294"/>
        <source>The tablet&apos;s storage is full. Free some space; nothing was lost.</source>
        <translation>平板存储空间已满。请释放空间；数据未丢失。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="298"/>
        <source>The central system refused the record as too large (texts up to 4,000 characters, photos up to 25 MiB, at most 200 photos).</source>
        <translation>中心系统因记录过大而拒收（文字不超过 4,000 字，照片不超过 25 MiB，最多 200 张照片）。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="303"/>
        <location filename="../../qml/usermessages.cpp" line="309"/>
        <source>The central system refused this record (%1): %2 Keep the tablet as it is and contact your administrator.</source>
        <translation>中心系统拒收此记录（%1）：%2 请保持平板现状并联系管理员。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="350"/>
        <source>Signatures are missing or out of place. Each inspector present signs; the inspected unit&apos;s representative signs too, or you record their refusal with the reason.</source>
        <translation>签名缺失或有误：每名在场检查人员须签名，被检查单位负责人也须签名，或记录其拒签及理由。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="369"/>
        <source>A result kept from publication needs its legal ground: a state secret, national security, public safety, or another case the law excludes from publication. Choose the ground, or publish the result.</source>
        <translation>不予公开的结果须选择法定依据：涉及国家秘密、涉及国家安全、涉及公共安全，或法律明确不予公开公示的其他情形。请选择依据，或改为公开。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="484"/>
        <source>Something went wrong (%1). Try again; if it keeps happening, contact your administrator.</source>
        <translation>出现错误（%1）。请重试；如仍出现，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="487"/>
        <source>Something went wrong: %1 Try again; if it keeps happening, contact your administrator.</source>
        <translation>出现错误：%1 请重试；如仍出现，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="320"/>
        <source>A required checkpoint has no answer. Answer it.</source>
        <translation>有必填检查点未作答。请作答。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="323"/>
        <source>A failed checkpoint has no finding. Describe what is wrong.</source>
        <translation>有不合格检查点未填写发现的问题。请描述存在的问题。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="327"/>
        <source>A finding has no description. Describe what is wrong.</source>
        <translation>有发现的问题未填写描述。请描述存在的问题。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="330"/>
        <source>A failed checkpoint needs photo evidence. Take or import a photo for its finding.</source>
        <translation>有不合格检查点需要照片证据。请为该问题拍摄或导入照片。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="335"/>
        <source>A finding cites a photo that is not part of the record. Take the photo again.</source>
        <translation>有问题引用了不属于本记录的照片。请重新拍摄。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="340"/>
        <source>A record may hold at most 200 photos. Delete some.</source>
        <translation>每条记录最多 200 张照片。请删除部分照片。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="343"/>
        <source>A photo is larger than 25 MiB. Delete it and take it again.</source>
        <translation>有照片超过 25 MiB。请删除后重新拍摄。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="347"/>
        <source>A text is longer than 4,000 characters. Shorten it.</source>
        <translation>有文字超过 4,000 字。请精简。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="356"/>
        <source>Choose the outcome of the inspection.</source>
        <translation>请选择检查结果。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="358"/>
        <source>A checkpoint failed, so the outcome cannot be &quot;no problem found&quot;. Choose &quot;rectification ordered&quot; or &quot;case opened&quot;.</source>
        <translation>有检查点不合格，检查结果不能为“未发现问题”。请选择“发现问题已责令整改”或“发现违法行为已立案调查”。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="363"/>
        <source>A result kept from publication needs its reason. Give the reason, or publish the result.</source>
        <translation>不予公开的结果须说明理由。请填写理由，或改为公开。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="375"/>
        <source>An on-site inspection needs at least two officers of the team with an enforcement certificate marked present. Experts do not count.</source>
        <translation>现场检查须至少有两名持执法证的检查组成员被标记为在场。专家不计入。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="380"/>
        <source>The place of the on-site inspection is missing. Allow location access and wait for a position fix.</source>
        <translation>缺少现场检查的位置。请允许定位并等待定位成功。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="403"/>
        <source>Choose how the off-site inspection was done.</source>
        <translation>请选择非现场检查的方式。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="406"/>
        <source>An on-site inspection has no off-site method. Remove it.</source>
        <translation>现场检查不应有非现场检查方式。请删除。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="409"/>
        <source>Someone marked present is not on the drawn team, or you are not on it. Only the drawn team may inspect.</source>
        <translation>标记在场的人员不在抽中的检查组内，或您不在检查组内。只有抽中的检查组可以检查。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="415"/>
        <source>This assignment was revoked by a re-draw; it can no longer be inspected.</source>
        <translation>该任务已因重新抽取而撤销，不能再检查。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="419"/>
        <source>This assignment names no plan, so it must not be inspected (no plan, no inspection).</source>
        <translation>该任务没有抽查计划，不得检查（无计划清单不检查）。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="424"/>
        <location filename="../../qml/usermessages.cpp" line="430"/>
        <location filename="../../qml/usermessages.cpp" line="436"/>
        <source>An item of this inspection is not in the catalogue or not in the assignment. Pull the latest data; if it stays, contact your administrator.</source>
        <translation>本次检查有事项不在事项清单或任务中。请同步最新数据；如仍存在，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="442"/>
        <source>An item has no legal basis, so it must not be inspected (no legal basis, no inspection). Contact your administrator.</source>
        <translation>有事项没有法律依据，不得检查（无法律依据不检查）。请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="448"/>
        <location filename="../../qml/usermessages.cpp" line="451"/>
        <source>A correction needs the record it corrects and its reason.</source>
        <translation>更正记录须注明所更正的记录及更正理由。</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="501"/>
        <source>This value is not valid: %1</source>
        <translation>该值无效：%1</translation>
    </message>
    <message>
        <location filename="../../qml/usermessages.cpp" line="29"/>
        <source>This record is no longer on this tablet: the central system received it and it was removed after the retention period. The central system keeps it; this tablet keeps only its receipt.</source>
        <translation>本平板上已没有这份记录：中心系统已接收，保留期满后已从本机删除。记录由中心系统保存，本机只保留其回执。</translation>
    </message>
</context>
<context>
    <name>VersionsCard</name>
    <message>
        <location filename="../../qml/complete/VersionsCard.qml" line="18"/>
        <source>Versions of this record</source>
        <translation>本记录的版本</translation>
    </message>
    <message>
        <location filename="../../qml/complete/VersionsCard.qml" line="32"/>
        <source>Version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../../qml/complete/VersionsCard.qml" line="32"/>
        <source>this one</source>
        <translation>本版</translation>
    </message>
    <message>
        <location filename="../../qml/complete/VersionsCard.qml" line="41"/>
        <source>completed %1</source>
        <translation>完成于 %1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/VersionsCard.qml" line="48"/>
        <source>Correction: %1</source>
        <translation>更正：%1</translation>
    </message>
    <message>
        <location filename="../../qml/complete/VersionsCard.qml" line="48"/>
        <source>Original record</source>
        <translation>原始记录</translation>
    </message>
</context>
<context>
    <name>WipeDialog</name>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="14"/>
        <source>Erase this tablet?</source>
        <translation>清除本平板的数据？</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="24"/>
        <source>The central system ordered this tablet erased.</source>
        <translation>中心系统已下令清除本平板的数据。</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="24"/>
        <source>Its message: %1</source>
        <translation>附言：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/sync/WipeDialog.qml" line="30"/>
        <source>%n record(s) are not on the central system yet. Erasing now loses them for good:</source>
        <translation>
            <numerusform>%n 条记录尚未到达中心系统，现在清除将永久丢失：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="39"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="39"/>
        <source>frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="39"/>
        <source>not uploaded</source>
        <translation>未上传</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="50"/>
        <source>Keep them and try again</source>
        <translation>保留并重试上传</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipeDialog.qml" line="57"/>
        <source>Erase anyway</source>
        <translation>仍然清除</translation>
    </message>
</context>
<context>
    <name>WipedPage</name>
    <message>
        <location filename="../../qml/sync/WipedPage.qml" line="13"/>
        <source>Tablet erased</source>
        <translation>平板已清除</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipedPage.qml" line="23"/>
        <source>This tablet was erased</source>
        <translation>本平板的数据已清除</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipedPage.qml" line="30"/>
        <source>The central system ordered it. Its records, photos, keys and settings are gone from this tablet; what was uploaded is kept by the central system.</source>
        <translation>这是中心系统的指令。本平板上的记录、照片、密钥和设置均已删除；已上传的内容由中心系统保存。</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipedPage.qml" line="30"/>
        <source>Its message: %1</source>
        <translation>附言：%1</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipedPage.qml" line="35"/>
        <source>To use the tablet again, close the app and open it: it starts with the first sign-in.</source>
        <translation>如需再次使用本平板，请关闭并重新打开应用：将从首次登录开始。</translation>
    </message>
    <message>
        <location filename="../../qml/sync/WipedPage.qml" line="42"/>
        <source>Close the app</source>
        <translation>关闭应用</translation>
    </message>
</context>
<context>
    <name>fi::app::AssignmentDetail</name>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="112"/>
        <source>The unified social credit code does not have 18 characters. The central directory holds it this way; report it, and inspect as assigned.</source>
        <translation>统一社会信用代码不是 18 位。名录库中即为此代码；请上报该问题，并按任务检查。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="115"/>
        <source>Character %1 of the unified social credit code is not allowed. The central directory holds it this way; report it, and inspect as assigned.</source>
        <translation>统一社会信用代码第 %1 位字符不合规。名录库中即为此代码；请上报该问题，并按任务检查。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="119"/>
        <source>The check character of the unified social credit code is wrong (expected %1). The central directory holds it this way; report it, and inspect as assigned.</source>
        <translation>统一社会信用代码校验位错误（应为 %1）。名录库中即为此代码；请上报该问题，并按任务检查。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="165"/>
        <source>The draw %1 is not on this tablet yet, so the team cannot be checked. Sync to fetch it.</source>
        <translation>本平板上还没有抽取结果 %1，无法核验检查组。请同步获取。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="170"/>
        <source>The team of this assignment is not the team the published draw gives this target. You may still inspect, but the record will say that the draw was not verified. Tell your team leader.</source>
        <translation>该任务的检查组与公布的抽取结果不一致。仍可检查，但记录将注明抽取未经验证。请告知检查组组长。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="175"/>
        <source>Recomputing the draw on this tablet gives another result than the one the central system published. You may still inspect, but the record will say that the draw was not verified. Tell your team leader.</source>
        <translation>在本平板上重新计算抽取的结果与中心系统公布的不一致。仍可检查，但记录将注明抽取未经验证。请告知检查组组长。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="179"/>
        <source>The published draw fails its check (%1). You may still inspect, but the record will say that the draw was not verified. Tell your team leader.</source>
        <translation>公布的抽取结果未通过核验（%1）。仍可检查，但记录将注明抽取未经验证。请告知检查组组长。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="189"/>
        <source>A higher level inspected this target this year without finding a problem, so the draw left it out.</source>
        <translation>上级部门本年度已抽查该对象且未发现问题，故本次抽取予以排除。</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="191"/>
        <source>The draw left this target out: %1</source>
        <translation>本次抽取排除了该对象：%1</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="256"/>
        <source>Permit class</source>
        <translation>排污许可类别</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="257"/>
        <source>Supervision type</source>
        <translation>监管类型</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="258"/>
        <source>Pollutants</source>
        <translation>排放污染物类型</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="259"/>
        <source>Heavy-pollution weather grade</source>
        <translation>重污染天气绩效分级</translation>
    </message>
    <message>
        <location filename="../../qml/assignmentdetail.cpp" line="260"/>
        <source>Environmental credit rating</source>
        <translation>环境信用评价结果</translation>
    </message>
</context>
<context>
    <name>fi::app::ChecklistController</name>
    <message>
        <location filename="../../qml/checklistcontroller.cpp" line="102"/>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
</context>
<context>
    <name>fi::app::CompletionController</name>
    <message>
        <location filename="../../qml/completioncontroller.cpp" line="32"/>
        <source>%1 m from the target</source>
        <translation>距检查对象 %1 米</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/completioncontroller.cpp" line="375"/>
        <source>The record cannot be completed yet: %n problem(s) are listed below.</source>
        <translation>
            <numerusform>记录暂不能完成：下方列出了 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/completioncontroller.cpp" line="496"/>
        <source>Only a completed record has an inspection record. Complete it first.</source>
        <translation>只有已完成的记录才能生成现场检查笔录。请先完成检查记录。</translation>
    </message>
    <message>
        <location filename="../../qml/completioncontroller.cpp" line="501"/>
        <source>Choose a file on this tablet to save the PDF to; nothing was written.</source>
        <translation>请选择本平板上的文件位置保存 PDF；未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>fi::app::LocationService</name>
    <message>
        <location filename="../../qml/locationservice.cpp" line="52"/>
        <source>The position source is starting.</source>
        <translation>定位来源正在启动。</translation>
    </message>
    <message>
        <location filename="../../qml/locationservice.cpp" line="56"/>
        <source>No position source on this device.</source>
        <translation>本设备没有定位来源。</translation>
    </message>
</context>
<context>
    <name>fi::app::PhotoController</name>
    <message>
        <location filename="../../qml/photocontroller.cpp" line="57"/>
        <source>The inspection in general</source>
        <translation>本次检查（通用）</translation>
    </message>
    <message>
        <location filename="../../qml/photocontroller.cpp" line="65"/>
        <source>Finding: %1</source>
        <translation>问题：%1</translation>
    </message>
</context>
<context>
    <name>fi::app::RedrawController</name>
    <message>
        <location filename="../../qml/redrawcontroller.cpp" line="41"/>
        <source>Choose the reason for the new draw.</source>
        <translation>请选择重新抽取的原因。</translation>
    </message>
    <message>
        <location filename="../../qml/redrawcontroller.cpp" line="45"/>
        <source>Say in the note why a new draw is needed.</source>
        <translation>请在备注中说明需要重新抽取的原因。</translation>
    </message>
</context>
<context>
    <name>fi::app::Session</name>
    <message>
        <location filename="../../qml/session.cpp" line="142"/>
        <location filename="../../qml/session.cpp" line="251"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../qml/session.cpp" line="169"/>
        <source>The two PINs differ. Enter the same PIN twice.</source>
        <translation>两次输入的 PIN 不一致。请输入相同的 PIN。</translation>
    </message>
    <message>
        <location filename="../../qml/session.cpp" line="205"/>
        <source>Enter your PIN.</source>
        <translation>请输入 PIN。</translation>
    </message>
    <message>
        <location filename="../../qml/session.cpp" line="229"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>fi::app::StatisticsModel</name>
    <message>
        <location filename="../../qml/statisticsmodel.cpp" line="60"/>
        <source>not known on this tablet</source>
        <translation>本机无法得知</translation>
    </message>
    <message>
        <location filename="../../qml/statisticsmodel.cpp" line="168"/>
        <source>Choose a file on this tablet to save the table to; nothing was written.</source>
        <translation>请选择本平板上的文件位置保存统计表；未写入任何文件。</translation>
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
        <translation>%1 字节</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/synccontroller.cpp" line="234"/>
        <source>%n record(s) need your attention: see the message against each.</source>
        <translation>
            <numerusform>%n 条记录需要处理：请查看各条记录的提示。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/synccontroller.cpp" line="237"/>
        <source>%n record(s) uploaded.</source>
        <translation>
            <numerusform>已上传 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/synccontroller.cpp" line="239"/>
        <source>Up to date.</source>
        <translation>已是最新。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/synccontroller.cpp" line="311"/>
        <source>%n record(s) of today not yet on the central system: %1 h %2 min left until 24:00. Complete them and sync.</source>
        <translation>
            <numerusform>今天有 %n 条记录尚未上传到中心系统：距 24:00 还剩 %1 小时 %2 分钟。请完成并同步。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/synccontroller.cpp" line="318"/>
        <source>Same-day upload</source>
        <translation>当日上传</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/synccontroller.cpp" line="222"/>
        <source>The central system ordered this tablet erased. %n record(s) are not on the central system yet: nothing was erased.</source>
        <translation>
            <numerusform>中心系统已下令清除本平板的数据。%n 条记录尚未到达中心系统：未清除任何数据。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fi::platform::QtCamera</name>
    <message>
        <location filename="../../platform/qtcamera.cpp" line="25"/>
        <source>This device has no camera. Import the photo from a file instead.</source>
        <translation>本设备没有相机。请改为从文件导入照片。</translation>
    </message>
    <message>
        <location filename="../../platform/qtcamera.cpp" line="44"/>
        <source>The photo could not be taken: %1</source>
        <translation>无法拍照：%1</translation>
    </message>
    <message>
        <location filename="../../platform/qtcamera.cpp" line="57"/>
        <source>The camera failed: %1. Close other camera apps and try again, or import the photo from a file.</source>
        <translation>相机故障：%1。请关闭其他相机应用后重试，或从文件导入照片。</translation>
    </message>
</context>
</TS>
