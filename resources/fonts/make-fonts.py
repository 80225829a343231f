#!/usr/bin/python3
"""Make the four PDF fonts in this folder from Noto Sans CJK SC (Debian's fonts-noto-cjk).

Each output is a subset of Noto Sans CJK SC (regular or bold) to the characters listed in
main-characters.txt or fallback-characters.txt, renamed so that no one takes a subset for the
whole font. Needs Debian's python3-fonttools and fonts-noto-cjk (see README.md); the app and
the tests only read the results.

    /usr/bin/python3 resources/fonts/make-fonts.py [folder with NotoSansCJK-Regular.ttc]

Then update SHA256SUMS (`sha256sum *.otf > SHA256SUMS` in this folder).
"""
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
SOURCE_DIR = Path(sys.argv[1]) if len(sys.argv) > 1 else Path('/usr/share/fonts/opentype/noto')

WEIGHTS = {'Regular': 'NotoSansCJK-Regular.ttc', 'Bold': 'NotoSansCJK-Bold.ttc'}
PARTS = {'Main': 'main-characters.txt', 'Fallback': 'fallback-characters.txt'}

# Noto Sans CJK 2.004 still has the glyphs of ≒ and ◈ that Source Han Sans SC 2.001 maps (the
# same outlines at the same glyph ids), but no member of the collection maps them any more.
# ≒ is in GB 18030's two-byte part, so the subsets map both again.
UNMAPPED = {0x2252: 'cid00858', 0x25C8: 'cid01261'}

# The OpenType features fontkit (pdfkit's layout engine) applies to horizontal text without a
# language: the glyphs they reach are kept. Vertical forms, 'locl' variants for other regions
# and alternates (aalt, fwid, ruby…) are never set, and would add 18,000 glyphs.
FEATURES = ['ccmp', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern',
            'ljmo', 'vjmo', 'tjmo']


def read_characters(path: Path) -> list[int]:
    chars: list[int] = []
    for line in path.read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if line == '' or line.startswith('#'):
            continue
        first, _, last = line.partition('..')
        chars.extend(range(int(first, 16), int(last or first, 16) + 1))
    return chars


def open_sc(ttc: Path, weight: str) -> TTFont:
    number = 0
    while True:
        font = TTFont(ttc, fontNumber=number)
        if font['name'].getDebugName(6) == f'NotoSansCJKsc-{weight}':
            return font
        number += 1


def remap(font: TTFont) -> None:
    order = set(font.getGlyphOrder())
    for code, glyph in UNMAPPED.items():
        if glyph not in order:
            raise SystemExit(f'{glyph} is not in the font: check UNMAPPED against this version')
        for table in font['cmap'].tables:
            if table.isUnicode() and table.format in (4, 12):
                table.cmap.setdefault(code, glyph)


def rename(font: TTFont, part: str, weight: str) -> None:
    name = font['name']
    version = name.getDebugName(5) or ''
    family = f'Noto Sans CJK SC {part}'
    postscript = f'NotoSansCJKsc{part}-{weight}'
    keep = {0, 7, 8, 9, 10, 11, 12, 13, 14}
    name.names = [record for record in name.names if record.nameID in keep]
    for name_id, value in {
        1: family if weight == 'Regular' else f'{family} {weight}',
        2: 'Regular' if weight == 'Regular' else weight,
        3: f'{postscript};{version}',
        4: f'{family} {weight}',
        5: f'{version}; subset by alliance-review resources/fonts/make-fonts.py',
        6: postscript,
        16: family,
        17: weight,
    }.items():
        name.setName(value, name_id, 3, 1, 0x409)
    cff = font['CFF ']
    cff.cff.fontNames = [postscript]
    top = cff.cff.topDictIndex[0]
    top.FullName = f'{family} {weight}'
    top.FamilyName = family
    for fd in getattr(top, 'FDArray', []):
        fd.FontName = f'{postscript}-{fd.FontName.split("-")[-1]}'


def make(weight: str, part: str) -> Path:
    font = open_sc(SOURCE_DIR / WEIGHTS[weight], weight)
    remap(font)
    options = subset.Options()
    options.name_IDs = ['*']
    options.name_languages = ['*']
    options.notdef_outline = True
    options.recalc_bounds = True
    options.layout_features = FEATURES
    # pdfkit's CFF subset keeps every subroutine slot of the font dictionaries it uses (about
    # 45 KB a font in each PDF); without subroutines it embeds only the glyphs, for 6 % more here.
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=read_characters(HERE / PARTS[part]))
    subsetter.subset(font)
    rename(font, part, weight)
    out = HERE / f'NotoSansCJKsc{part}-{weight}.otf'
    font.save(out)
    return out


if __name__ == '__main__':
    for weight in WEIGHTS:
        for part in PARTS:
            path = make(weight, part)
            print(f'{path.name}: {path.stat().st_size} bytes')
