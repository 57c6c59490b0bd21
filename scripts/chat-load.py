#!/usr/bin/env python3
"""Writes the load for the `usher chat` benchmark: N customer lines drawn from evals/desk.jsonl
(seeded, so every run gets the same lines), with `/session sK` every 50 lines.

    python3 scripts/chat-load.py 20000 > chat-load.txt
    time usher chat --debug < chat-load.txt > /dev/null
"""
import json
import random
import sys
from pathlib import Path

count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
texts = [json.loads(line)["text"] for line in (Path(__file__).parent.parent / "evals/desk.jsonl").open() if line.strip()]
random.seed(5)
for index in range(count):
    if index % 50 == 0:
        print(f"/session s{index // 50}")
    print(random.choice(texts))
