#!/usr/bin/env python3
"""Writes emoji-names-zh.json: the Chinese short name (CLDR "tts" annotation) of every emoji.

The PDF fonts have no emoji, and a colour emoji font would add tens of megabytes, so the result
documents print an emoji by its name, 〔拇指向上〕, instead of a missing-character mark. The
names are Unicode CLDR's (licence: resources/fonts/CLDR-LICENSE.txt, Unicode-3.0).

usage: npm pack cldr-annotations-modern@45.0.0 cldr-annotations-derived-modern@45.0.0
       python3 make-emoji-names.py cldr-annotations-modern-45.0.0.tgz cldr-annotations-derived-modern-45.0.0.tgz
"""
import json
import sys
import tarfile

names = {}
for archive in sys.argv[1:]:
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if member.name.endswith('/zh/annotations.json'):
                data = json.load(tar.extractfile(member))
                table = data.get('annotations') or data.get('annotationsDerived')
                for sequence, entry in table['annotations'].items():
                    tts = entry.get('tts')
                    if tts:
                        names.setdefault(sequence, tts[0])
            if member.name.endswith('/LICENSE'):
                with open('CLDR-LICENSE.txt', 'wb') as out:
                    out.write(tar.extractfile(member).read())

# Only emoji (and their sequences): the annotations also name ordinary symbols the fonts have.
def is_emoji(sequence):
    return any(0x1F000 <= ord(c) <= 0x1FAFF or 0x2600 <= ord(c) <= 0x27BF or 0x1F1E6 <= ord(c) <= 0x1F1FF or c in '\u200d\ufe0f' for c in sequence)

emoji = {k: v for k, v in sorted(names.items()) if is_emoji(k)}
with open('emoji-names-zh.json', 'w', encoding='utf-8') as out:
    json.dump(emoji, out, ensure_ascii=False, separators=(',', ':'), sort_keys=True)
print(len(emoji), 'names')
