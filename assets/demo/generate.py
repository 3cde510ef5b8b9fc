#!/usr/bin/env python3
"""Reproducible demo data for fieldinspect (鄂州 "双随机、一公开" demo).

    python3 assets/demo/generate.py --out assets/demo   # (re)write the files
    python3 assets/demo/generate.py --check             # verify, exit 1 on any difference

Python 3.11 standard library only, no network, no wall clock, no hash-order
dependence: every "random" choice comes from a SHA-256 counter stream keyed by
a fixed phrase, so every run on every machine writes the same bytes.

Every enterprise, person, street, certificate number and credit code written
here is fictional.  The credit codes are check-valid (GB 32100-2015) but their
organisation-code part carries the marker "YD" and they identify nobody.

Files written (see README.md beside this script):
  targets.json, inspectors.json, catalogue.json, users.json, plan.json,
  draw-preview.json, party-seeds.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DRAW_VECTORS = REPO / "tests" / "data" / "draw-vectors.json"

GENERATOR_VERSION = 1
DATA_PHRASE = "fieldinspect demo data v1 | 鄂州市 2026Q4 | all names fictional"
# Interface 1.1: two seed parties, neither the planning office, each with its own seed. A real
# party keeps its seed secret until publication; the demo ships them (party-seeds.json) so that
# `--demo` can walk publication, both reveals and the draw.
SEED_PARTIES = ("法制审核科", "驻局纪检监察组")
SEED_PHRASE = "fieldinspect demo seed v2 | P-2026-Q4 | D-2026Q4-01 | {party} | attempt {n}"
# The demo users the tests were written against; the first attempt that keeps them, with
# the same shape (demo_shape_kept), wins.
PREFERRED_DEMO_USERS = ("I-022", "I-002")

OUTPUT_FILES = (
    "targets.json",
    "inspectors.json",
    "catalogue.json",
    "users.json",
    "plan.json",
    "draw-preview.json",
    "party-seeds.json",
)

# --------------------------------------------------------------------------
# sha256-ctr-fy-v1 (central-api.md, "The draw")
# --------------------------------------------------------------------------


class Sha256Stream:
    """Block i = SHA-256(key ‖ label ‖ uint64_be(i)); four big-endian u64 per block."""

    def __init__(self, key: bytes, label: bytes) -> None:
        self._key = key
        self._label = label
        self._block = 0
        self._pending: list[int] = []

    def next_u64(self) -> int:
        if not self._pending:
            digest = hashlib.sha256(
                self._key + self._label + self._block.to_bytes(8, "big")
            ).digest()
            self._block += 1
            self._pending = [int.from_bytes(digest[o : o + 8], "big") for o in (0, 8, 16, 24)]
        return self._pending.pop(0)

    def uniform(self, n: int) -> int:
        if n <= 0:
            raise ValueError(f"uniform({n})")
        limit = 2**64 - (2**64 % n)
        while True:
            x = self.next_u64()
            if x < limit:
                return x % n


def _byte_order(ids):
    return sorted(ids, key=lambda s: s.encode("utf-8"))


def _partial_fisher_yates(stream: Sha256Stream, items: list[str], k: int) -> list[str]:
    n = len(items)
    if k > n:
        raise ValueError(f"cannot draw {k} of {n}")
    for i in range(k):
        j = i + stream.uniform(n - i)
        items[i], items[j] = items[j], items[i]
    return items[:k]


def run_draw(draw: dict) -> tuple[list[str], dict[str, list[str]]]:
    """Recompute a draw per sha256-ctr-fy-v1; returns (selected, teams)."""
    if draw.get("algorithm", "sha256-ctr-fy-v1") not in ("sha256-ctr-fy-v1", "sha256-ctr-fy-v2"):
        raise ValueError("unknown algorithm " + str(draw.get("algorithm")))
    seed = bytes.fromhex(draw["seed"])
    if len(seed) != 32:
        raise ValueError("seed must be 32 bytes")
    if hashlib.sha256(seed).hexdigest() != draw["seed_commitment"].lower():
        raise ValueError("seed does not match seed_commitment")
    stream = Sha256Stream(seed, draw["id"].encode("utf-8"))
    selected: list[str] = []
    for stratum in draw["strata"]:
        candidates = _byte_order(stratum["candidates"])
        selected += _partial_fisher_yates(stream, candidates, stratum["k"])
    conflicts = draw.get("conflicts") or {}
    teams: dict[str, list[str]] = {}
    for target_id in selected:
        excluded = conflicts.get(target_id, [])
        pool = _byte_order(p for p in draw["inspector_pool"] if p not in excluded)
        teams[target_id] = _partial_fisher_yates(stream, pool, draw["team_size"])
    return selected, teams


def verify_draw_vectors(path: Path) -> list[str]:
    errors = []
    doc = json.loads(path.read_text(encoding="utf-8"))
    for vec in doc["vectors"]:
        try:
            selected, teams = run_draw(vec)
        except Exception as exc:  # noqa: BLE001 - report, do not crash
            errors.append(f"draw vector {vec.get('id')}: {exc}")
            continue
        if selected != vec["selected"]:
            errors.append(f"draw vector {vec['id']}: selected {selected} != {vec['selected']}")
        if teams != vec["teams"]:
            errors.append(f"draw vector {vec['id']}: teams {teams} != {vec['teams']}")
    if not doc["vectors"]:
        errors.append("draw vectors file holds no vectors")
    return errors


# --------------------------------------------------------------------------
# Unified social credit code (GB 32100-2015) and organisation code (GB 11714)
# --------------------------------------------------------------------------

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    check = 31 - total % 31
    return USCC_ALPHABET[0 if check == 31 else check]


def org_code_check_char(body8: str) -> str:
    """GB 11714-1997: C9 = 11 - (Σ Ci·Wi mod 11); 10 -> 'X', 11 -> '0'."""

    def value(c: str) -> int:
        return int(c) if c.isdigit() else ord(c) - ord("A") + 10

    check = 11 - sum(value(c) * w for c, w in zip(body8, ORG_WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def make_credit_code(division: str, body6: str) -> str:
    body8 = "YD" + body6  # "YD": demo marker in the organisation-code part
    org9 = body8 + org_code_check_char(body8)
    first17 = "91" + division + org9
    return first17 + uscc_check_char(first17)


def uscc_valid_independent(code: str) -> bool:
    """A second, independent check: weight i is 3^i mod 31, and the weighted
    sum over all 18 characters (check character weighted 1) is 0 mod 31."""
    if len(code) != 18:
        return False
    value = {c: i for i, c in enumerate("0123456789ABCDEFGHJKLMNPQRTUWXY")}
    if any(c not in value for c in code):
        return False
    total = sum(value[c] * pow(3, i, 31) for i, c in enumerate(code[:17]))
    return (total + value[code[17]]) % 31 == 0


def org_code_valid_independent(org9: str) -> bool:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if len(org9) != 9 or any(c not in digits for c in org9[:8]):
        return False
    s = sum(digits.index(c) * w for c, w in zip(org9[:8], (3, 7, 9, 10, 5, 8, 4, 2)))
    expect = (11 - s % 11) % 11
    return org9[8] == ("X" if expect == 10 else str(expect))


# --------------------------------------------------------------------------
# Deterministic data RNG (same construction as the draw, different key)
# --------------------------------------------------------------------------


class DemoRng:
    def __init__(self, phrase: str, label: str) -> None:
        self._s = Sha256Stream(hashlib.sha256(phrase.encode("utf-8")).digest(), label.encode("utf-8"))

    def below(self, n: int) -> int:
        return self._s.uniform(n)

    def between(self, lo: int, hi: int) -> int:
        return lo + self.below(hi - lo + 1)

    def percent(self, p: int) -> bool:
        return self.below(100) < p

    def choice(self, seq):
        return seq[self.below(len(seq))]

    def weighted(self, pairs):
        """pairs: list of (value, positive integer weight)."""
        total = sum(w for _, w in pairs)
        r = self.below(total)
        for value, w in pairs:
            if r < w:
                return value
            r -= w
        raise AssertionError

    def shuffle(self, items: list) -> list:
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]
        return items

    def sample(self, seq, k: int) -> list:
        items = list(seq)
        for i in range(k):
            j = i + self.below(len(items) - i)
            items[i], items[j] = items[j], items[i]
        return items[:k]


# --------------------------------------------------------------------------
# Fixed vocabulary
# --------------------------------------------------------------------------

DISTRICTS = ("鄂城区", "华容区", "梁子湖区", "葛店开发区", "临空经济区")
DISTRICT_TOTALS = {"鄂城区": 95, "华容区": 60, "梁子湖区": 35, "葛店开发区": 65, "临空经济区": 45}
DIVISION_CODE = {
    "鄂城区": "420702",
    "华容区": "420703",
    "梁子湖区": "420704",
    "葛店开发区": "420700",  # functional zone, no division code of its own: city code
    "临空经济区": "420700",
}
CATEGORY_TOTALS = {"key": 75, "general": 180, "special": 45}

# Towns/streets only where their district is certain; the zones get none.
TOWNS = {
    "鄂城区": ["凤凰街道", "古楼街道", "西山街道", "樊口街道", "泽林镇", "汀祖镇", "碧石渡镇", "长港镇", "杜山镇"],
    "华容区": ["华容镇", "段店镇", "临江乡", "蒲团乡"],
    "梁子湖区": ["太和镇", "东沟镇", "沼山镇", "梁子镇", "涂家垴镇"],
    "葛店开发区": [""],
    "临空经济区": [""],
}
# Invented road names (word parts chosen per district, not taken from a map).
ROAD_PARTS = {
    "鄂城区": ["澄湖", "翠岭", "望澜", "岚溪", "砚山", "鸣泉", "栖桐"],
    "华容区": ["禾丰", "青垄", "芃野", "稻香", "云堤", "柳汀"],
    "梁子湖区": ["菱湾", "荷渚", "渔歌", "芦岸", "清漪"],
    "葛店开发区": ["启晟", "曜科", "鼎新", "璟创", "衡远", "琮芯"],
    "临空经济区": ["翎航", "云翼", "航枢", "远翔", "朔风"],
}
ROAD_KINDS = [("路", 6), ("大道", 2), ("街", 1), ("一路", 1), ("二路", 1)]

TRADE_FIRST = list("澜禾霁岚沐溪杉泓栖翎璟瑜澄朔砚棠湛铂曜峤绫淇珩骁蔚芃熠琮岑汀")
TRADE_SECOND = list("川泽源宸岳晟砾柯湾嘉屿榕灏峰禧桐麓衡钧霖")

SURNAMES = list(
    "王李张刘陈杨黄赵周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = list(
    "建国志明伟勇军华平晓红丽敏静涛磊强鹏斌峰辉霞燕玲刚文杰波宁超林春海亮立新德英玉秀宏俊凯琳婷雪慧振浩博远帆瑞思雨欣怡子嘉宇"
)
RESERVED_NAMES = {"吴聪"}  # the seed's real contact person; never generate it

# Industry profiles for the generic enterprises.
#   words: industry word in the name; permits: permit classes it can hold;
#   pollutants: base list; grading: in the heavy-pollution-weather
#   performance grading scope; key_sup: supervision types as a key target;
#   where: district affinity weights.
PROFILES = [
    dict(words=["化工", "精细化工", "新材料"], permits=["重点管理", "简化管理"], pollutants=["废气", "废水", "危险废物"],
         grading=True, key_sup=["土壤污染重点监管单位", "大气环境重点排污单位", "环境风险重点管控单位"],
         where={"葛店开发区": 8, "华容区": 2, "鄂城区": 1}),
    dict(words=["制药", "生物医药", "药业"], permits=["重点管理", "简化管理"], pollutants=["废气", "废水", "危险废物"],
         grading=True, key_sup=["水环境重点排污单位", "土壤污染重点监管单位"],
         where={"葛店开发区": 8, "华容区": 1, "临空经济区": 1}),
    dict(words=["金属制品", "冶金材料", "特钢"], permits=["重点管理", "简化管理"], pollutants=["废气", "废水", "固体废物"],
         grading=True, key_sup=["大气环境重点排污单位", "土壤污染重点监管单位"],
         where={"鄂城区": 8, "华容区": 1}),
    dict(words=["铸造", "机械铸造"], permits=["重点管理", "简化管理", "登记管理"], pollutants=["废气", "固体废物", "噪声"],
         grading=True, key_sup=["大气环境重点排污单位"],
         where={"鄂城区": 5, "华容区": 3, "梁子湖区": 1}),
    dict(words=["建材", "水泥制品", "新型建材", "混凝土"], permits=["重点管理", "简化管理", "登记管理"],
         pollutants=["废气", "噪声", "固体废物"], grading=True, key_sup=["大气环境重点排污单位"],
         where={"鄂城区": 4, "华容区": 4, "梁子湖区": 3, "临空经济区": 1}),
    dict(words=["表面处理", "电镀"], permits=["重点管理"], pollutants=["废水", "危险废物"],
         grading=False, key_sup=["水环境重点排污单位", "土壤污染重点监管单位"],
         where={"鄂城区": 2, "葛店开发区": 2, "华容区": 1}),
    dict(words=["包装印务", "印刷", "包装材料"], permits=["重点管理", "简化管理", "登记管理"], pollutants=["废气", "固体废物"],
         grading=True, key_sup=["大气环境重点排污单位"],
         where={"葛店开发区": 3, "鄂城区": 2, "临空经济区": 3, "华容区": 1}),
    dict(words=["家具", "木业"], permits=["简化管理", "登记管理"], pollutants=["废气", "噪声"],
         grading=True, key_sup=["大气环境重点排污单位"],
         where={"华容区": 3, "鄂城区": 2, "梁子湖区": 2}),
    dict(words=["汽车零部件", "机电", "精密机械"], permits=["重点管理", "简化管理", "登记管理"], pollutants=["废气", "废水", "噪声"],
         grading=True, key_sup=["大气环境重点排污单位"],
         where={"华容区": 4, "葛店开发区": 3, "临空经济区": 3, "鄂城区": 2}),
    dict(words=["电子科技", "光电", "半导体材料"], permits=["重点管理", "简化管理", "登记管理"], pollutants=["废气", "废水", "危险废物"],
         grading=False, key_sup=["水环境重点排污单位", "土壤污染重点监管单位"],
         where={"葛店开发区": 6, "临空经济区": 5}),
    dict(words=["食品", "农产品加工", "粮油", "水产食品"], permits=["简化管理", "登记管理"], pollutants=["废水", "固体废物"],
         grading=False, key_sup=["水环境重点排污单位"],
         where={"梁子湖区": 6, "华容区": 3, "鄂城区": 2, "临空经济区": 2}),
    dict(words=["饲料", "生物饲料"], permits=["简化管理", "登记管理"], pollutants=["废气", "固体废物"],
         grading=False, key_sup=["大气环境重点排污单位"],
         where={"梁子湖区": 3, "华容区": 2}),
    dict(words=["物流", "供应链管理", "航空物流"], permits=["登记管理"], pollutants=["废水", "噪声"],
         grading=False, key_sup=["一般排污单位"],
         where={"临空经济区": 9, "葛店开发区": 1, "鄂城区": 1}),
    dict(words=["环保科技", "环境服务"], permits=["重点管理"], pollutants=["废气", "废水", "危险废物"],
         grading=False, key_sup=["危险废物重点监管单位", "土壤污染重点监管单位"],
         where={"鄂城区": 2, "葛店开发区": 1, "华容区": 1}),
    dict(words=["热电", "能源"], permits=["重点管理"], pollutants=["废气", "固体废物"],
         grading=False, key_sup=["大气环境重点排污单位", "温室气体重点排放单位"],
         where={"鄂城区": 1, "葛店开发区": 1, "临空经济区": 1}),
    dict(words=["医院"], permits=["简化管理", "登记管理"], pollutants=["废水", "危险废物", "放射性"],
         grading=False, key_sup=["水环境重点排污单位"],
         where={"鄂城区": 3, "华容区": 1, "临空经济区": 1}),
    dict(words=["纺织", "印染"], permits=["重点管理", "简化管理"], pollutants=["废水", "废气"],
         grading=False, key_sup=["水环境重点排污单位"],
         where={"鄂城区": 1, "华容区": 2}),
    dict(words=["新型墙材", "砖瓦"], permits=["简化管理", "登记管理"], pollutants=["废气", "噪声"],
         grading=True, key_sup=["大气环境重点排污单位"],
         where={"梁子湖区": 3, "鄂城区": 1, "华容区": 1}),
    dict(words=["矿业", "石料"], permits=["简化管理", "登记管理"], pollutants=["废气", "噪声", "固体废物"],
         grading=False, key_sup=["大气环境重点排污单位"],
         where={"鄂城区": 3, "梁子湖区": 1}),
    dict(words=["纸业"], permits=["重点管理", "简化管理"], pollutants=["废水", "废气", "固体废物"],
         grading=False, key_sup=["水环境重点排污单位"],
         where={"华容区": 1, "鄂城区": 1}),
    dict(words=["生态农业", "畜牧养殖"], permits=["简化管理", "登记管理"], pollutants=["废水", "固体废物"],
         grading=False, key_sup=["水环境重点排污单位"],
         where={"梁子湖区": 5, "华容区": 2}),
]

# Enterprises on the joint list (联合抽查事项清单), placed by hand:
#   (joint items, count, industry word, category, permit, pollutants, supervision type, districts)
JOINT_TARGETS = [
    (["69"], "水务", "key", "重点管理", ["废水", "固体废物"], "水环境重点排污单位",
     ["鄂城区", "华容区", "梁子湖区", "葛店开发区", "临空经济区"]),
    (["22"], "汽车销售服务", "general", "登记管理", ["废气", "危险废物"], "机动车销售企业",
     ["鄂城区", "鄂城区", "鄂城区", "华容区", "葛店开发区", "临空经济区", "临空经济区", "鄂城区"]),
    (["22", "17"], "汽车销售服务", "general", "登记管理", ["废气", "危险废物"], "机动车销售企业",
     ["鄂城区", "华容区"]),
    (["15"], "聚氨酯材料", "key", "重点管理", ["废气", "危险废物"], "大气环境重点排污单位", ["葛店开发区"]),
    (["15"], "保温材料", "general", "简化管理", ["废气", "固体废物"], "一般排污单位", ["华容区"]),
    (["15"], "制冷设备", "general", "简化管理", ["废气", "噪声"], "一般排污单位", ["鄂城区"]),
    (["16"], "制冷配件", "general", "登记管理", ["固体废物"], "登记管理单位", ["鄂城区", "鄂城区", "临空经济区"]),
    (["17"], "制冷设备维修", "general", "登记管理", ["废气", "危险废物"], "登记管理单位",
     ["鄂城区", "鄂城区", "华容区", "梁子湖区"]),
    (["18"], "氟硅化工", "key", "重点管理", ["废气", "废水", "危险废物"], "环境风险重点管控单位", ["葛店开发区"]),
    (["19"], "精细化工", "key", "重点管理", ["废气", "废水", "危险废物"], "土壤污染重点监管单位",
     ["葛店开发区", "葛店开发区"]),
    (["20"], "环境检测技术", "general", "登记管理", ["废水", "危险废物"], "生态环境监测机构",
     ["鄂城区", "鄂城区", "葛店开发区"]),
    (["21"], "石油销售", "general", "登记管理", ["废气"], "一般排污单位", ["鄂城区", "华容区"]),
    (["21"], "油品储运", "general", "简化管理", ["废气", "废水"], "一般排污单位", ["临空经济区"]),
    (["24"], "机动车检测", "general", "登记管理", ["废气"], "机动车排放检验机构", ["鄂城区", "华容区"]),
    (["43"], "农业科技", "general", "登记管理", ["固体废物"], "登记管理单位", ["梁子湖区"]),
    (["60"], "报废汽车回收拆解", "general", "简化管理", ["固体废物", "危险废物", "废水"], "一般排污单位",
     ["华容区", "鄂城区"]),
]

KEY_NON_MAJOR_REASONS = [  # why a non-重点管理 unit is a key target (seed, 五(五))
    ("上年度存在生态环境违法问题企业", None),
    ("中央环保督察群众重复投诉企业", None),
    ("信用评价等级低企业", "low"),
    ("污染防治技术不能稳定达标企业", None),
]
CREDIT_HIGH = ["环保诚信企业", "环保良好企业"]
CREDIT_LOW = ["环保警示企业", "环保不良企业"]

# --------------------------------------------------------------------------
# Catalogue (抽查事项清单)
# --------------------------------------------------------------------------

EEB = "市生态环境局"
DETACHMENT = "市生态环境综合执法支队"
ODS_DOMAIN = "涉消耗臭氧层物质(ODS)的生产、使用、销售、维修、回收、销毁及原料用途等企业和单位的监管"

L_EPL = "《中华人民共和国环境保护法》"
L_AIR = "《中华人民共和国大气污染防治法》"
L_WATER = "《中华人民共和国水污染防治法》"
L_SOLID = "《中华人民共和国固体废物污染环境防治法》"
L_SOIL = "《中华人民共和国土壤污染防治法》"
L_EIA = "《中华人民共和国环境影响评价法》"
L_PERMIT = "《排污许可管理条例》"
L_PERMIT_RULES = "《排污许可管理办法》"
L_ODS = "《消耗臭氧层物质管理条例》"
L_RAD = "《放射性同位素与射线装置安全和防护条例》"
L_BPEM = "《建设项目环境保护管理条例》"
L_EMERG = "《突发环境事件应急管理办法》"

# Checkpoint shorthand: ("pf", text, required, photo_on_fail) | ("num", text, required, unit)
#                       ("text", text, required) | ("choice", text, required, choices)
LOCAL_ITEMS = [
    dict(id="ECO-01", domain="生态环境保护措施落实情况",
         title="被抽查对象生态环境保护措施落实情况的检查",
         legal_basis=[L_EPL + "第四十二条", L_BPEM],
         target_type="排污单位", office=DETACHMENT,
         checkpoints=[
             ("pf", "环评及批复要求的各项生态环境保护措施是否落实", True, True),
             ("pf", "厂区雨污分流及初期雨水收集设施是否完好", True, True),
             ("choice", "无组织排放控制情况", True, ["密闭良好", "局部逸散", "明显逸散", "不涉及"]),
             ("text", "现场发现的其他环境问题", False),
         ]),
    dict(id="POLL-01", domain="污染防治设施运行情况",
         title="污染防治设施正常运行及污染物达标排放情况的检查",
         legal_basis=[L_EPL + "第四十二条", L_AIR, L_WATER],
         target_type="排污单位", office=DETACHMENT,
         checkpoints=[
             ("pf", "污染防治设施是否与生产设施同步正常运行", True, True),
             ("pf", "是否杜绝暗管、渗井、篡改或伪造监测数据等逃避监管的排污行为", True, True),
             ("pf", "污染源自动监控设备是否正常联网、数据是否连续有效", True, False),
             ("num", "近30日自动监控数据超标小时数", False, "小时"),
             ("pf", "设施运行维护台账是否完整", True, False),
             ("choice", "主要治理设施类型", True, ["废气治理", "废水治理", "废气及废水治理", "其他"]),
         ]),
    dict(id="PMT-01", domain="排污许可制度落实情况",
         title="排污单位依法申领排污许可证或填报排污登记情况的检查",
         legal_basis=[L_EPL + "第四十五条", L_AIR + "第十九条", L_WATER + "第二十一条", L_PERMIT],
         target_type="纳入固定污染源排污许可分类管理名录的排污单位", office="环境管理评价与排放管理科",
         checkpoints=[
             ("choice", "排污许可管理类别", True, ["重点管理", "简化管理", "登记管理", "未纳入名录"]),
             ("pf", "是否依法取得排污许可证或完成排污登记", True, True),
             ("text", "排污许可证编号或登记编号", False),
             ("pf", "许可证载明的排放口数量、位置与现场是否一致", True, True),
         ]),
    dict(id="PMT-02", domain="排污许可证后执行情况",
         title="排污许可证后执行（按证排污、自行监测、台账记录、执行报告、信息公开）情况的检查",
         legal_basis=[L_EPL + "第四十五条", L_PERMIT, L_PERMIT_RULES],
         target_type="持有排污许可证的排污单位", office=DETACHMENT,
         checkpoints=[
             ("pf", "是否按排污许可证规定的污染物种类、浓度和排放量排放", True, True),
             ("pf", "是否按证开展自行监测并保存原始监测记录", True, False),
             ("pf", "环境管理台账是否按要求记录并保存", True, True),
             ("num", "本年度已提交执行报告份数", True, "份"),
             ("pf", "是否按要求公开排污信息", False, False),
         ]),
    dict(id="CARB-01", domain="碳排放情况",
         title="温室气体重点排放单位排放报告、数据质量及配额清缴情况的检查",
         legal_basis=["《碳排放权交易管理暂行条例》", "《碳排放权交易管理办法（试行）》"],
         target_type="温室气体重点排放单位", office="大气环境科",
         checkpoints=[
             ("pf", "是否按时报送上一年度温室气体排放报告", True, False),
             ("num", "上一年度经核查的排放量", True, "吨二氧化碳当量"),
             ("pf", "燃料消耗量、检测报告等原始凭证是否真实完整", True, True),
             ("choice", "配额清缴情况", True, ["已足额清缴", "部分清缴", "未清缴", "未到清缴期"]),
             ("text", "数据质量控制计划版本号", False),
         ]),
    dict(id="RAD-01", domain="辐射安全项目管理情况",
         title="核技术利用单位辐射安全许可及防护管理情况的检查",
         legal_basis=["《中华人民共和国放射性污染防治法》", L_RAD, "《放射性同位素与射线装置安全许可管理办法》"],
         target_type="核技术利用单位", office="固废与核辐射管理科",
         checkpoints=[
             ("pf", "是否持有有效的辐射安全许可证，种类和范围与实际一致", True, True),
             ("pf", "辐射工作场所警示标识、安全联锁装置是否完好", True, True),
             ("num", "辐射工作人员数量", True, "人"),
             ("pf", "辐射工作人员是否按规定参加培训考核并进行个人剂量监测", True, False),
             ("choice", "放射源或射线装置最高类别", True, ["Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类"]),
         ]),
    dict(id="SW-01", domain="固体废物管理情况",
         title="一般工业固体废物贮存、利用、处置及管理台账情况的检查",
         legal_basis=[L_SOLID],
         target_type="产生工业固体废物的单位", office="固废与核辐射管理科",
         checkpoints=[
             ("pf", "是否建立一般工业固体废物管理台账", True, False),
             ("pf", "贮存场所是否采取防扬散、防流失、防渗漏措施", True, True),
             ("num", "本年度一般工业固体废物产生量", True, "吨"),
             ("choice", "主要去向", True, ["自行利用", "委托利用", "委托处置", "贮存"]),
         ]),
    dict(id="HW-01", domain="危险废物管理情况",
         title="危险废物规范化环境管理情况的检查",
         legal_basis=[L_SOLID, "《危险废物转移管理办法》"],
         target_type="产生、收集、贮存、利用、处置危险废物的单位", office="固废与核辐射管理科",
         checkpoints=[
             ("pf", "是否制定危险废物管理计划并通过信息系统申报", True, False),
             ("pf", "贮存设施是否规范设置识别标志并分类贮存", True, True),
             ("pf", "是否执行危险废物转移联单制度", True, True),
             ("num", "现场贮存量", True, "千克"),
             ("num", "最长贮存时间", False, "天"),
             ("text", "委托处置单位名称及经营许可证编号", False),
         ]),
    dict(id="CHEM-01", domain="化学品环境管理情况",
         title="新化学物质环境管理登记及重点管控新污染物管控情况的检查",
         legal_basis=["《新化学物质环境管理登记办法》", "《重点管控新污染物清单（2023年版）》"],
         target_type="生产、进口或加工使用化学物质的企业", office="固废与核辐射管理科",
         checkpoints=[
             ("pf", "生产或进口新化学物质是否取得登记证或办理备案", True, False),
             ("pf", "是否落实登记证载明的环境风险控制措施", True, True),
             ("choice", "是否涉及重点管控新污染物", True, ["不涉及", "涉及且已落实管控措施", "涉及但未落实管控措施"]),
             ("text", "涉及的化学物质名称", False),
         ]),
    dict(id="SOIL-01", domain="土壤污染重点监管单位法定义务履行情况",
         title="土壤污染重点监管单位法定义务履行情况的检查",
         legal_basis=[L_SOIL + "第二十一条", "《工矿用地土壤环境管理办法（试行）》"],
         target_type="土壤污染重点监管单位", office="土壤环境科",
         checkpoints=[
             ("pf", "是否按年度报告有毒有害物质排放情况", True, False),
             ("pf", "是否建立并落实土壤污染隐患排查制度", True, False),
             ("pf", "是否制定、实施自行监测方案并报送监测数据", True, False),
             ("num", "本年度隐患排查发现问题数", True, "项"),
             ("pf", "拆除设施、设备或建（构）筑物时是否制定残留污染物清理和污染防治方案", False, True),
         ]),
    dict(id="QA-01", domain="生态环境监测社会化服务机构报告（数据）质量",
         title="生态环境监测社会化服务机构监测报告（数据）质量的检查",
         legal_basis=[L_EPL, "《检验检测机构监督管理办法》"],
         target_type="生态环境监测社会化服务机构", office="综合科",
         checkpoints=[
             ("pf", "资质认定证书是否在有效期内且能力范围覆盖所出具报告项目", True, True),
             ("pf", "抽查报告的采样、分析原始记录是否完整可追溯", True, True),
             ("num", "抽查报告份数", True, "份"),
             ("choice", "数据质量结论", True, ["符合要求", "存在一般性问题", "存在弄虚作假嫌疑"]),
         ]),
    dict(id="QA-02", domain="环评单位报告质量",
         title="建设项目环境影响报告书（表）编制质量的检查",
         legal_basis=[L_EIA, "《建设项目环境影响报告书（表）编制监督管理办法》"],
         target_type="环境影响报告书（表）编制单位", office="环境管理评价与排放管理科",
         checkpoints=[
             ("pf", "编制单位及编制人员是否在环境影响评价信用平台登记", True, False),
             ("pf", "基础资料是否真实、评价结论是否明确", True, False),
             ("num", "抽查报告书（表）数量", True, "本"),
             ("choice", "质量问题等级", True, ["无问题", "一般质量问题", "严重质量问题"]),
         ]),
    dict(id="ET-01", domain="排污权交易情况的监督",
         title="排污权有偿使用和交易情况的监督检查",
         legal_basis=[L_EPL, "《国务院办公厅关于进一步推进排污权有偿使用和交易试点工作的指导意见》（国办发〔2014〕38号）"],
         target_type="取得排污权的排污单位", office="综合科",
         checkpoints=[
             ("pf", "是否依法取得排污权并在有效期内", True, False),
             ("num", "核定化学需氧量排污权指标", True, "千克/年"),
             ("num", "上一年度化学需氧量实际排放量", True, "千克/年"),
             ("pf", "实际排放量是否未超出持有的排污权指标", True, False),
             ("text", "排污权交易凭证编号", False),
         ]),
    dict(id="EIA-01", domain="建设项目环评及批复落实情况",
         title="建设项目环境影响评价制度执行及批复要求落实情况的检查",
         legal_basis=[L_EIA + "第二十四条", L_EIA + "第二十五条", L_BPEM],
         target_type="建设项目建设单位", office="环境管理评价与排放管理科",
         checkpoints=[
             ("pf", "是否依法取得环评批复或完成登记表备案后开工建设", True, True),
             ("pf", "项目性质、规模、地点、工艺及防治措施是否未发生重大变动", True, True),
             ("text", "环评批复文号", False),
             ("choice", "建设状态", True, ["在建", "调试", "已投产", "停产"]),
         ]),
    dict(id="EIA-02", domain="建设项目“三同时”制度落实情况",
         title="建设项目环境保护设施“三同时”及竣工环境保护验收情况的检查",
         legal_basis=[L_EPL + "第四十一条", L_BPEM + "第十五条"],
         target_type="建设项目建设单位", office="环境管理评价与排放管理科",
         checkpoints=[
             ("pf", "环境保护设施是否与主体工程同时设计、同时施工、同时投产使用", True, True),
             ("pf", "是否依法开展竣工环境保护验收并向社会公开", True, False),
             ("num", "主体工程投产至验收完成的月数", False, "月"),
             ("text", "验收报告公开网址或文号", False),
         ]),
    dict(id="EMG-01", domain="突发环境事件应急预案备案情况",
         title="企业事业单位突发环境事件应急预案编制、备案及演练情况的检查",
         legal_basis=[L_EPL + "第四十七条", L_EMERG, "《企业事业单位突发环境事件应急预案备案管理办法（试行）》"],
         target_type="可能发生突发环境事件的企业事业单位", office=DETACHMENT,
         checkpoints=[
             ("pf", "是否编制突发环境事件应急预案并报生态环境部门备案", True, True),
             ("text", "应急预案备案编号", False),
             ("pf", "预案是否按期开展回顾性评估或修订", True, False),
             ("num", "本年度应急演练次数", True, "次"),
             ("pf", "应急物资是否按预案配备", True, True),
         ]),
    dict(id="RISK-01", domain="环境安全隐患情况",
         title="突发环境事件风险防控措施及环境安全隐患排查治理情况的检查",
         legal_basis=[L_EPL + "第四十七条", L_EMERG],
         target_type="涉及环境风险物质的企业事业单位", office=DETACHMENT,
         checkpoints=[
             ("pf", "是否建立环境安全隐患排查治理制度和档案", True, False),
             ("pf", "事故应急池、雨水排口截断等防控设施是否完好可用", True, True),
             ("num", "本次检查发现隐患数量", True, "项"),
             ("choice", "最高隐患等级", True, ["无隐患", "一般隐患", "重大隐患"]),
         ]),
]

# The seed's joint list (联合抽查事项清单), items 15-22, 24, 43, 60, 69.
# Titles, target types and departments as the seed gives them; responsible
# office = the 市生态环境局 office named in the seed's last column.
ODS_COOP = ["市商务局", "市市场监管局"]
JOINT_ITEMS = [
    dict(id="ODS-15", code="15", domain=ODS_DOMAIN,
         title="消耗臭氧层物质含氢氯氟烃(HCFCs)年度生产配额、使用配额(100吨及以上)和使用备案(100吨以下)情况的检查",
         target_type="HCFCs的生产企业和使用企业", initiating=EEB, coop=ODS_COOP, office="大气环境科",
         legal_basis=[L_ODS, L_AIR],
         checkpoints=[
             ("pf", "是否取得年度生产/使用配额", True, True),
             ("num", "实际使用量(吨)", True, "吨"),
             ("text", "备案文件编号", False),
             ("choice", "使用用途", True, ["制冷", "发泡", "清洗", "其他"]),
         ]),
    dict(id="ODS-16", code="16", domain=ODS_DOMAIN,
         title="对销售ODS企业和单位备案情况的检查",
         target_type="销售ODS企业和单位", initiating=EEB, coop=ODS_COOP, office="大气环境科",
         legal_basis=[L_ODS, L_AIR],
         checkpoints=[
             ("pf", "是否向所在地生态环境主管部门备案", True, True),
             ("pf", "是否建立ODS购销台账并如实记录", True, True),
             ("num", "本年度ODS销售量", True, "千克"),
             ("choice", "主要销售品种", True, ["HCFC-22", "HCFC-141b", "HCFC-142b", "其他"]),
         ]),
    dict(id="ODS-17", code="17", domain=ODS_DOMAIN,
         title="对含ODS的制冷设备、制冷系统或者灭火系统的维修、报废处理, ODS回收、再生利用或者销毁等经营活动的单位备案情况的检查",
         target_type="含ODS的制冷设备、制冷系统或者灭火系统的维修、报废处理, ODS回收、再生利用或者销毁等经营活动的单位",
         initiating=EEB, coop=ODS_COOP, office="大气环境科",
         legal_basis=[L_ODS, L_AIR],
         checkpoints=[
             ("pf", "是否已向生态环境主管部门备案", True, True),
             ("pf", "维修、报废处理时是否回收ODS，未直接向大气排放", True, True),
             ("pf", "是否配备ODS回收设备及专用回收钢瓶", True, True),
             ("num", "本年度ODS回收量", True, "千克"),
             ("choice", "经营活动类型", True, ["维修", "报废处理", "回收", "再生利用", "销毁"]),
         ]),
    dict(id="ODS-18", code="18", domain=ODS_DOMAIN,
         title="副产四氯化碳(CTC)的甲烷氯化物企业合法销售和处置CTC情况的检查",
         target_type="副产四氯化碳(CTC)的甲烷氯化物企业", initiating=EEB, coop=ODS_COOP, office="大气环境科",
         legal_basis=[L_ODS, L_AIR],
         checkpoints=[
             ("num", "本年度CTC副产量", True, "吨"),
             ("pf", "CTC是否仅销售给取得配额或已备案的单位", True, True),
             ("pf", "CTC销售、处置台账是否完整", True, True),
             ("choice", "CTC主要去向", True, ["销售", "自行转化", "委托销毁", "贮存"]),
         ]),
    dict(id="ODS-19", code="19", domain=ODS_DOMAIN,
         # The seed repeats item 18's wording for item 19; kept verbatim.
         title="副产四氯化碳(CTC)的甲烷氯化物企业合法销售和处置CTC情况的检查",
         target_type="使用ODS作为化工原料用途的企业", initiating=EEB, coop=ODS_COOP, office="大气环境科",
         legal_basis=[L_ODS, L_AIR],
         checkpoints=[
             ("pf", "ODS原料用途是否已备案", True, True),
             ("num", "本年度作为原料使用的ODS量", True, "吨"),
             ("pf", "原料用途ODS是否未转作其他用途", True, True),
             ("text", "原料用途对应的产品名称", False),
         ]),
    dict(id="JL-20", code="20", domain="生态环境监测机构监督检查",
         title="生态环境监测机构开展监测情况的检查",
         target_type="生态环境监测机构", initiating=EEB, coop=["市市场监管局"], office="综合科",
         legal_basis=[L_EPL, L_AIR, "《检验检测机构监督管理办法》"],
         checkpoints=[
             ("pf", "资质认定证书是否有效、能力范围是否覆盖所出具报告项目", True, True),
             ("pf", "现场采样、样品流转和分析原始记录是否完整可追溯", True, True),
             ("num", "抽查监测报告份数", True, "份"),
             ("choice", "检查结论", True, ["符合要求", "存在一般性问题", "存在弄虚作假嫌疑"]),
             ("text", "抽查报告编号", False),
         ]),
    dict(id="JL-21", code="21", domain="车用油品质量监管",
         title="重点区域车用油品质量抽查监测",
         target_type="车用油品销售、运输、储存企业", initiating="市市场监管局", coop=[EEB], office="大气环境科",
         legal_basis=[L_AIR, "《中华人民共和国产品质量法》"],
         checkpoints=[
             ("pf", "油品进货凭证、质量检验报告是否齐全", True, True),
             ("choice", "抽样油品种类", True, ["车用汽油", "车用柴油", "车用尿素水溶液", "其他"]),
             ("num", "抽样批次", True, "批"),
             ("pf", "油气回收装置是否正常运行", False, True),
         ]),
    dict(id="JL-22", code="22", domain="机动车销售企业监管",
         title="机动车环保信息公开检查",
         target_type="机动车销售企业", initiating=EEB, coop=["市商务局"], office="大气环境科",
         legal_basis=[L_AIR],
         checkpoints=[
             ("pf", "在售车辆随车环保信息清单是否齐全、与车辆一致", True, True),
             ("num", "抽查车辆数", True, "辆"),
             ("num", "环保信息不一致车辆数", True, "辆"),
             ("pf", "是否在经营场所公开机动车环保信息", True, True),
         ]),
    dict(id="JL-24", code="24", domain="机动车排放检验机构检测情况抽查",
         title="机动车排放检验情况和设备使用情况检查",
         target_type="机动车排放检验单位", initiating="市市场监管局", coop=[EEB], office="大气环境科",
         legal_basis=[L_AIR, "《检验检测机构监督管理办法》"],
         checkpoints=[
             ("pf", "排放检验设备是否按规定检定/校准并正常使用", True, True),
             ("pf", "检验过程数据是否实时上传联网", True, False),
             ("num", "抽查检验报告份数", True, "份"),
             ("choice", "检查结论", True, ["符合要求", "存在一般性问题", "存在弄虚作假嫌疑"]),
         ]),
    dict(id="JL-43", code="43", domain="农业转基因生物安全检查",
         title="农业转基因生物安全监督检查",
         target_type="在我国境内从事农业转基因生物研究、试验、生产、加工、经营和进口、出口活动的单位和个人",
         initiating="市农业农村局", coop=[EEB, "鄂州海关"], office="生态科",
         legal_basis=["《中华人民共和国生物安全法》", "《农业转基因生物安全管理条例》"],
         checkpoints=[
             ("pf", "是否取得相应的农业转基因生物安全证书或批准文件", True, True),
             ("pf", "试验、生产场所是否落实隔离等安全控制措施", True, True),
             ("choice", "活动类型", True, ["研究", "试验", "生产", "加工", "经营", "进口", "出口"]),
             ("text", "批准文件编号", False),
         ]),
    dict(id="JL-60", code="60", domain="车市场监管",
         title="报废机动车回收拆解活动监管",
         target_type="报废机动车回收拆解企业", initiating="市商务局",
         coop=["市发改委", EEB, "市经信局", "市交通运输局", "市市场监管局"], office="固废与核辐射管理科",
         legal_basis=["《报废机动车回收管理办法》", L_SOLID],
         checkpoints=[
             ("pf", "拆解作业场地是否硬化并设置防渗、油水分离设施", True, True),
             ("pf", "废机油、废铅蓄电池等危险废物是否分类贮存并交有资质单位处置", True, True),
             ("num", "本季度拆解车辆数", True, "辆"),
             ("pf", "汽车空调制冷剂是否规范回收", True, True),
         ]),
    dict(id="JL-69", code="69", domain="市政工程监督检查",
         title="城镇污水处理设施污染防治情况的检查",
         target_type="城镇污水处理厂", initiating=EEB, coop=["市水利湖泊局"],
         office="市生态环境综合执法支队及各分局(大队)",
         legal_basis=[L_WATER, "《城镇排水与污水处理条例》"],
         checkpoints=[
             ("pf", "出水是否稳定达到排放标准", True, True),
             ("num", "设计处理规模", True, "吨/日"),
             ("num", "近30日日均处理量", True, "吨/日"),
             ("pf", "进出水在线监测设备是否正常运行并联网", True, False),
             ("pf", "污泥是否规范处置并建立转移台账", True, True),
             ("choice", "执行排放标准", True, ["一级A", "一级B", "二级", "其他"]),
         ]),
]


def _checkpoint(item_id: str, n: int, spec: tuple) -> dict:
    kind = spec[0]
    cp = {"id": f"{item_id}-{n}", "text": spec[1]}
    if kind == "pf":
        cp.update(kind="pass_fail", required=spec[2])
        if spec[3]:
            cp["photo_on_fail"] = True
    elif kind == "num":
        cp.update(kind="number", required=spec[2], unit=spec[3])
    elif kind == "text":
        cp.update(kind="text", required=spec[2])
    elif kind == "choice":
        cp.update(kind="choice", choices=list(spec[3]), required=spec[2])
    else:
        raise ValueError(kind)
    return cp


# The item list's 比例 and 频次 (seed, 五(一) and 五(五)): which item carries which draw rule.
# The server reads `draw_rules` when a plan is published (docs/server.md, "Ratios and frequency");
# clients ignore the member. Ratios without a stated period are yearly (the annual plan).
DAILY_RULES = [  # 污染源日常双随机监管, by 监管对象 class and the drawing unit's level
    dict(stratum="key", level="city", frequency="quarter", ratio=dict(min_percent=5, max_percent=10),
         cover="year", basis="支队每季对全市范围内5%-10%的重点监管对象进行抽查，原则上争取每年对重点监管对象达到全覆盖"),
    dict(stratum="key", level="branch", frequency="quarter", ratio=dict(min_percent=10, max_percent=20),
         cover="year", basis="各分局按照10%-20%的重点监管对象进行抽查，原则上争取每年对重点监管对象达到全覆盖"),
    dict(stratum="general", level="city", frequency="year", per_staff=dict(min=3),
         basis="支队至少按照1:3比例（在编在岗的人员数量：被抽查单位数量）确定年度被抽查单位数量"),
    dict(stratum="general", level="branch", frequency="year", per_staff=dict(min=5),
         basis="各区分局（大队）至少按照1:5比例确定年度被抽查单位数量"),
    dict(stratum="special", frequency="quarter",
         basis="特殊监管对象尽量采取查看污染源自动监控数据、无人机巡查等非现场监管方式抽查；数量由计划确定"),
]
JOINT_RULES = {  # 联合监管抽查比例
    "ods": dict(stratum="ods", frequency="year", ratio=dict(min_percent=1, max_percent=3),
                basis="涉消耗臭氧层物质(ODS)…企业和单位的监管按1%-3%予以抽查"),
    "vehicle_sellers": dict(stratum="vehicle_sellers", frequency="year", per_year=dict(min=5, max=10),
                            basis="机动车销售企业监管每年抽查5-10家"),
    "sewage_plants": dict(stratum="sewage_plants", frequency="year", ratio=dict(min_percent=20, max_percent=20),
                          basis="市政工程监督检查（城镇污水处理设施污染防治情况的检查）按20%抽查"),
}
JOINT_GROUPS = {"ods": ["15", "16", "17", "18", "19"], "vehicle_sellers": ["22"], "sewage_plants": ["69"]}


def draw_rules_for(item_id: str, code: str) -> list[dict]:
    if item_id == "POLL-01":
        return [dict(r) for r in DAILY_RULES]
    return [dict(JOINT_RULES[g]) for g, codes in JOINT_GROUPS.items() if code in codes]


def build_catalogue() -> list[dict]:
    items = []
    for spec in LOCAL_ITEMS:
        items.append(dict(
            id=spec["id"], code=spec["id"], domain=spec["domain"], title=spec["title"],
            legal_basis=list(spec["legal_basis"]), target_type=spec["target_type"],
            initiating_dept=EEB, cooperating_depts=[], responsible_office=spec["office"], version=1,
            checkpoints=[_checkpoint(spec["id"], i + 1, c) for i, c in enumerate(spec["checkpoints"])],
        ))
    for spec in JOINT_ITEMS:
        items.append(dict(
            id=spec["id"], code=spec["code"], domain=spec["domain"], title=spec["title"],
            legal_basis=list(spec["legal_basis"]), target_type=spec["target_type"],
            initiating_dept=spec["initiating"], cooperating_depts=list(spec["coop"]),
            responsible_office=spec["office"], version=1,
            checkpoints=[_checkpoint(spec["id"], i + 1, c) for i, c in enumerate(spec["checkpoints"])],
        ))
    for item in items:
        rules = draw_rules_for(item["id"], item["code"])
        if rules:
            item["draw_rules"] = rules
    return items


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------


class NameBook:
    """Hands out unique fictional names (people and trade names)."""

    def __init__(self, rng: DemoRng) -> None:
        self.rng = rng
        self.people: set[str] = set(RESERVED_NAMES)
        self.trades: set[str] = set()

    def person(self) -> str:
        while True:
            # always a two-character given name: fewer clashes with well-known people
            given = self.rng.choice(GIVEN) + self.rng.choice(GIVEN)
            name = self.rng.choice(SURNAMES) + given
            if name not in self.people and len(set(name)) == len(name):
                self.people.add(name)
                return name

    def trade(self) -> str:
        while True:
            name = self.rng.choice(TRADE_FIRST) + self.rng.choice(TRADE_SECOND)
            if name not in self.trades:
                self.trades.add(name)
                return name


def company_name(rng: DemoRng, trade: str, word: str) -> str:
    if word == "医院":
        return f"鄂州{trade}医院有限公司"
    prefix = rng.weighted([("鄂州市", 7), ("湖北", 2), ("鄂州", 1)])
    form = rng.weighted([("有限公司", 8), ("股份有限公司", 1), ("有限责任公司", 1)])
    if word in ("汽车销售服务", "机动车检测", "石油销售", "报废汽车回收拆解", "制冷设备维修"):
        form = "有限公司"
    return f"{prefix}{trade}{word}{form}"


def address(rng: DemoRng, district: str, roads_used: dict) -> str:
    town = rng.choice(TOWNS[district])
    road = rng.choice(ROAD_PARTS[district]) + rng.weighted(ROAD_KINDS)
    while True:
        num = rng.between(1, 388)
        key = (district, road, num)
        if key not in roads_used:
            roads_used[key] = True
            break
    return f"湖北省鄂州市{district}{town}{road}{num}号"


# --------------------------------------------------------------------------
# Targets (抽查对象名录库)
# --------------------------------------------------------------------------


def _tags_for(rng: DemoRng, category: str, permit: str, pollutants: list[str], grading: bool,
              supervision: str) -> dict:
    if category == "special":
        credit = rng.weighted([("环保诚信企业", 7), ("环保良好企业", 3)])
        weather = rng.weighted([("A", 1), ("B", 2)]) if grading else None
    elif category == "key":
        if supervision == "信用评价等级低企业":
            credit = rng.weighted([("环保警示企业", 2), ("环保不良企业", 1)])
        else:
            credit = rng.weighted([("环保良好企业", 8), ("环保诚信企业", 2), ("环保警示企业", 3), (None, 7)])
        weather = rng.weighted([("B", 3), ("C", 4), ("D", 2)]) if grading else None
    else:
        credit = rng.weighted([("环保良好企业", 7), (None, 13)])
        weather = rng.weighted([("C", 3), ("D", 2), ("B", 1)]) if grading else None
    polls = list(pollutants)
    if "噪声" not in polls and rng.percent(25):
        polls.append("噪声")
    return {"permit_class": permit, "supervision_type": supervision, "pollutants": polls,
            "weather_grade": weather, "credit_rating": credit}


def build_targets(rng: DemoRng, names: NameBook) -> list[dict]:
    roads_used: dict = {}
    raw: list[dict] = []

    # 1. hand-placed joint-list enterprises
    for joint, word, category, permit, polls, sup, districts in JOINT_TARGETS:
        for district in districts:
            grading = word in ("聚氨酯材料", "氟硅化工", "精细化工", "汽车销售服务")
            raw.append(dict(word=word, district=district, category=category, permit=permit, pollutants=polls,
                            grading=grading and category == "key", supervision=sup, joint=list(joint)))

    # 2. generic enterprises: exact district and category quotas
    district_left = dict(DISTRICT_TOTALS)
    category_left = dict(CATEGORY_TOTALS)
    for r in raw:
        district_left[r["district"]] -= 1
        category_left[r["category"]] -= 1
    districts = [d for d in DISTRICTS for _ in range(district_left[d])]
    categories = [c for c in ("key", "general", "special") for _ in range(category_left[c])]
    rng.shuffle(districts)
    rng.shuffle(categories)
    for district, category in zip(districts, categories, strict=True):
        if category == "key":
            permit = rng.weighted([("重点管理", 17), ("简化管理", 3)])
        elif category == "general":
            permit = rng.weighted([("简化管理", 11), ("登记管理", 9)])
        else:
            permit = rng.weighted([("简化管理", 5), ("登记管理", 4), ("重点管理", 1)])
        fits = [p for p in PROFILES if permit in p["permits"]]
        weighted = [(p, p["where"].get(district, 0)) for p in fits]
        weighted = [(p, w) for p, w in weighted if w > 0] or [(p, 1) for p in fits]
        profile = rng.weighted(weighted)
        if category == "key":
            if permit == "重点管理":
                supervision = rng.choice(profile["key_sup"])
            else:
                supervision = rng.weighted([(r, 1) for r, _ in KEY_NON_MAJOR_REASONS])
        elif category == "special":
            supervision = "监督执法正面清单企业"
        else:
            supervision = "一般排污单位" if permit == "简化管理" else "登记管理单位"
        raw.append(dict(word=rng.choice(profile["words"]), district=district, category=category, permit=permit,
                        pollutants=profile["pollutants"], grading=profile["grading"], supervision=supervision,
                        joint=[]))

    # 3. interleave (so ids do not reveal the category), then number
    rng.shuffle(raw)
    targets = []
    for n, r in enumerate(raw, start=1):
        trade = names.trade()
        body6 = "".join(rng.choice(USCC_ALPHABET) for _ in range(6))
        targets.append({
            "id": f"T-{n:05d}",
            "name": company_name(rng, trade, r["word"]),
            "credit_code": make_credit_code(DIVISION_CODE[r["district"]], body6),
            "address": address(rng, r["district"], roads_used),
            "legal_rep": names.person(),
            "district": r["district"],
            "category": r["category"],
            "tags": _tags_for(rng, r["category"], r["permit"], r["pollutants"], r["grading"], r["supervision"]),
            "joint_list": sorted(r["joint"], key=int),
        })
    return targets


# --------------------------------------------------------------------------
# Inspectors (检查人员名录库)
# --------------------------------------------------------------------------

EXPERTISE = ["大气", "水", "固废", "危废", "辐射", "土壤", "噪声", "化学品", "环评", "监测"]
# (unit, positions in order); "见习执法队员" holds no certificate yet.
STAFF = [
    (DETACHMENT, ["支队长", "副支队长", "副支队长", "执法一大队大队长", "执法二大队大队长", "执法一大队副大队长",
                  "执法队员", "执法队员", "执法队员", "执法队员", "执法队员", "见习执法队员"]),
    ("鄂城分局", ["分局局长", "执法大队大队长", "执法队员", "执法队员", "执法队员"]),
    ("华容分局", ["分局局长", "执法大队大队长", "执法队员", "见习执法队员"]),
    ("梁子湖分局", ["分局副局长", "执法队员", "执法队员"]),
    ("葛店分局", ["分局局长", "执法队员", "执法队员"]),
    ("临空分局", ["分局副局长", "执法队员", "执法队员"]),
]
EXPERTS = [
    ("X-201", "湖北{t}环境技术咨询有限公司", "第三方服务机构行业专家（高级工程师）", ["危废", "化学品"]),
    ("X-202", "鄂州市{t}水环境工程咨询有限公司", "第三方服务机构行业专家（高级工程师）", ["水", "监测"]),
]


def build_inspectors(rng: DemoRng, names: NameBook) -> list[dict]:
    out = []
    n = 0
    for unit, positions in STAFF:
        for position in positions:
            n += 1
            k = rng.weighted([(1, 2), (2, 5), (3, 3)])
            expertise = sorted(rng.sample(EXPERTISE, k), key=EXPERTISE.index)
            certified = position != "见习执法队员"
            out.append({
                "id": f"I-{n:03d}",
                "name": names.person(),
                "unit": unit,
                "cert_no": f"鄂环执字第420700{9000 + n:04d}号" if certified else None,
                "position": position,
                "expertise": expertise,
                "third_party": False,
            })
    for xid, unit, position, expertise in EXPERTS:
        out.append({
            "id": xid,
            "name": names.person(),
            "unit": unit.format(t=names.trade()),
            "cert_no": None,
            "position": position,
            "expertise": list(expertise),
            "third_party": True,
        })
    return out


# --------------------------------------------------------------------------
# Plan, draw simulation, demo users
# --------------------------------------------------------------------------

PLAN_ID = "P-2026-Q4"
DRAW_ID = "D-2026Q4-01"
STRATA_ORDER = ("key", "general", "special")
PLAN_ITEMS = {
    "key": ["POLL-01", "PMT-02", "EMG-01"],
    "general": ["POLL-01", "ECO-01"],
    "special": ["POLL-01"],
}
PLAN_MODE = {"key": "onsite", "general": "onsite", "special": "offsite"}
PLAN_EXPERTS = {"key": ["X-201"], "general": [], "special": []}
JOINT_ITEM_EXPERTS = {"69": ["X-202"]}
SPECIAL_K = 3


def party_seeds_for_attempt(n: int) -> list[dict]:
    """Each party's 32-byte seed and its commitment (SHA-256 of the bytes)."""
    out = []
    for party in SEED_PARTIES:
        seed = hashlib.sha256(SEED_PHRASE.format(party=party, n=n).encode("utf-8")).digest()
        out.append({"name": party, "seed": seed.hex(), "seed_commitment": hashlib.sha256(seed).hexdigest()})
    return out


def combined_seed(parties: list[dict]) -> str:
    """sha256-ctr-fy-v2: SHA-256 of the parties' raw seeds in order."""
    return hashlib.sha256(b"".join(bytes.fromhex(p["seed"]) for p in parties)).hexdigest()


def plan_counts(targets, inspectors) -> dict:
    per_cat = {c: sum(1 for t in targets if t["category"] == c) for c in STRATA_ORDER}
    staff = sum(1 for i in inspectors if i["unit"] == DETACHMENT and not i["third_party"])
    return dict(
        per_cat=per_cat,
        staff=staff,
        k_key=math.ceil(per_cat["key"] * 10 / 100),
        k_general=math.ceil(staff * 3 / 4),
        k_special=SPECIAL_K,
    )


def build_plan(targets, inspectors, parties: list[dict]) -> dict:
    c = plan_counts(targets, inspectors)
    basis = {
        "key": (f"重点监管对象{c['per_cat']['key']}家，支队每季度按10%抽查："
                f"{c['per_cat']['key']}×10%，向上取整为{c['k_key']}家"),
        "general": (f"支队在编在岗{c['staff']}人，按1:3确定年度一般监管对象抽查数不少于{c['staff'] * 3}家，"
                    f"分4个季度实施，本季度{c['k_general']}家"),
        "special": (f"特殊监管对象{c['per_cat']['special']}家，本季度抽取{c['k_special']}家，"
                    "采取查看污染源自动监控数据、无人机巡查等非现场方式"),
    }
    k = {"key": c["k_key"], "general": c["k_general"], "special": c["k_special"]}
    return {
        "id": PLAN_ID,
        "name": "2026年第四季度生态环境监管双随机抽查计划",
        "year": 2026,
        "kind": "routine",
        "unit": DETACHMENT,
        "status": "published",
        "published_at": "2026-09-28T10:00:00.000+08:00",
        "window": {"from": "2026-10-01", "to": "2026-12-31"},
        "strata": [
            {"category": cat, "k": k[cat], "mode": PLAN_MODE[cat], "item_ids": list(PLAN_ITEMS[cat]),
             "expert_ids": list(PLAN_EXPERTS[cat]), "basis": basis[cat]}
            for cat in STRATA_ORDER
        ],
        "joint_items": {
            "rule": "onsite_targets_add_joint_list_items",
            "description": ("现场检查的受检对象，追加其 joint_list 中各编号对应的联合抽查事项（catalogue 中 code 相同的事项），"
                            "joint_departments 为这些事项的发起部门与配合部门中除市生态环境局以外的部门，对同一对象联合开展检查"),
            "expert_ids": {k2: list(v) for k2, v in JOINT_ITEM_EXPERTS.items()},
        },
        "draw": {
            "id": DRAW_ID,
            "algorithm": "sha256-ctr-fy-v2",
            "parties": [{"name": p["name"], "seed_commitment": p["seed_commitment"]} for p in parties],
            "strata_order": list(STRATA_ORDER),
            "candidates_rule": "all_targets_of_category",
            "inspector_pool_rule": "certified_non_third_party",
            "team_size": 2,
            "conflicts": {},
        },
    }


def draw_input(plan: dict, targets, inspectors, parties: list[dict]) -> dict:
    d = plan["draw"]
    k = {s["category"]: s["k"] for s in plan["strata"]}
    seed = combined_seed(parties)
    return {
        "id": d["id"],
        "plan_id": plan["id"],
        "algorithm": d["algorithm"],
        "seed_commitment": hashlib.sha256(bytes.fromhex(seed)).hexdigest(),
        "seed": seed,
        "strata": [
            {"category": cat, "candidates": [t["id"] for t in targets if t["category"] == cat], "k": k[cat]}
            for cat in d["strata_order"]
        ],
        "inspector_pool": [i["id"] for i in inspectors if i["cert_no"] and not i["third_party"]],
        "team_size": d["team_size"],
        "conflicts": dict(d["conflicts"]),
    }


def preview_assignments(plan, targets, catalogue, selected, teams) -> list[dict]:
    by_id = {t["id"]: t for t in targets}
    stratum = {s["category"]: s for s in plan["strata"]}
    items_by_code = {i["code"]: i for i in catalogue}
    out = []
    for tid in selected:
        t = by_id[tid]
        s = stratum[t["category"]]
        item_ids = list(s["item_ids"])
        experts = list(s["expert_ids"])
        depts: list[str] = []
        if s["mode"] == "onsite":
            for code in t["joint_list"]:
                item = items_by_code[code]
                if item["id"] not in item_ids:
                    item_ids.append(item["id"])
                for dept in [item["initiating_dept"]] + item["cooperating_depts"]:
                    if dept != EEB and dept not in depts:
                        depts.append(dept)
                for x in plan["joint_items"]["expert_ids"].get(code, []):
                    if x not in experts:
                        experts.append(x)
        team = [{"inspector_id": teams[tid][0], "role": "leader"}]
        team += [{"inspector_id": m, "role": "member"} for m in teams[tid][1:]]
        team += [{"inspector_id": x, "role": "expert"} for x in experts]
        out.append({"target_id": tid, "name": t["name"], "district": t["district"], "category": t["category"],
                    "mode": s["mode"], "item_ids": item_ids, "joint_departments": depts, "team": team})
    return out


def demo_shape_kept(assignments) -> bool:
    """The shape of the demo the tests were written against: leader1 (I-022) on four teams —
    leading an on-site one with inspector1 (I-002), a general on-site one without, and on an
    off-site one; inspector1 on two teams, one led by someone else."""
    leader, member = PREFERRED_DEMO_USERS

    def ids(a):
        return [m["inspector_id"] for m in a["team"]]
    mine = [a for a in assignments if leader in ids(a)]
    theirs = [a for a in assignments if member in ids(a)]
    led = [a for a in mine if ids(a)[0] == leader]
    return (len(mine) == 4 and len(theirs) == 2
            and any(a["mode"] == "onsite" and member in ids(a) for a in led)
            and any(a["mode"] == "onsite" and a["category"] == "general" and member not in ids(a) for a in led)
            and any(a["mode"] == "offsite" for a in mine)
            and any(ids(a)[0] != leader for a in theirs))


def choose_demo_users(assignments) -> dict | None:
    """leader1: leads >= 2 onsite teams (most leads, then lowest id).
    inspector1: another inspector, member of >= 1 onsite team; prefer one on a
    leader1 team, then one who leads nothing, then lowest id."""
    leads: dict[str, list[str]] = {}
    member: dict[str, list[tuple[str, str]]] = {}
    leads_any: dict[str, int] = {}
    for a in assignments:
        leader = a["team"][0]["inspector_id"]
        leads_any[leader] = leads_any.get(leader, 0) + 1
        if a["mode"] != "onsite":
            continue
        leads.setdefault(leader, []).append(a["target_id"])
        for m in a["team"][1:]:
            if m["role"] == "member":
                member.setdefault(m["inspector_id"], []).append((a["target_id"], leader))
    leaders = sorted((i for i in leads if len(leads[i]) >= 2), key=lambda i: (-len(leads[i]), i))
    if not leaders:
        return None
    leader1 = leaders[0]
    cands = [i for i in member if i != leader1]
    if not cands:
        return None
    cands.sort(key=lambda i: (not any(l == leader1 for _, l in member[i]), leads_any.get(i, 0) > 0, i))
    inspector1 = cands[0]
    return {
        "leader1": {"inspector_id": leader1, "leads_onsite": leads[leader1]},
        "inspector1": {"inspector_id": inspector1,
                       "member_onsite": [{"target_id": t, "leader": l} for t, l in member[inspector1]],
                       "leads_any": leads_any.get(inspector1, 0)},
    }


def build_users(inspectors, demo) -> list[dict]:
    by_id = {i["id"]: i for i in inspectors}
    l1 = by_id[demo["leader1"]["inspector_id"]]
    i1 = by_id[demo["inspector1"]["inspector_id"]]
    return [
        {"username": "leader1", "password": "demo1234", "inspector_id": l1["id"], "name": l1["name"],
         "unit": l1["unit"], "roles": ["inspector", "leader"]},
        {"username": "inspector1", "password": "demo1234", "inspector_id": i1["id"], "name": i1["name"],
         "unit": i1["unit"], "roles": ["inspector"]},
        {"username": "admin", "password": "demo1234", "inspector_id": None, "name": "系统管理员",
         "unit": "市生态环境局法制科", "roles": ["admin"]},
        # Holds a confidential result back (or refuses to): on no team, so never its inspector.
        {"username": "approver", "password": "demo1234", "inspector_id": None, "name": "法制审核员",
         "unit": "市生态环境局法制科", "roles": ["approver"]},
    ]


# --------------------------------------------------------------------------
# Assemble, validate, write
# --------------------------------------------------------------------------


def generate() -> dict[str, object]:
    rng = DemoRng(DATA_PHRASE, "data")
    names = NameBook(rng)
    targets = build_targets(rng, names)
    inspectors = build_inspectors(rng, names)
    catalogue = build_catalogue()
    fallback = None
    for attempt in range(200000):
        parties = party_seeds_for_attempt(attempt)
        plan = build_plan(targets, inspectors, parties)
        draw = draw_input(plan, targets, inspectors, parties)
        selected, teams = run_draw(draw)
        assignments = preview_assignments(plan, targets, catalogue, selected, teams)
        demo = choose_demo_users(assignments)
        if demo is None:
            continue
        found = (attempt, parties, plan, draw, selected, teams, assignments, demo)
        if fallback is None:
            fallback = found
        if (demo["leader1"]["inspector_id"], demo["inspector1"]["inspector_id"]) == PREFERRED_DEMO_USERS \
                and demo_shape_kept(assignments):
            break
    else:
        if fallback is None:
            raise SystemExit("no seed attempt satisfied the demo-user requirement")
        found = fallback
    attempt, parties, plan, draw, selected, teams, assignments, demo = found
    preview = {
        "note": ("Simulated by assets/demo/generate.py; the server runs this draw itself and must obtain "
                 "the same selected/teams. Not server data."),
        "seed_derivation": {"phrases": [SEED_PHRASE.format(party=p, n=attempt) for p in SEED_PARTIES],
                            "attempt": attempt, "party_seed": "sha256(UTF-8(phrase))",
                            "seed": "sha256(party seeds concatenated)"},
        "draw": dict(draw, selected=selected, teams=teams),
        "assignments": assignments,
        "demo_users": demo,
    }
    return {
        "targets.json": targets,
        "inspectors.json": inspectors,
        "catalogue.json": catalogue,
        "users.json": build_users(inspectors, demo),
        "plan.json": plan,
        "draw-preview.json": preview,
        "party-seeds.json": {
            "note": ("Demo only: each seed party keeps its seed secret until the plan is published, then "
                     "reveals it (fieldinspect-server admin reveal-seed). --demo reveals these."),
            "plan_id": PLAN_ID,
            "parties": [{"name": p["name"], "seed": p["seed"]} for p in parties],
        },
    }


def dump(obj) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_all(out: Path) -> None:
    data = generate()
    problems = validate(data)
    if problems:
        for p in problems:
            print("invalid:", p, file=sys.stderr)
        raise SystemExit(1)
    out.mkdir(parents=True, exist_ok=True)
    for name in OUTPUT_FILES:
        (out / name).write_bytes(dump(data[name]))


# ----------------------------- validation ---------------------------------

TARGET_KEYS = ["id", "name", "credit_code", "address", "legal_rep", "district", "category", "tags", "joint_list"]
TAG_KEYS = ["permit_class", "supervision_type", "pollutants", "weather_grade", "credit_rating"]
ITEM_KEYS = ["id", "code", "domain", "title", "legal_basis", "target_type", "initiating_dept",
             "cooperating_depts", "responsible_office", "version", "checkpoints"]
INSPECTOR_KEYS = ["id", "name", "unit", "cert_no", "position", "expertise", "third_party"]
UNITS = [DETACHMENT, "鄂城分局", "华容分局", "梁子湖分局", "葛店分局", "临空分局"]


def first_plan_k_range(rule: dict, n: int, staff: int) -> tuple[int, int]:
    """k a unit's first one-quarter plan of the year may draw under `rule` (DrawQuota, m = 1)."""
    if "ratio" in rule:
        periods = 4 if rule["frequency"] == "quarter" else 1
        lo_pct, hi_pct = rule["ratio"]["min_percent"], rule["ratio"]["max_percent"]
        ymin = -(-n * lo_pct * periods // 100)
        ymax = max(ymin, n * hi_pct * periods // 100)
    elif "per_year" in rule:
        ymin, ymax = rule["per_year"]["min"], rule["per_year"]["max"]
    elif "per_staff" in rule:
        ymin, ymax = staff * rule["per_staff"]["min"], n
    else:
        return min(1, n), n
    ymin, ymax = min(ymin, n), min(max(ymax, ymin), n)
    hi = ymax
    if "ratio" in rule and rule["frequency"] == "quarter":
        hi = min(hi, -(-n * rule["ratio"]["max_percent"] // 100))
    return min(-(-ymin // 4), hi), hi


def validate(data: dict) -> list[str]:
    """Checks on a full data set (as parsed JSON).  Independent of the builders
    where it matters: credit codes, the draw requirement."""
    p: list[str] = []
    targets, inspectors = data["targets.json"], data["inspectors.json"]
    catalogue, users = data["catalogue.json"], data["users.json"]
    plan, preview = data["plan.json"], data["draw-preview.json"]

    # targets
    ids = [t["id"] for t in targets]
    if len(set(ids)) != len(ids):
        p.append("duplicate target ids")
    if not 280 <= len(targets) <= 320:
        p.append(f"{len(targets)} targets")
    seen_codes, seen_names = set(), set()
    division = {v: k for k, v in DIVISION_CODE.items() if k in ("鄂城区", "华容区", "梁子湖区")}
    codes = {i["code"] for i in catalogue}
    for t in targets:
        if list(t) != TARGET_KEYS or list(t["tags"]) != TAG_KEYS:
            p.append(f"{t['id']}: keys")
        code = t["credit_code"]
        if not uscc_valid_independent(code):
            p.append(f"{t['id']}: credit code {code} fails GB 32100 check")
        if code[17] != uscc_check_char(code[:17]):
            p.append(f"{t['id']}: {code}: check character should be {uscc_check_char(code[:17])}")
        if not org_code_valid_independent(code[8:17]):
            p.append(f"{t['id']}: organisation code {code[8:17]} fails GB 11714 check")
        if code[:2] != "91":
            p.append(f"{t['id']}: credit code prefix")
        expect_div = DIVISION_CODE.get(t["district"])
        if code[2:8] != expect_div:
            p.append(f"{t['id']}: division {code[2:8]} for {t['district']}")
        if code[2:8] in division and division[code[2:8]] != t["district"]:
            p.append(f"{t['id']}: division mismatch")
        if code in seen_codes or t["name"] in seen_names:
            p.append(f"{t['id']}: duplicate code or name")
        seen_codes.add(code)
        seen_names.add(t["name"])
        if t["district"] not in t["address"]:
            p.append(f"{t['id']}: address not in district")
        if t["category"] not in STRATA_ORDER:
            p.append(f"{t['id']}: category")
        tags = t["tags"]
        if tags["permit_class"] not in ("重点管理", "简化管理", "登记管理"):
            p.append(f"{t['id']}: permit_class")
        if tags["weather_grade"] not in ("A", "B", "C", "D", None):
            p.append(f"{t['id']}: weather_grade")
        if tags["credit_rating"] not in CREDIT_HIGH + CREDIT_LOW + [None]:
            p.append(f"{t['id']}: credit_rating")
        if t["category"] == "special" and tags["credit_rating"] not in CREDIT_HIGH:
            p.append(f"{t['id']}: special target without high credit")
        if t["category"] == "general" and tags["credit_rating"] in CREDIT_LOW:
            p.append(f"{t['id']}: general target with low credit")
        if t["category"] == "key" and tags["permit_class"] != "重点管理" and tags["supervision_type"] not in [
                r for r, _ in KEY_NON_MAJOR_REASONS]:
            p.append(f"{t['id']}: key target without a reason")
        if t["category"] == "general" and tags["permit_class"] == "重点管理":
            p.append(f"{t['id']}: general target under 重点管理")
        if not tags["pollutants"]:
            p.append(f"{t['id']}: no pollutants")
        for c in t["joint_list"]:
            if c not in codes:
                p.append(f"{t['id']}: joint item {c} not in catalogue")
    n = len(targets)
    per_cat = {c: sum(1 for t in targets if t["category"] == c) for c in STRATA_ORDER}
    for cat, pct in (("key", 25), ("general", 60), ("special", 15)):
        if abs(per_cat[cat] * 100 - pct * n) > 3 * n:
            p.append(f"{cat}: {per_cat[cat]} of {n}")
    key_major = sum(1 for t in targets if t["category"] == "key" and t["tags"]["permit_class"] == "重点管理")
    if key_major * 100 < 70 * per_cat["key"]:
        p.append("key targets not mostly 重点管理")
    ods = sum(1 for t in targets if set(t["joint_list"]) & {"15", "16", "17", "18", "19"})
    veh = sum(1 for t in targets if "22" in t["joint_list"])
    sew = sum(1 for t in targets if "69" in t["joint_list"])
    if not (13 <= ods <= 17 and 9 <= veh <= 11 and sew == 5):
        p.append(f"joint counts ODS {ods}, vehicles {veh}, sewage {sew}")
    for d in DISTRICTS:
        if not any(t["district"] == d for t in targets):
            p.append(f"no target in {d}")

    # inspectors
    iids = [i["id"] for i in inspectors]
    if len(set(iids)) != len(iids):
        p.append("duplicate inspector ids")
    for i in inspectors:
        if list(i) != INSPECTOR_KEYS:
            p.append(f"{i['id']}: keys")
        if i["third_party"]:
            if i["cert_no"] is not None or not i["id"].startswith("X-"):
                p.append(f"{i['id']}: third party with certificate")
        else:
            if i["unit"] not in UNITS:
                p.append(f"{i['id']}: unit")
            if i["cert_no"] is not None and not (i["cert_no"].startswith("鄂环执字第420700")
                                                 and i["cert_no"].endswith("号")):
                p.append(f"{i['id']}: cert_no format")
        if not i["expertise"] or any(e not in EXPERTISE for e in i["expertise"]):
            p.append(f"{i['id']}: expertise")
    if [i for i in iids if i.startswith("X-")] != ["X-201", "X-202"]:
        p.append("experts X-201, X-202 missing")
    people = [t["legal_rep"] for t in targets] + [i["name"] for i in inspectors]
    if len(set(people)) != len(people) or RESERVED_NAMES & set(people):
        p.append("person names not unique or reserved")

    # catalogue
    cids = [i["id"] for i in catalogue]
    if len(set(cids)) != len(cids):
        p.append("duplicate catalogue ids")
    for code in ("15", "16", "17", "18", "19", "20", "21", "22", "24", "43", "60", "69"):
        if code not in codes:
            p.append(f"joint item {code} missing")
    for item in catalogue:
        if list(item) not in (ITEM_KEYS, ITEM_KEYS + ["draw_rules"]):
            p.append(f"{item['id']}: keys")
        if not item["legal_basis"] or any(not (b.startswith("《") and "》" in b) for b in item["legal_basis"]):
            p.append(f"{item['id']}: legal_basis")
        cps = item["checkpoints"]
        if not 3 <= len(cps) <= 6:
            p.append(f"{item['id']}: {len(cps)} checkpoints")
        if len({c["kind"] for c in cps}) < 2:
            p.append(f"{item['id']}: checkpoints of one kind only")
        for j, c in enumerate(cps, start=1):
            if c["id"] != f"{item['id']}-{j}":
                p.append(f"{c['id']}: id")
            if c["kind"] not in ("pass_fail", "number", "text", "choice") or not isinstance(c["required"], bool):
                p.append(f"{c['id']}: kind/required")
            if (c["kind"] == "number") != ("unit" in c) or (c["kind"] == "choice") != ("choices" in c):
                p.append(f"{c['id']}: unit/choices")
            if "photo_on_fail" in c and c["kind"] != "pass_fail":
                p.append(f"{c['id']}: photo_on_fail")
    kinds = {c["kind"] for item in catalogue for c in item["checkpoints"]}
    if kinds != {"pass_fail", "number", "text", "choice"}:
        p.append("catalogue does not use all four checkpoint kinds")

    # plan + draw: recompute from the files, compare with the preview
    try:
        revealed = data["party-seeds.json"]["parties"]
        committed = plan["draw"]["parties"]
        if len(committed) < 2 or [c["name"] for c in committed] != [r["name"] for r in revealed]:
            p.append("plan parties and party-seeds.json differ (at least two needed)")
        for c, r in zip(committed, revealed):
            if hashlib.sha256(bytes.fromhex(r["seed"])).hexdigest() != c["seed_commitment"]:
                p.append(f"party {c['name']}: seed does not match its commitment")
        if "seed" in plan["draw"]:
            p.append("the plan carries a seed")
        for s in plan["strata"]:
            for iid in s["item_ids"]:
                if iid not in cids:
                    p.append(f"plan item {iid} not in catalogue")
        draw = draw_input(plan, targets, inspectors, revealed)
        selected, teams = run_draw(draw)
        if dict(draw, selected=selected, teams=teams) != preview["draw"]:
            p.append("draw-preview.json draw differs from a recomputation")
        assignments = preview_assignments(plan, targets, catalogue, selected, teams)
        if assignments != preview["assignments"]:
            p.append("draw-preview.json assignments differ from a recomputation")
        demo = preview["demo_users"]
        users_by = {u["username"]: u for u in users}
        l1 = users_by["leader1"]["inspector_id"]
        i1 = users_by["inspector1"]["inspector_id"]
        certified = {i["id"] for i in inspectors if i["cert_no"] and not i["third_party"]}
        if l1 not in certified or i1 not in certified or l1 == i1:
            p.append("demo users not two distinct certificate holders")
        if l1 != demo["leader1"]["inspector_id"] or i1 != demo["inspector1"]["inspector_id"]:
            p.append("users.json and draw-preview.json disagree on demo users")
        led = [a for a in assignments if a["mode"] == "onsite" and a["team"][0]["inspector_id"] == l1]
        mem = [a for a in assignments if a["mode"] == "onsite" and a["team"][0]["inspector_id"] != i1
               and any(m["inspector_id"] == i1 and m["role"] == "member" for m in a["team"])]
        if len(led) < 2:
            p.append(f"leader1 ({l1}) leads {len(led)} onsite teams")
        if not mem:
            p.append(f"inspector1 ({i1}) is a member of no onsite team led by someone else")
        if "admin" not in users_by or "admin" not in users_by["admin"]["roles"]:
            p.append("admin user missing")
        k = {s["category"]: s["k"] for s in plan["strata"]}
        staff = sum(1 for i in inspectors if i["unit"] == plan["unit"] and not i["third_party"])
        # The item list's rules: one per stratum and level (items may repeat it), and the demo plan's k inside the
        # range the server allows a unit's first plan of the year (server/drawquota.cpp).
        rules = [r for item in catalogue for r in item.get("draw_rules", [])]
        for stratum in list(STRATA_ORDER) + list(JOINT_GROUPS):
            for level in ("city", "branch"):
                found = [r for r in rules if r["stratum"] == stratum and r.get("level", level) == level]
                if not found or any(r != found[0] for r in found):
                    p.append(f"draw rules: none, or items disagree, for {stratum} at {level} level")
        for s in plan["strata"]:
            rule = next(r for r in rules if r["stratum"] == s["category"] and r.get("level", "city") == "city")
            lo, hi = first_plan_k_range(rule, per_cat[s["category"]], staff)
            if not lo <= s["k"] <= hi:
                p.append(f"plan k {s['k']} of {s['category']} outside the rule's {lo}-{hi}")
        if k["key"] * 100 < 10 * per_cat["key"] or k["general"] * 4 < staff * 3:
            p.append("plan k below the seed's ratios")
    except (KeyError, ValueError, TypeError) as exc:
        p.append(f"plan/draw: {exc!r}")
    return p


def self_test_codes() -> list[str]:
    errors = []
    if tuple(pow(3, i, 31) for i in range(17)) != USCC_WEIGHTS:
        errors.append("GB 32100 weights are not 3^i mod 31")
    sample = "91420702YD000000"
    first17 = sample + org_code_check_char(sample[8:])
    code = first17 + uscc_check_char(first17)
    if not uscc_valid_independent(code):
        errors.append(f"self-made code {code} rejected")
    for pos in range(18):
        for c in USCC_ALPHABET:
            if c != code[pos]:
                bad = code[:pos] + c + code[pos + 1:]
                if uscc_valid_independent(bad):
                    errors.append(f"single-character error not caught: {bad}")
                    break
    if org_code_check_char("D2143569") != "X":  # GB 11714 worked example D2143569-X
        errors.append("GB 11714 check wrong on D2143569")
    return errors


def check() -> int:
    problems: list[str] = []
    if DRAW_VECTORS.exists():
        problems += verify_draw_vectors(DRAW_VECTORS)
    else:
        problems.append(f"missing {DRAW_VECTORS}")
    problems += self_test_codes()
    committed: dict = {}
    for name in OUTPUT_FILES:
        path = HERE / name
        if not path.exists():
            problems.append(f"missing committed file {name}")
            continue
        committed[name] = json.loads(path.read_text(encoding="utf-8"))
    if len(committed) == len(OUTPUT_FILES):
        problems += [f"committed data: {x}" for x in validate(committed)]
    with tempfile.TemporaryDirectory() as tmp:
        write_all(Path(tmp))
        for name in OUTPUT_FILES:
            fresh = (Path(tmp) / name).read_bytes()
            path = HERE / name
            if path.exists() and path.read_bytes() != fresh:
                problems.append(f"{name} differs from a fresh generation")
    for p in problems:
        print("check:", p, file=sys.stderr)
    if problems:
        return 1
    print(f"check: ok ({len(OUTPUT_FILES)} files identical, draw vectors pass, "
          f"{len(committed['targets.json'])} credit codes valid)")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="directory to write the files into")
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temp dir, compare with the committed files, verify vectors")
    args = ap.parse_args(argv)
    if args.check:
        return check()
    if not args.out:
        ap.error("give --out DIR or --check")
    write_all(args.out)
    print(f"wrote {len(OUTPUT_FILES)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
