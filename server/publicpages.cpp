#include "server/publicpages.h"

#include "core/date.h"
#include "server/publicsite.h"

namespace fi::server {

namespace {

using json = nlohmann::json;

std::string e(std::string_view text) {
    return PublicPages::escape(text);
}

/// A string member of the twin, escaped ("" when absent).
std::string s(const json& j, std::string_view name) {
    if (!j.is_object())
        return {};
    const auto it = j.find(name);
    if (it == j.end() || !it->is_string())
        return {};
    return e(it->get<std::string>());
}

/// A time member of the twin (RFC 3339) as people read it: the Beijing day and minute,
/// `2026-12-03 14:05（北京时间）`, in a `<time>` whose datetime keeps the twin's text. Text that
/// is not such a time is shown as it is.
std::string when(const json& j, std::string_view name) {
    const std::string raw = j.is_object() && j.contains(name) && j.at(name).is_string()
                                ? j.at(name).get<std::string>()
                                : std::string();
    if (raw.empty())
        return {};
    const auto t = parse_rfc3339(raw);
    if (!t)
        return e(raw);
    const std::string local = china_timestamp(*t); // YYYY-MM-DDTHH:MM:SS.mmm+08:00
    return "<time datetime=\"" + e(raw) + "\">" + local.substr(0, 10) + " " + local.substr(11, 5) +
           "（北京时间）</time>";
}

std::string number(const json& j, std::string_view name) {
    if (!j.is_object())
        return {};
    const auto it = j.find(name);
    return it != j.end() && it->is_number_integer() ? std::to_string(it->get<std::int64_t>())
                                                    : std::string();
}

const json& at(const json& j, std::string_view name) {
    static const json none;
    if (!j.is_object())
        return none;
    const auto it = j.find(name);
    return it == j.end() ? none : *it;
}

std::string link(std::string_view href, std::string_view text) {
    return "<a href=\"" + e(href) + "\">" + std::string(text) + "</a>";
}

/// An inspector as the public sees them: name and certificate number.
std::string person(const json& p) {
    std::string out = "<span class=\"person\">" + s(p, "name");
    if (!s(p, "cert_no").empty())
        out += "<span class=\"cert\">执法证号 " + s(p, "cert_no") + "</span>";
    return out + "</span>";
}

std::string people(const json& list) {
    std::string out;
    for (const json& p : list) {
        if (!out.empty())
            out += "<br>";
        const std::string role = s(p, "role_label");
        out += (role.empty() ? "" : role + "：") + person(p);
    }
    return out.empty() ? "—" : out;
}

std::string hex(std::string_view text) {
    return "<code class=\"hex\">" + e(text) + "</code>";
}

std::string plan_heading(const json& plan) {
    return "<p class=\"crumbs\">" + link("/public/", "抽查计划") + " › " +
           link(at(at(plan, "links"), "plan").get<std::string>(), s(plan, "name")) + "</p>";
}

std::string plan_nav(const json& plan) {
    const json& links = at(plan, "links");
    std::string out = "<nav class=\"plan-nav\">" + link(links["plan"].get<std::string>(), "计划");
    if (links.contains("draw"))
        out += link(links["draw"].get<std::string>(), "抽取结果与核验");
    out += link(links["redraws"].get<std::string>(), "重新抽取记录");
    if (links.contains("results"))
        out += link(links["results"].get<std::string>(), "检查结果");
    return out + "</nav>";
}

std::string commitment_table(const json& c) {
    std::string parties;
    for (const json& p : at(c, "parties"))
        parties += "<li>" + s(p, "name") + "：承诺 " +
                   hex(p["seed_commitment"].get<std::string>()) + "</li>";
    return "<table class=\"facts\">"
           "<tr><th>算法</th><td><code>" +
           s(c, "algorithm") +
           "</code></td></tr>"
           "<tr><th>抽取编号</th><td><code>" +
           s(c, "draw_id") +
           "</code></td></tr>"
           "<tr><th>种子提交方及其承诺</th><td><ul>" +
           parties +
           "</ul></td></tr>"
           "<tr><th>候选名单哈希</th><td>" +
           hex(at(c, "strata_sha256").get<std::string>()) +
           "</td></tr>"
           "<tr><th>检查人员库哈希</th><td>" +
           hex(at(c, "pool_sha256").get<std::string>()) +
           "</td></tr>"
           "<tr><th>回避名单哈希</th><td>" +
           hex(at(c, "conflicts_sha256").get<std::string>()) +
           "</td></tr>"
           "<tr><th>每组人数</th><td>" +
           number(c, "team_size") +
           "</td></tr>"
           "<tr><th>重新抽取链顶端</th><td>" +
           hex(at(c, "redraw_chain_tip").get<std::string>()) + "（共 " +
           number(c, "redraw_chain_length") + " 环）</td></tr></table>";
}

} // namespace

std::string PublicPages::escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string PublicPages::layout(std::string_view title, std::string_view body,
                                std::string_view path, bool with_script) {
    const std::string twin = std::string(path) + "?format=json";
    return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<title>" +
           e(title) +
           " · 双随机、一公开</title>\n"
           "<link rel=\"stylesheet\" href=\"/public/site.css\">\n" +
           (with_script ? "<script src=\"/public/drawcheck.js\" defer></script>\n" : "") +
           "</head>\n<body>\n<header class=\"site\"><p class=\"site-name\">" +
           link("/public/", "生态环境“双随机、一公开”公示") + "</p><nav>" +
           link("/public/", "抽查计划") + link("/public/results", "检查结果") +
           "</nav></header>\n<main>\n" + std::string(body) +
           "\n</main>\n<footer><p>本页内容的机器可读版本（JSON）：" + link(twin, e(twin)) +
           "</p><p>公示页面无需登录；不含检查记录的答案、备注、问题描述、照片和位置。</p>"
           "</footer>\n</body>\n</html>\n";
}

std::string PublicPages::plans(const json& twin, std::string_view path) {
    std::string rows;
    for (const json& p : at(twin, "plans")) {
        const json& links = at(p, "links");
        std::string pages = link(links["plan"].get<std::string>(), "计划");
        if (links.contains("draw"))
            pages += " · " + link(links["draw"].get<std::string>(), "抽取结果");
        pages += " · " + link(links["redraws"].get<std::string>(), "重新抽取");
        if (links.contains("results"))
            pages += " · " + link(links["results"].get<std::string>(), "检查结果");
        rows += "<tr><td>" + link(links["plan"].get<std::string>(), s(p, "name")) +
                "<div class=\"sub\"><code>" + s(p, "id") + "</code></div></td><td>" +
                s(p, "kind_label") + "</td><td>" + s(p, "unit") + "</td><td>" + s(p, "period") +
                "<div class=\"sub\">" + s(at(p, "window"), "from") + " 至 " +
                s(at(p, "window"), "to") + "</div></td><td>" + s(p, "status_label") +
                "<div class=\"sub\">公布于 " + when(p, "published_at") +
                "</div></td><td class=\"links\">" + pages + "</td></tr>";
    }
    if (rows.empty())
        rows = "<tr><td colspan=\"6\">尚未公布抽查计划。</td></tr>";
    const std::string body =
        "<h1>抽查计划公示</h1>\n<p>每项计划在抽取之前公布：检查事项及其法律依据、检查对象范围，以及"
        "各种子提交方对随机种子的承诺。抽取之后，任何人都可以在“抽取结果”页面重新计算并核对。</p>\n"
        "<table class=\"list\"><thead><tr><th>计划</th><th>类型</th><th>实施单位</th><th>期间</th>"
        "<th>状态</th><th>公示内容</th></tr></thead><tbody>" +
        rows + "</tbody></table>";
    return layout("抽查计划", body, path);
}

std::string PublicPages::plan(const json& twin, std::string_view path) {
    std::string strata;
    for (const json& st : at(twin, "strata")) {
        std::string items;
        for (const json& id : at(st, "item_ids"))
            items += (items.empty() ? "" : "、") + std::string("<code>") +
                     e(id.get<std::string>()) + "</code>";
        strata += "<tr><td>" + s(st, "category_label") + "</td><td>" + number(st, "k") +
                  "</td><td>" + s(st, "mode_label") + "</td><td>" + items + "</td><td>" +
                  s(st, "basis") + "</td></tr>";
    }
    std::string items;
    for (const json& it : at(twin, "items")) {
        std::string basis;
        for (const json& b : at(it, "legal_basis"))
            basis += "<li>" + e(b.get<std::string>()) + "</li>";
        std::string departments = s(it, "initiating_dept");
        for (const json& d : at(it, "cooperating_depts"))
            departments += "、" + e(d.get<std::string>());
        const std::string id = s(it, "id") == s(it, "code") ? "" : "（" + s(it, "id") + "）";
        items += "<tr><td><code>" + s(it, "code") + "</code>" + id + "</td><td>" + s(it, "title") +
                 "<div class=\"sub\">" + s(it, "domain") + "</div></td><td><ul>" + basis +
                 "</ul></td><td>" + departments + "</td></tr>";
    }
    std::string withdrawn;
    for (const json& w : at(twin, "withdrawn"))
        withdrawn += "<h3>撤回的公布（" + when(w, "published_at") + "）</h3>" +
                     commitment_table(at(w, "commitment"));
    const std::string body =
        plan_heading(twin) + "<h1>" + s(twin, "name") + "</h1>\n" + plan_nav(twin) +
        "<table class=\"facts\"><tr><th>计划编号</th><td><code>" + s(twin, "id") +
        "</code></td></tr><tr><th>检查类型</th><td>" + s(twin, "kind_label") +
        "</td></tr><tr><th>实施单位</th><td>" + s(twin, "unit") +
        "</td></tr><tr><th>年度</th><td>" + number(twin, "year") +
        "</td></tr><tr><th>期间</th><td>" + s(twin, "period") + "（" +
        s(at(twin, "window"), "from") + " 至 " + s(at(twin, "window"), "to") +
        "）</td></tr><tr><th>公布时间</th><td>" + when(twin, "published_at") +
        "</td></tr><tr><th>状态</th><td>" + s(twin, "status_label") +
        "</td></tr></table>\n<h2>抽查对象类别与数量</h2>\n<table class=\"list\"><thead><tr>"
        "<th>类别</th><th>抽取数量</th><th>方式</th><th>检查事项</th><th>依据</th></tr></thead>"
        "<tbody>" +
        strata +
        "</tbody></table>\n<h2>检查事项及法律依据</h2>\n<table "
        "class=\"list\"><thead><tr><th>编号</th>"
        "<th>事项</th><th>法律依据</th><th>发起及配合部门</th></tr></thead><tbody>" +
        items +
        "</tbody></table>\n<h2>抽取承诺</h2>\n<p>计划公布时，各种子提交方只交出其随机种子的 "
        "SHA-256 "
        "承诺；候选对象、检查人员库和回避名单在公布时冻结，其哈希与抽取编号一并公布。抽取在各方公开"
        "种子之后进行，任何一方都无法单独决定结果。</p>\n" +
        commitment_table(at(twin, "commitment")) + withdrawn;
    return layout(at(twin, "name").is_string() ? at(twin, "name").get<std::string>() : "抽查计划",
                  body, path);
}

std::string PublicPages::draw(const json& twin, std::string_view path) {
    const json& plan = at(twin, "plan");
    std::string parties;
    for (const json& p : at(twin, "parties"))
        parties += "<tr><td>" + s(p, "name") + "</td><td>" + hex(at(p, "seed").get<std::string>()) +
                   "</td><td>" + hex(at(p, "seed_commitment").get<std::string>()) + "</td></tr>";
    std::string drawn;
    for (const json& d : at(twin, "drawn")) {
        const json& t = at(d, "target");
        drawn += "<tr data-target=\"" + s(t, "id") + "\"><td>" + s(d, "category_label") +
                 "</td><td>" + s(t, "name") + "<div class=\"sub\"><code>" + s(t, "id") +
                 "</code> " + s(t, "credit_code") + " " + s(t, "district") + "</div></td><td>" +
                 people(at(d, "team")) + "</td></tr>";
    }
    std::string strata;
    for (const json& st : at(twin, "strata")) {
        std::string candidates;
        for (const json& c : at(st, "candidates"))
            candidates += (candidates.empty() ? "" : " ") + e(c.get<std::string>());
        strata += "<tr><td>" + s(st, "category_label") + "</td><td>" + number(st, "k") +
                  "</td><td><details><summary>" + std::to_string(at(st, "candidates").size()) +
                  " 个候选对象</summary><p class=\"ids\">" + candidates +
                  "</p></details></td></tr>";
    }
    std::string excluded;
    for (const json& x : at(twin, "excluded"))
        excluded += "<li><code>" + s(x, "target_id") + "</code> " + s(x, "target_name") + "：" +
                    s(x, "reason_label") + "</li>";
    std::string pool;
    for (const json& p : at(twin, "pool"))
        pool += "<li value=\"" + number(p, "position") + "\">" + person(p) + "</li>";
    std::string conflicts;
    for (const auto& [target, positions] : at(twin, "conflicts").items()) {
        std::string list;
        for (const json& n : positions)
            list += (list.empty() ? "" : "、") + std::to_string(n.get<std::int64_t>());
        conflicts += "<li><code>" + e(target) + "</code>：回避人员序号 " + list + "</li>";
    }
    const json& server_check = at(twin, "server_check");
    const bool verified =
        at(server_check, "verified").is_boolean() && at(server_check, "verified").get<bool>();
    const std::string body =
        plan_heading(plan) + "<h1>抽取结果与核验</h1>\n" + plan_nav(plan) +
        "<table class=\"facts\"><tr><th>抽取编号</th><td><code>" + s(twin, "draw_id") +
        "</code></td></tr><tr><th>算法</th><td><code>" + s(twin, "algorithm") +
        "</code></td></tr><tr><th>计划公布时间</th><td>" + when(twin, "published_at") +
        "</td></tr><tr><th>抽取时间</th><td>" + when(twin, "drawn_at") +
        "</td></tr><tr><th>中心系统核验</th><td>" +
        (verified ? "通过（与平板端使用同一核验程序）" : "未通过：" + s(server_check, "step")) +
        "</td></tr></table>\n"
        "<section id=\"check\" class=\"check\" "
        "data-json=\"?format=json\">\n<h2>在本浏览器中核验</h2>\n"
        "<p id=\"check-result\" data-state=\"pending\">正在用本页数据在浏览器中重新计算抽取……</p>\n"
        "<ol id=\"check-steps\"></ol>\n"
        "<noscript><p>浏览器未运行脚本，无法在此核验；请按下文步骤自行计算。</p></noscript>\n"
        "</section>\n<h2>抽中的检查对象与检查组</h2>\n<table class=\"list\" "
        "id=\"drawn\"><thead><tr>"
        "<th>类别</th><th>检查对象</th><th>检查组（姓名、执法证号）</th></tr></thead><tbody>" +
        drawn +
        "</tbody></table>\n<h2>各方公开的种子</h2>\n<table "
        "class=\"list\"><thead><tr><th>提交方</th>"
        "<th>公开的种子</th><th>事先提交的承诺</th></tr></thead><tbody>" +
        parties + "</tbody></table>\n<p>合成种子：" + hex(at(twin, "seed").get<std::string>()) +
        "；其 SHA-256：" + hex(at(twin, "seed_commitment").get<std::string>()) +
        "</p>\n<h2>抽取时使用的名单</h2>\n<table class=\"list\"><thead><tr><th>类别</th>"
        "<th>抽取数量</th><th>候选对象</th></tr></thead><tbody>" +
        strata + "</tbody></table>\n" +
        (excluded.empty() ? "" : "<h3>抽取前排除的对象</h3><ul>" + excluded + "</ul>") +
        "<h3>检查人员库（按算法顺序编号，每组 " + number(twin, "team_size") +
        " 人）</h3>\n<ol class=\"pool\">" + pool + "</ol>\n" +
        (conflicts.empty() ? "" : "<h3>回避</h3><ul>" + conflicts + "</ul>") +
        "<h3>计划公布时的承诺（公布于 " + when(twin, "published_at") + "）</h3>\n" +
        commitment_table(at(twin, "commitment")) +
        "<h2>任何人都可以重新计算</h2>\n<ol class=\"how\">"
        "<li>对每个提交方公开的种子（32 字节）计算 SHA-256，应等于其在计划公布时提交的承诺。</li>"
        "<li>合成种子 = SHA-256(各方种子按上表顺序直接连接)。</li>"
        "<li>随机数流：第 i 块（i = 0, 1, 2, …）为 SHA-256(合成种子 ‖ 抽取编号的 UTF-8 ‖ i 的 8 "
        "字节大端整数)，每块依次给出 4 个 64 位大端整数。</li>"
        "<li>uniform(n)：取下一个数 x，若 x ≥ 2<sup>64</sup> − (2<sup>64</sup> mod n) "
        "则再取，结果为 x "
        "mod n。</li>"
        "<li>对象：按上表顺序逐类，将候选对象按编号排序，对 i = 0 … k−1：j = i + uniform(n − i)，"
        "交换第 i、j 位；前 k 个即抽中对象。</li>"
        "<li>检查组：按抽中顺序，对每个对象取检查人员库（按上表编号顺序）中除回避人员外的人员，"
        "用同样的方法继续取数抽取每组人数，第一位为组长。</li>"
        "<li>候选名单哈希 = SHA-256(按 RFC 8785 规范化的 JSON：每类仅含 category、排序后的 "
        "candidates "
        "和 k)，应与计划公布的一致。</li></ol>\n"
        "<p class=\"note\">本页脚本（" +
        link("/public/drawcheck.js", "/public/drawcheck.js") +
        "）在浏览器中完成上述计算，不依赖中心系统的核验结果。说明：检查人员库和回避名单的哈希按"
        "名录内部编号计算，公示页面不公开这些编号，因此这两项由平板端核验；最后一个公开种子的一方"
        "能先看到其他各方的种子，若其拒不公开，计划须重新公布，并保留可见记录；每次重新抽取都记入"
        "公开的重新抽取记录。</p>";
    return layout("抽取结果与核验 · " +
                      (at(plan, "name").is_string() ? at(plan, "name").get<std::string>() : ""),
                  body, path, true);
}

std::string PublicPages::redraws(const json& twin, std::string_view path) {
    const json& plan = at(twin, "plan");
    std::string rows;
    for (const json& r : at(twin, "entries")) {
        std::string excluded;
        for (const json& p : at(r, "excluded"))
            excluded += (excluded.empty() ? "" : "、") + person(p);
        const json& target = at(r, "target");
        const bool ok =
            at(r, "server_verified").is_boolean() && at(r, "server_verified").get<bool>();
        rows += "<tr><td>" + number(r, "index") + "</td><td>" + when(r, "at") + "</td><td>" +
                s(target, "name") + "<div class=\"sub\"><code>" + s(target, "id") + "</code> " +
                s(target, "credit_code") + " " + s(target, "district") + "</div></td><td>" +
                s(r, "reason_label") + "</td><td>" + excluded + "</td><td>" +
                people(at(r, "team")) + "<div class=\"sub\">申请人：" + person(at(r, "by")) +
                "</div></td><td><code>" + s(r, "draw_id") + "</code><div class=\"sub\">" +
                hex(at(r, "link").get<std::string>()) + "</div><div class=\"sub\">" +
                (ok ? "中心系统核验通过" : "中心系统核验未通过") + "</div></td></tr>";
    }
    if (rows.empty())
        rows = "<tr><td colspan=\"7\">本计划没有重新抽取。</td></tr>";
    // With the plan's draw, the browser recomputes every re-draw from the chain.
    const json& draw_link = at(at(plan, "links"), "draw");
    const std::string check =
        draw_link.is_string()
            ? "<section id=\"check\" class=\"check\" data-json=\"?format=json\" "
              "data-draw-json=\"" +
                  e(draw_link.get<std::string>() + "?format=json") +
                  "\">\n<h2>在本浏览器中核验</h2>\n<p id=\"check-result\" "
                  "data-state=\"pending\">正在用本页和抽取结果页的数据在浏览器中重新计算每次重新"
                  "抽取……</p>\n<ol id=\"check-steps\"></ol>\n<noscript><p>浏览器未运行脚本，"
                  "无法在此核验。</p></noscript>\n</section>\n"
            : std::string();
    const std::string body =
        plan_heading(plan) + "<h1>重新抽取记录</h1>\n" + plan_nav(plan) +
        "<p>"
        "检查组只能由组长以回避、缺席或其他原因申请中心系统重新抽取，被排除的只能是原检查组成员。"
        "每次被接受的重新抽取使用计划公布时承诺的链中的下一环（第 k 环经 k 次 SHA-256 回到链顶端 " +
        hex(at(twin, "redraw_chain_tip").get<std::string>()) +
        "），并按顺序记入本表；被拒绝的申请不占用链环、不产生记录。</p>\n"
        "<table class=\"list\"><thead><tr><th>序号</th><th>时间</th><th>检查对象</th>"
        "<th>原因类别</th><th>被排除人员</th><th>新检查组</th><th>抽取编号与链环</th></tr></thead>"
        "<tbody>" +
        rows + "</tbody></table>\n" + check;
    return layout("重新抽取记录", body, path, !check.empty());
}

std::string PublicPages::results(const json& twin, std::string_view path) {
    const json& plan = at(twin, "plan");
    std::string rows;
    for (const json& r : at(twin, "results")) {
        const json& target = at(r, "target");
        const bool withheld = at(r, "withheld").is_boolean() && at(r, "withheld").get<bool>();
        const bool corrected = at(r, "corrected").is_boolean() && at(r, "corrected").get<bool>();
        const std::string outcome = withheld ? "<strong>" + s(r, "public_text") +
                                                   "</strong><div class=\"sub\">依据：" +
                                                   s(r, "ground_label") + "</div>"
                                             : s(r, "public_text");
        rows += "<tr><td>" + s(target, "name") + "<div class=\"sub\"><code>" + s(target, "id") +
                "</code> " + s(target, "credit_code") + " " + s(target, "district") +
                "</div></td><td>" + s(r, "unit") + "<div class=\"sub\">" +
                link(at(at(r, "plan"), "link").get<std::string>(), s(at(r, "plan"), "name")) +
                "</div></td><td>" + s(r, "inspection_day") + "</td><td>" + outcome +
                (corrected ? "<div class=\"sub\">（已更正）</div>" : "") + "</td><td>" +
                s(r, "published_on") + "</td></tr>";
    }
    if (rows.empty())
        rows = "<tr><td colspan=\"5\">尚无已公开的检查结果。</td></tr>";
    const std::string intro =
        "<p>检查结果自检查完成之日起 20 个工作日内公开，使用固定表述：未发现问题、发现问题已责令"
        "整改、发现违法行为已立案调查。涉及国家秘密、国家安全、公共安全或法律明确规定不予公开的，"
        "经审批后显示“不予公开”及其依据类别。</p>\n";
    const std::string table =
        "<table class=\"list\"><thead><tr><th>检查对象</th><th>实施单位与计划</th><th>检查日期</th>"
        "<th>检查结果</th><th>公开日期</th></tr></thead><tbody>" +
        rows + "</tbody></table>";
    if (plan.is_object())
        return layout(
            "检查结果 · " + (at(plan, "name").is_string() ? at(plan, "name").get<std::string>()
                                                          : std::string()),
            plan_heading(plan) + "<h1>检查结果</h1>\n" + plan_nav(plan) + intro + table, path);
    return layout("检查结果", "<h1>检查结果公开</h1>\n" + intro + table, path);
}

std::string PublicPages::not_found(std::string_view message) {
    return layout("未找到",
                  "<h1>未找到</h1>\n<p>" + e(message) + "</p>\n<p>" +
                      link("/public/", "返回抽查计划列表") + "</p>",
                  "/public/");
}

} // namespace fi::server
