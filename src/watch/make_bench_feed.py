#!/usr/bin/env python3
"""Writes an RSS 2.0 feed of N items from ECB+ dev documents (cycled, each
item with its own link) for timing `parallax watch` (see RESULTS.md).

usage: make_bench_feed.py ECBPLUS_DOCS_JSONL N OUT.xml
"""
import html
import json
import sys


def main():
    src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    docs = [json.loads(line) for line in open(src, encoding="utf-8")]
    parts = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
             '<title>ECB+ dev loopback</title><link>http://ecb.example.org/</link>']
    for i in range(n):
        text = docs[i % len(docs)]["text"].strip()
        title = text.split("\n")[0][:150]
        link = f"http://ecb.example.org/doc/{i}"
        parts.append(f"<item><title>{html.escape(title)}</title><link>{link}</link>"
                     f"<guid>{link}</guid><pubDate>Mon, 25 Mar 2024 12:00:00 GMT</pubDate>"
                     f"<description>{html.escape(text)}</description></item>")
    parts.append("</channel></rss>")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(parts))


if __name__ == "__main__":
    main()
