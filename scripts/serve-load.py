#!/usr/bin/env python3
"""Writes a deterministic JSON Lines load for `usher serve`: REQUESTS customer messages spread
over SESSIONS interleaved sessions, drawn from phrases the example bot knows (and some it does
not), or with a CSV file (text,category, as BANKING77's test.csv) from that file's texts.
Usage: scripts/serve-load.py [REQUESTS] [SESSIONS] [TEXTS.csv] > load.jsonl"""
import csv
import json
import random
import sys

requests = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
sessions = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
texts = [
    "hello", "where is my order", "AB123456", "I want to file a claim", "PN-123456", "yesterday",
    "what are your opening hours", "thanks", "cancel my order", "yes", "I was charged twice", "xyzzy",
    "my phone was stolen on 3 March, policy PN-654321", "can I pay with paypal", "bye",
]
if len(sys.argv) > 3:
    with open(sys.argv[3], newline="") as file:
        texts = [row["text"] for row in csv.DictReader(file)]
random.seed(7)
out = sys.stdout
for request in range(requests):
    line = {"id": request, "session": "c-%d" % random.randrange(sessions), "text": random.choice(texts)}
    out.write(json.dumps(line) + "\n")
