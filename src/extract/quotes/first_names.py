#!/usr/bin/env python3
"""Writes the name lists of first_names.cc from the Congress legislators data.

  python3 src/extract/quotes/first_names.py ../shared/data/ie/gazetteers/congress_legislators

prints `M name…` and `F name…` lines (sorted; names used for both genders are
left out) to paste into kMale / kFemale.
"""
import collections
import sys

import yaml

genders = collections.defaultdict(set)
for f in ("legislators-current.yaml", "executive.yaml"):
    for p in yaml.safe_load(open(f"{sys.argv[1]}/{f}")):
        name, sex = p.get("name", {}), p.get("bio", {}).get("gender")
        if not sex:
            continue
        for key in ("first", "nickname"):
            v = name.get(key)
            if v and v.isalpha() and len(v) > 1:
                genders[v.lower()].add(sex)
for sex in "MF":
    print(sex, " ".join(sorted(k for k, v in genders.items() if v == {sex})))
