"""Reads RTF files back to text with striprtf (PyPI), for tests/request_hostile.rs.

Prints a JSON list with the text of each file given as an argument. A
character above U+FFFF comes back from striprtf as its two surrogates; they
are joined again here. Installed by scripts/setup.sh (pip, --user).
"""
import json
import sys

from striprtf.striprtf import rtf_to_text

out = []
for path in sys.argv[1:]:
    with open(path, encoding="ascii") as f:
        text = rtf_to_text(f.read())
    out.append(text.encode("utf-16", "surrogatepass").decode("utf-16"))
print(json.dumps(out))
