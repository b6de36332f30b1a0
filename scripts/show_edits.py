"""Pretty-prints `xeber normalize --json` from stdin: each edit with its kind and confidence."""

import json
import sys

data = json.load(sys.stdin)
for e in data["edits"]:
    print(f"  {e['kind']:12} {e['original']!r:28} → {e['replacement']!r:24} ({e['confidence']:.2f})")
print(f"  {len(data['edits'])} edits")
