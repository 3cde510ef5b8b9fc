#!/usr/bin/python3
"""The interface's CJK face, cut from the system's Noto Sans CJK SC (issue 21).

A screen of Chinese text in the full collection (19 MB, 65,535 glyphs for five regions)
touches pages all over the file: each first touch maps 64 KiB around it. This keeps the glyphs
Chinese text in the interface and its data uses, in the collection's order, so that the same
screen touches a file of about 4 MB:

- the 8,105 characters of the Table of General Standard Chinese Characters (通用规范汉字表,
  Unihan kTGH), which names registered since 2013 are written in, and GB 2312's 6,763 (kGB0);
- Latin, general punctuation, symbols and arrows, CJK symbols and punctuation, enclosed
  forms, full-width forms;
- every character of the given text files (the translations), so the interface's own words
  are always in it.

A character outside it (a rare character in a company's name) is drawn from the system's
collection, which stays installed (fontconfig's fallback). The family is renamed so it is never
mistaken for the full one. Noto Sans CJK is under the SIL Open Font License 1.1; its reserved
name is "Source", which this name does not use.

    subset_cjk.py COLLECTION UNIHAN_OTHER_MAPPINGS.bz2 OUTPUT.otf [TEXT_FILE…]
"""
import bz2
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

FAMILY = "FieldInspect Sans SC"
POSTSCRIPT = "FieldInspectSansSC-Regular"
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x2000, 0x2BFF), (0x3000, 0x30FF), (0x3200, 0x33FF),
          (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]


def main(collection, unihan, output, *texts):
    wanted = set()
    for lo, hi in RANGES:
        wanted.update(range(lo, hi + 1))
    with bz2.open(unihan, "rt", encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 3 and fields[1] in ("kTGH", "kGB0"):
                wanted.add(int(fields[0][2:], 16))
    for path in texts:
        with open(path, encoding="utf-8") as f:
            wanted.update(ord(c) for c in f.read() if ord(c) >= 0x80)

    fonts = TTCollection(collection).fonts
    sc = [f for f in fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC"]
    if not sc:
        sys.exit(f"subset_cjk: {collection} has no Noto Sans CJK SC face")
    font = sc[0]
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted))
    subsetter.subset(font)

    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY
        elif record.nameID == 6:
            record.string = POSTSCRIPT
        elif record.nameID == 3:
            record.string = POSTSCRIPT + ";subset of " + str(record.toUnicode())
    font["name"].names = [r for r in font["name"].names if r.nameID != 18]
    cff = font["CFF "].cff
    cff.fontNames = [POSTSCRIPT]
    top = cff.topDictIndex[0]
    top.FullName = FAMILY
    top.FamilyName = FAMILY
    missing = [c for c in wanted if 0x3400 <= c <= 0x9FFF and c not in font.getBestCmap()]
    if len(missing) > 50:
        sys.exit(f"subset_cjk: {len(missing)} wanted characters are not in the collection")
    font.save(output)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
